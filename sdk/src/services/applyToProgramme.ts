import { type Hash, parseEventLogs, type TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { educationAbi } from "../generated/abis.ts";
import { IdSchema, parse, writeService } from "./shared.ts";

export type ApplyToProgrammeParameters = { programmeId: bigint | number | string };
/** `priority`: whether she joined the priority class (new, or not enrolled for N years). */
export type ApplyToProgrammeReturnType = { hash: Hash; receipt: TransactionReceipt; priority: boolean };
export type ApplyToProgrammeErrorType = ConductorInputError | ConductorContractError;

/**
 * Joins a programme's wait-list. Sent from the member's account.
 * @example
 * const { priority } = await applyToProgramme(client, { programmeId: 2 });
 */
export async function applyToProgramme(
  client: ConductorClient,
  params: ApplyToProgrammeParameters,
): Promise<ApplyToProgrammeReturnType> {
  const programmeId = parse(IdSchema, params.programmeId, "programme id");
  const { hash, receipt } = await writeService(client, "Education", "applyTo", [programmeId]);
  const [applied] = parseEventLogs({ abi: educationAbi, eventName: "Applied", logs: receipt.logs });
  return { hash, receipt, priority: applied.args.priority };
}
