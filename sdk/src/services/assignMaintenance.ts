import type { Address, Hash, Hex, TransactionReceipt } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { IdSchema, parse, serviceCall, writeService } from "./shared.ts";

export type AssignMaintenanceParameters = {
  /** A Payroll employment of the housing company. */
  employmentId: bigint | number | string;
  buildingId: bigint | number | string;
};
export type AssignMaintenanceReturnType = { hash: Hash; receipt: TransactionReceipt };
export type AssignMaintenanceErrorType = ConductorInputError | ConductorContractError;

const Schema = z.object({ employmentId: IdSchema, buildingId: IdSchema });

function args(params: AssignMaintenanceParameters): readonly unknown[] {
  const p = parse(Schema, params, "assignMaintenance");
  return [p.employmentId, p.buildingId];
}

/**
 * Assigns one of the housing company's Payroll employments to maintain a building: the wages
 * Payroll pays it from now on become the building's maintenance costs (booked by `bookWages`).
 * Sent from the housing company's treasury account; a Safe treasury uses {@link encodeAssignMaintenance}.
 * @example
 * await assignMaintenance(client, { employmentId, buildingId: 1 });
 */
export async function assignMaintenance(
  client: ConductorClient,
  params: AssignMaintenanceParameters,
): Promise<AssignMaintenanceReturnType> {
  return writeService(client, "Housing", "assignMaintenance", args(params));
}

/** The `{ to, data }` of {@link assignMaintenance}, for the housing company's Safe. */
export function encodeAssignMaintenance(
  client: ConductorClient,
  params: AssignMaintenanceParameters,
): { to: Address; data: Hex } {
  return serviceCall(client, "Housing", "assignMaintenance", args(params));
}
