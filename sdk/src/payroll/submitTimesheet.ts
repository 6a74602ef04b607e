import type { Hash, TransactionReceipt } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { IdSchema, parse, SecondsSchema, writePayroll } from "./shared.ts";

export type SubmitTimesheetParameters = {
  employmentId: bigint | number | string;
  /** Seconds worked (the CLI converts hours). */
  seconds: number | string;
};
export type SubmitTimesheetReturnType = { hash: Hash; receipt: TransactionReceipt };
export type SubmitTimesheetErrorType = ConductorInputError | ConductorContractError;

const Schema = z.object({ employmentId: IdSchema, seconds: SecondsSchema });

/**
 * Submits timesheet work for the company to approve. Sent from the client's account, which must be
 * the employment's worker (timesheet mode).
 * @example
 * await submitTimesheet(client, { employmentId, seconds: 8 * 3600 });
 */
export async function submitTimesheet(
  client: ConductorClient,
  params: SubmitTimesheetParameters,
): Promise<SubmitTimesheetReturnType> {
  const p = parse(Schema, params, "timesheet");
  return writePayroll(client, "submitTimesheet", [p.employmentId, p.seconds]);
}
