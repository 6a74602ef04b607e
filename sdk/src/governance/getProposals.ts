import type { ConductorClient } from "../client.ts";
import { type Proposal, proposalsCreated, readProposal } from "./getProposal.ts";
import type { ProposalState } from "./shared.ts";

export type GetProposalsParameters = {
  /** Only proposals in one of these states (default: all). */
  states?: readonly ProposalState[];
  fromBlock?: bigint;
};
export type GetProposalsReturnType = Proposal[];
export type GetProposalsErrorType = Error;

/**
 * Every proposal made on the region's governor, oldest first, with its state and tally.
 * @example
 * const open = await getProposals(client, { states: ["Active"] });
 */
export async function getProposals(
  client: ConductorClient,
  params: GetProposalsParameters = {},
): Promise<GetProposalsReturnType> {
  const created = await proposalsCreated(client, params.fromBlock);
  const proposals = await Promise.all(created.map((c) => readProposal(client, c)));
  return params.states ? proposals.filter((p) => params.states?.includes(p.state)) : proposals;
}
