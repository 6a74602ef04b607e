import { regionGovernorAbi } from "../generated/abis.ts";
import { type Proposal, readProposal } from "./getProposal.ts";
import type { GovernanceAddresses, ProposalState, Reader } from "./types.ts";

export interface GetProposalsParameters extends GovernanceAddresses {
  /** Only proposals in one of these states (default: all). */
  states?: readonly ProposalState[];
  /** First block to search (default: the chain's first). */
  fromBlock?: bigint;
}

export type GetProposalsReturnType = Proposal[];
export type GetProposalsErrorType = Error;

/**
 * Every proposal made on the governor, oldest first, with its state and tally.
 *
 * @example
 * const open = await getProposals(publicClient, { governor, regionParameters, states: ["Active"] });
 */
export async function getProposals(
  reader: Reader,
  { states, fromBlock = 0n, ...addresses }: GetProposalsParameters,
): Promise<GetProposalsReturnType> {
  const events = await reader.getContractEvents({
    address: addresses.governor,
    abi: regionGovernorAbi,
    eventName: "ProposalCreated",
    fromBlock,
    strict: true,
  });
  const proposals = await Promise.all(events.map((e) => readProposal(reader, addresses, e.args)));
  return states ? proposals.filter((p) => states.includes(p.state)) : proposals;
}
