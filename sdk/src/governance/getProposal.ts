import { type Address, decodeFunctionData, type Hex, isAddressEqual, keccak256, toBytes } from "viem";
import { regionGovernorAbi, regionParametersAbi } from "../generated/abis.ts";
import { Param } from "../generated/enums.ts";
import { ProposalNotFoundError } from "./errors.ts";
import type { ParameterChangeInput } from "./propose.ts";
import { type GovernanceAddresses, ProposalState, type Reader } from "./types.ts";

export interface GetProposalParameters extends GovernanceAddresses {
  proposalId: bigint;
  /** First block to search for the proposal (default: the chain's first). */
  fromBlock?: bigint;
}

/** A proposal as members see it: what it does, where it stands, and its tally. */
export interface Proposal {
  proposalId: bigint;
  proposer: Address;
  description: string;
  descriptionHash: Hex;
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  /** The parameter changes among its calls, decoded. */
  changes: ParameterChangeInput[];
  state: ProposalState;
  votes: { against: bigint; for: bigint; abstain: bigint };
  /** Votes (for + abstain) needed, fixed when the proposal was made. */
  quorum: bigint;
  /** When the vote opens and closes (timestamps). */
  snapshot: bigint;
  deadline: bigint;
  /** When the queued proposal becomes executable (0 until queued). */
  eta: bigint;
}

export type GetProposalReturnType = Proposal;
export type GetProposalErrorType = ProposalNotFoundError | Error;

type Created = {
  proposalId: bigint;
  proposer: Address;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  description: string;
};

/** The parameter changes a proposal's calls make (other calls are left out). */
export function decodeParameterChanges(
  regionParameters: Address,
  targets: readonly Address[],
  calldatas: readonly Hex[],
): ParameterChangeInput[] {
  const changes: ParameterChangeInput[] = [];
  targets.forEach((target, i) => {
    if (!isAddressEqual(target, regionParameters)) return;
    try {
      const call = decodeFunctionData({ abi: regionParametersAbi, data: calldatas[i] });
      if (call.functionName === "setParameter") {
        const [param, value] = call.args;
        changes.push({ param: Param[param], value });
      } else if (call.functionName === "setParameters") {
        const [params, values] = call.args;
        params.forEach((p, j) => {
          changes.push({ param: Param[p], value: values[j] });
        });
      }
    } catch {
      // not a parameter change the SDK knows how to show
    }
  });
  return changes;
}

/** Reads where a created proposal stands. Used by {@link getProposal} and `getProposals`. */
export async function readProposal(
  reader: Reader,
  addresses: GovernanceAddresses,
  created: Created,
): Promise<Proposal> {
  const address = addresses.governor;
  const id = created.proposalId;
  const [state, tally, snapshot, deadline] = await Promise.all([
    reader.readContract({ address, abi: regionGovernorAbi, functionName: "state", args: [id] }),
    reader.readContract({ address, abi: regionGovernorAbi, functionName: "proposalTally", args: [id] }),
    reader.readContract({ address, abi: regionGovernorAbi, functionName: "proposalSnapshot", args: [id] }),
    reader.readContract({ address, abi: regionGovernorAbi, functionName: "proposalDeadline", args: [id] }),
  ]);
  return {
    proposalId: id,
    proposer: created.proposer,
    description: created.description,
    descriptionHash: keccak256(toBytes(created.description)),
    targets: [...created.targets],
    values: [...created.values],
    calldatas: [...created.calldatas],
    changes: decodeParameterChanges(addresses.regionParameters, created.targets, created.calldatas),
    state: ProposalState[state],
    votes: { against: BigInt(tally.againstVotes), for: BigInt(tally.forVotes), abstain: BigInt(tally.abstainVotes) },
    quorum: BigInt(tally.quorum),
    snapshot,
    deadline,
    eta: BigInt(tally.etaSeconds),
  };
}

/**
 * One proposal by id: its calls (from its {ProposalCreated} event), decoded parameter changes,
 * state and tally. Queue and execute use it to find the calls to resubmit.
 *
 * @example
 * const p = await getProposal(publicClient, { governor, regionParameters, proposalId });
 * p.state; // "Active"
 */
export async function getProposal(
  reader: Reader,
  { proposalId, fromBlock = 0n, ...addresses }: GetProposalParameters,
): Promise<GetProposalReturnType> {
  const events = await reader.getContractEvents({
    address: addresses.governor,
    abi: regionGovernorAbi,
    eventName: "ProposalCreated",
    fromBlock,
    strict: true,
  });
  const created = events.find((e) => e.args.proposalId === proposalId);
  if (!created) throw new ProposalNotFoundError(proposalId);
  return readProposal(reader, addresses, created.args);
}
