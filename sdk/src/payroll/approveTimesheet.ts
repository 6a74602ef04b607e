import type { Address, Hash, Hex, TransactionReceipt } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { encodePayroll, IdSchema, parse, payrollAddress, SecondsSchema, writePayroll } from "./shared.ts";

export type ApproveTimesheetParameters = {
  employmentId: bigint | number | string;
  /** Seconds approved, at most the pending seconds; the rest of the pending timesheet is rejected. */
  seconds: number | string;
};
export type ApproveTimesheetReturnType = { hash: Hash; receipt: TransactionReceipt };
export type ApproveTimesheetErrorType = ConductorInputError | ConductorContractError;

const Schema = z.object({ employmentId: IdSchema, seconds: z.union([z.literal(0), SecondsSchema]) });

function args(params: ApproveTimesheetParameters): readonly unknown[] {
  const p = parse(Schema, params, "timesheet approval");
  return [p.employmentId, p.seconds];
}

/**
 * Approves pending timesheet work at the worker's current wage. Sent from the client's account,
 * which must be the company's treasury; a Safe treasury uses {@link encodeApproveTimesheet}.
 * @example
 * await approveTimesheet(client, { employmentId, seconds: 8 * 3600 });
 */
export async function approveTimesheet(
  client: ConductorClient,
  params: ApproveTimesheetParameters,
): Promise<ApproveTimesheetReturnType> {
  return writePayroll(client, "approveTimesheet", args(params));
}

/** The `{ to, data }` of an approval, for the company's Safe to execute. */
export function encodeApproveTimesheet(
  client: ConductorClient,
  params: ApproveTimesheetParameters,
): { to: Address; data: Hex } {
  return { to: payrollAddress(client), data: encodePayroll("approveTimesheet", args(params)) };
}
