import type { Hash, TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import type { ProposalNotFoundError } from "./errors.ts";
import { getProposal } from "./getProposal.ts";
import { writeGovernor } from "./shared.ts";

export type QueueParameters = { proposalId: bigint | string; fromBlock?: bigint };
export type QueueReturnType = { hash: Hash; receipt: TransactionReceipt };
export type QueueErrorType = ConductorInputError | ProposalNotFoundError | ConductorContractError;

/**
 * Queues a passed proposal in the timelock (its calls are read from its {ProposalCreated} event).
 * In Both mode only the council queues (`RegionGovernorOnlyCouncil`): its Safe sends this call.
 * @example
 * await queue(client, { proposalId });
 */
export async function queue(client: ConductorClient, params: QueueParameters): Promise<QueueReturnType> {
  const p = await getProposal(client, params);
  const { hash, receipt } = await writeGovernor(client, "queue", [p.targets, p.values, p.calldatas, p.descriptionHash]);
  return { hash, receipt };
}
