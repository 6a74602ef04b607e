import { concatHex, encodeFunctionData, type Hex, numberToHex, size, slice, toFunctionSelector } from "viem";
import { ConductorEncodingError } from "../errors.ts";
import { marketplaceAbi } from "../generated/abis.ts";

/**
 * The selector of `purchasePacked()`: the 32-byte purchase call. It is followed by exactly 28
 * bytes, big-endian and unpadded: `listingId (uint40) | quantity (uint40) | maxTotal (uint144)`.
 */
export const PURCHASE_PACKED_SELECTOR: Hex = toFunctionSelector("purchasePacked()");

/** The length of a packed purchase call in bytes: the selector and 5 + 5 + 18 bytes. */
export const PACKED_PURCHASE_LENGTH = 32;

/** The largest value each field of a packed purchase holds. */
export const PACKED_PURCHASE_MAX = {
  listingId: 2n ** 40n - 1n,
  quantity: 2n ** 40n - 1n,
  maxTotal: 2n ** 144n - 1n,
} as const;

const BYTES = { listingId: 5, quantity: 5, maxTotal: 18 } as const;
type Field = keyof typeof BYTES;

/** A purchase's arguments: listing id, units, and the most the buyer pays including tax (RSC wei). */
export interface PurchaseArguments {
  listingId: bigint;
  quantity: bigint;
  maxTotal: bigint;
}

/** Whether every argument fits the packed form (else the ABI `purchase` call carries it). */
export function fitsPackedPurchase(args: PurchaseArguments): boolean {
  return (Object.keys(BYTES) as Field[]).every((f) => args[f] >= 0n && args[f] <= PACKED_PURCHASE_MAX[f]);
}

/**
 * The 32-byte `purchasePacked()` call data of a purchase. Throws a {@link ConductorEncodingError}
 * (code `PackedPurchaseOutOfRange`, values `{ field, value, max }`) when a value does not fit:
 * listingId or quantity ≥ 2^40, maxTotal ≥ 2^144, or any of them negative.
 * @example
 * encodePackedPurchase({ listingId: 3n, quantity: 10n, maxTotal: 1_296n * 10n ** 18n });
 */
export function encodePackedPurchase(args: PurchaseArguments): Hex {
  const fields = (Object.keys(BYTES) as Field[]).map((field) => {
    const value = args[field];
    const max = PACKED_PURCHASE_MAX[field];
    if (value < 0n || value > max) {
      throw new ConductorEncodingError(
        "PackedPurchaseOutOfRange",
        { field, value, max },
        `${field} ${value} does not fit a packed purchase (0 to ${max}); use the ABI purchase call`,
      );
    }
    return numberToHex(value, { size: BYTES[field] });
  });
  return concatHex([PURCHASE_PACKED_SELECTOR, ...fields]);
}

/**
 * The call data of a purchase: the 32-byte `purchasePacked()` call, or the ABI
 * `purchase(listingId, quantity, maxTotal)` when a value does not fit it (listing id or quantity
 * ≥ 2^40, maximum ≥ 2^144 RSC wei). What `encodePurchase` sends, without the quote.
 */
export function encodePurchaseData(args: PurchaseArguments): Hex {
  if (fitsPackedPurchase(args)) return encodePackedPurchase(args);
  return encodeFunctionData({
    abi: marketplaceAbi,
    functionName: "purchase",
    args: [args.listingId, args.quantity, args.maxTotal],
  });
}

/**
 * The arguments of a `purchasePacked()` call. Throws a {@link ConductorEncodingError} when `data`
 * does not start with its selector (code `NotPackedPurchase`, values `{ selector }`) or is not
 * exactly 32 bytes long (code `PackedPurchaseLength`, values `{ length, expected }`).
 */
export function decodePackedPurchase(data: Hex): PurchaseArguments {
  const length = size(data);
  const selector = length >= 4 ? slice(data, 0, 4) : data;
  if (selector.toLowerCase() !== PURCHASE_PACKED_SELECTOR) {
    throw new ConductorEncodingError(
      "NotPackedPurchase",
      { selector },
      `${selector} is not the selector of purchasePacked() (${PURCHASE_PACKED_SELECTOR})`,
    );
  }
  if (length !== PACKED_PURCHASE_LENGTH) {
    throw new ConductorEncodingError(
      "PackedPurchaseLength",
      { length, expected: PACKED_PURCHASE_LENGTH },
      `a packed purchase is ${PACKED_PURCHASE_LENGTH} bytes long, not ${length}`,
    );
  }
  return {
    listingId: BigInt(slice(data, 4, 9)),
    quantity: BigInt(slice(data, 9, 14)),
    maxTotal: BigInt(slice(data, 14, 32)),
  };
}

/** Whether `data` is a packed purchase call (its selector; the length is checked by decoding). */
export function isPackedPurchase(data: Hex): boolean {
  return data.length >= 10 && data.slice(0, 10).toLowerCase() === PURCHASE_PACKED_SELECTOR;
}
