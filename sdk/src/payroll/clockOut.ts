import type { Hash, TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { IdSchema, parse, writePayroll } from "./shared.ts";

export type ClockOutParameters = { employmentId: bigint | number | string };
export type ClockOutReturnType = { hash: Hash; receipt: TransactionReceipt };
export type ClockOutErrorType = ConductorInputError | ConductorContractError;

/**
 * Ends the shift and settles its pay (the worker). Sent from the client's account, which must be the employment's worker.
 * @example
 * await clockOut(client, { employmentId });
 */
export async function clockOut(client: ConductorClient, params: ClockOutParameters): Promise<ClockOutReturnType> {
  const employmentId = parse(IdSchema, params.employmentId, "employment id");
  return writePayroll(client, "clockOut", [employmentId]);
}
