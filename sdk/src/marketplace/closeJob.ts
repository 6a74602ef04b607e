import { encodeFunctionData } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { jobBoardAbi } from "../generated/abis.ts";
import { addressOf, type ContractCall, IdSchema, parseInput, send, type WriteResult } from "./shared.ts";

export const CloseJobParameters = z.object({ jobId: IdSchema });
export type CloseJobParameters = z.input<typeof CloseJobParameters>;
export type CloseJobReturnType = WriteResult;
export type CloseJobErrorType = import("../errors.ts").ConductorError;

/** The call that closes a job opening. */
export function encodeCloseJob(client: Pick<ConductorClient, "deployment">, params: CloseJobParameters): ContractCall {
  const p = parseInput(CloseJobParameters, params, "job");
  return {
    to: addressOf(client, "JobBoard"),
    data: encodeFunctionData({ abi: jobBoardAbi, functionName: "closeJob", args: [p.jobId] }),
    value: 0n,
  };
}

/**
 * Closes one of the client's job openings.
 * @example
 * await closeJob(client, { jobId: 4 });
 */
export function closeJob(client: ConductorClient, params: CloseJobParameters): Promise<CloseJobReturnType> {
  return send(client, encodeCloseJob(client, params));
}
