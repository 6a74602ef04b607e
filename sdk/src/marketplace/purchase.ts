import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { marketplaceAbi } from "../generated/abis.ts";
import { encodePurchaseData } from "./packedPurchase.ts";
import {
  addressOf,
  type ContractCall,
  IdSchema,
  parseInput,
  RscAmountSchema,
  send,
  type WriteResult,
} from "./shared.ts";

export const PurchaseParameters = z.object({
  listingId: IdSchema,
  quantity: IdSchema,
  /** The most the buyer pays including sales tax; defaults to today's quote (no price rise accepted). */
  maxTotal: RscAmountSchema.optional(),
});
export type PurchaseParameters = z.input<typeof PurchaseParameters>;
export type PurchaseReturnType = WriteResult & { maxTotal: bigint };
export type PurchaseErrorType = import("../errors.ts").ConductorError;

/**
 * The purchase call with its maximum total: today's quote unless the buyer states one. The call is
 * the 32-byte `purchasePacked()` (cheaper to send and for a Safe to hash); the ABI
 * `purchase(listingId, quantity, maxTotal)` only when a value does not fit it (listing id or
 * quantity ≥ 2^40, maximum ≥ 2^144 RSC wei).
 */
export async function encodePurchase(
  client: Pick<ConductorClient, "deployment" | "publicClient">,
  params: PurchaseParameters,
): Promise<ContractCall & { maxTotal: bigint }> {
  const p = parseInput(PurchaseParameters, params, "purchase");
  const to = addressOf(client, "Marketplace");
  let maxTotal = p.maxTotal;
  if (maxTotal === undefined) {
    const [net, tax] = await client.publicClient.readContract({
      address: to,
      abi: marketplaceAbi,
      functionName: "quote",
      args: [p.listingId, p.quantity],
    });
    maxTotal = net + tax;
  }
  return {
    to,
    data: encodePurchaseData({ listingId: p.listingId, quantity: p.quantity, maxTotal }),
    value: 0n,
    maxTotal,
  };
}

/**
 * Buys `quantity` units of a listing; the buyer pays the net to the seller and the sales tax to
 * the capital pool, never more than `maxTotal`.
 * @example
 * await purchase(client, { listingId: 3, quantity: 10 });
 */
export async function purchase(client: ConductorClient, params: PurchaseParameters): Promise<PurchaseReturnType> {
  const call = await encodePurchase(client, params);
  return { ...(await send(client, call)), maxTotal: call.maxTotal };
}
