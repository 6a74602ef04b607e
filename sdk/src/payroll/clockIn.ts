import type { Hash, TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { IdSchema, parse, writePayroll } from "./shared.ts";

export type ClockInParameters = { employmentId: bigint | number | string };
export type ClockInReturnType = { hash: Hash; receipt: TransactionReceipt };
export type ClockInErrorType = ConductorInputError | ConductorContractError;

/**
 * Starts a shift (the worker). Sent from the client's account, which must be the employment's worker.
 * @example
 * await clockIn(client, { employmentId });
 */
export async function clockIn(client: ConductorClient, params: ClockInParameters): Promise<ClockInReturnType> {
  const employmentId = parse(IdSchema, params.employmentId, "employment id");
  return writePayroll(client, "clockIn", [employmentId]);
}
