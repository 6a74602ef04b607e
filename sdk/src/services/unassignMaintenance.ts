import type { Address, Hash, Hex, TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { IdSchema, parse, serviceCall, writeService } from "./shared.ts";

export type UnassignMaintenanceParameters = { employmentId: bigint | number | string };
export type UnassignMaintenanceReturnType = { hash: Hash; receipt: TransactionReceipt };
export type UnassignMaintenanceErrorType = ConductorInputError | ConductorContractError;

function args(params: UnassignMaintenanceParameters): readonly unknown[] {
  return [parse(IdSchema, params.employmentId, "employment id")];
}

/**
 * Books an employment's unbooked maintenance wages, then ends its assignment to its building. Sent
 * from the housing company's treasury account; a Safe treasury uses {@link encodeUnassignMaintenance}.
 * @example
 * await unassignMaintenance(client, { employmentId });
 */
export async function unassignMaintenance(
  client: ConductorClient,
  params: UnassignMaintenanceParameters,
): Promise<UnassignMaintenanceReturnType> {
  return writeService(client, "Housing", "unassignMaintenance", args(params));
}

/** The `{ to, data }` of {@link unassignMaintenance}, for the housing company's Safe. */
export function encodeUnassignMaintenance(
  client: ConductorClient,
  params: UnassignMaintenanceParameters,
): { to: Address; data: Hex } {
  return serviceCall(client, "Housing", "unassignMaintenance", args(params));
}
