import { type Hash, parseEventLogs } from "viem";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError } from "../errors.ts";
import { writeContract } from "../internal/writeContract.ts";

export type ClaimUbiParameters = Record<string, never>;
export interface ClaimUbiReturnType {
  hash: Hash;
  memberId: bigint;
  /** RSC wei paid from the capital pool. */
  amount: bigint;
  /** Unix seconds from which the next claim is possible. */
  nextClaimAt: number;
}
export type ClaimUbiErrorType = ConductorContractError | ConductorError;

/**
 * Claims this period's universal basic income for the client's account (an active member).
 * Refused before signing when already claimed (with the next claim time) or when the pool is short.
 * @example
 * const { amount, nextClaimAt } = await claimUbi(client);
 */
export async function claimUbi(client: ConductorClient, _params: ClaimUbiParameters = {}): Promise<ClaimUbiReturnType> {
  const { capitalPool } = coreContracts(client);
  const { hash, receipt } = await writeContract(client, { ...capitalPool, functionName: "claimUbi", args: [] });
  const [event] = parseEventLogs({ abi: capitalPool.abi, logs: receipt.logs, eventName: "UbiClaimed" });
  return { hash, memberId: event.args.memberId, amount: event.args.amount, nextClaimAt: event.args.nextClaimAt };
}
