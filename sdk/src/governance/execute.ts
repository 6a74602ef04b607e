import type { Hash, TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import type { ProposalNotFoundError } from "./errors.ts";
import { getProposal } from "./getProposal.ts";
import { writeGovernor } from "./shared.ts";

export type ExecuteParameters = { proposalId: bigint | string; fromBlock?: bigint };
export type ExecuteReturnType = { hash: Hash; receipt: TransactionReceipt };
export type ExecuteErrorType = ConductorInputError | ProposalNotFoundError | ConductorContractError;

/**
 * Executes a queued proposal once the timelock's delay has passed; anyone may.
 * @example
 * await execute(client, { proposalId });
 */
export async function execute(client: ConductorClient, params: ExecuteParameters): Promise<ExecuteReturnType> {
  const p = await getProposal(client, params);
  const { hash, receipt } = await writeGovernor(client, "execute", [
    p.targets,
    p.values,
    p.calldatas,
    p.descriptionHash,
  ]);
  return { hash, receipt };
}
