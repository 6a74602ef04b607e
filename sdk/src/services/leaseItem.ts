import type { Address, Hash, Hex, TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { IdSchema, parse, serviceCall, writeService } from "./shared.ts";

export type LeaseItemParameters = { itemId: bigint | number | string };
export type LeaseItemReturnType = { hash: Hash; receipt: TransactionReceipt };
export type LeaseItemErrorType = ConductorInputError | ConductorContractError;

/**
 * Leases an available item of the regional inventory. Sent from the company's treasury account;
 * a Safe treasury uses {@link encodeLeaseItem}.
 * @example
 * await leaseItem(client, { itemId: 4 });
 */
export async function leaseItem(client: ConductorClient, params: LeaseItemParameters): Promise<LeaseItemReturnType> {
  return writeService(client, "RegionalInventory", "lease", [parse(IdSchema, params.itemId, "item id")]);
}

/** The `{ to, data }` of {@link leaseItem}, for the company's Safe. */
export function encodeLeaseItem(client: ConductorClient, params: LeaseItemParameters): { to: Address; data: Hex } {
  return serviceCall(client, "RegionalInventory", "lease", [parse(IdSchema, params.itemId, "item id")]);
}
