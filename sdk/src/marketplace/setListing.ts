import { encodeFunctionData } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { marketplaceAbi } from "../generated/abis.ts";
import { UNLIMITED } from "./createListing.ts";
import {
  addressOf,
  type ContractCall,
  IdSchema,
  parseInput,
  RscAmountSchema,
  send,
  type WriteResult,
} from "./shared.ts";

export const SetListingParameters = z.object({
  listingId: IdSchema,
  unitPrice: RscAmountSchema,
  quantity: z
    .union([
      z.literal("unlimited"),
      z.bigint().nonnegative(),
      z.number().int().nonnegative(),
      z.string().regex(/^\d+$/),
    ])
    .transform((q) => (q === "unlimited" ? UNLIMITED : BigInt(q))),
  active: z.boolean(),
});
export type SetListingParameters = z.input<typeof SetListingParameters>;
export type SetListingReturnType = WriteResult;
export type SetListingErrorType = import("../errors.ts").ConductorError;

/** The call that changes a listing's price, units and active flag. */
export function encodeSetListing(
  client: Pick<ConductorClient, "deployment">,
  params: SetListingParameters,
): ContractCall {
  const p = parseInput(SetListingParameters, params, "listing change");
  return {
    to: addressOf(client, "Marketplace"),
    data: encodeFunctionData({
      abi: marketplaceAbi,
      functionName: "setListing",
      args: [p.listingId, p.unitPrice, p.quantity, p.active],
    }),
    value: 0n,
  };
}

/**
 * Changes the client's listing.
 * @example
 * await setListing(client, { listingId: 1, unitPrice: "110", quantity: "unlimited", active: true });
 */
export function setListing(client: ConductorClient, params: SetListingParameters): Promise<SetListingReturnType> {
  return send(client, encodeSetListing(client, params));
}
