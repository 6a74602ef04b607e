import { encodeFunctionData } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { marketplaceAbi } from "../generated/abis.ts";
import { addressOf, type ContractCall, parseInput, RscAmountSchema, send, type WriteResult } from "./shared.ts";

/** "unlimited" quantity, as the contract stores it. */
export const UNLIMITED = 2n ** 64n - 1n;

export const CreateListingParameters = z.object({
  kind: z.enum(["Product", "Service"]),
  name: z.string().min(1, "a listing needs a name").max(128, "at most 128 bytes"),
  unitPrice: RscAmountSchema,
  /** Units on offer, or "unlimited". */
  quantity: z
    .union([
      z.literal("unlimited"),
      z.bigint().nonnegative(),
      z.number().int().nonnegative(),
      z.string().regex(/^\d+$/),
    ])
    .transform((q) => (q === "unlimited" ? UNLIMITED : BigInt(q)))
    .refine((q) => q <= UNLIMITED, { message: "too many units" }),
});
export type CreateListingParameters = z.input<typeof CreateListingParameters>;
export type CreateListingReturnType = WriteResult;
export type CreateListingErrorType = import("../errors.ts").ConductorError;

/** The call that lists an item; send it from an external company's account or propose it from a Safe. */
export function encodeCreateListing(
  client: Pick<ConductorClient, "deployment">,
  params: CreateListingParameters,
): ContractCall {
  const p = parseInput(CreateListingParameters, params, "listing");
  return {
    to: addressOf(client, "Marketplace"),
    data: encodeFunctionData({
      abi: marketplaceAbi,
      functionName: "createListing",
      args: [p.kind === "Product" ? 0 : 1, p.name, p.unitPrice, p.quantity],
    }),
    value: 0n,
  };
}

/**
 * Lists a product or service from the client's account (the company's treasury).
 * @example
 * await createListing(client, { kind: "Product", name: "Steel beam", unitPrice: "120", quantity: 50 });
 */
export function createListing(
  client: ConductorClient,
  params: CreateListingParameters,
): Promise<CreateListingReturnType> {
  return send(client, encodeCreateListing(client, params));
}
