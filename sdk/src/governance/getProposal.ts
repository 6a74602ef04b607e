import { type Address, decodeFunctionData, type Hex, isAddressEqual, keccak256, toBytes } from "viem";
import type { ConductorClient } from "../client.ts";
import { regionGovernorAbi, regionParametersAbi } from "../generated/abis.ts";
import { Param } from "../generated/enums.ts";
import { ProposalNotFoundError } from "./errors.ts";
import type { ParameterChangeValue } from "./propose.ts";
import { governanceAddresses, ProposalIdSchema, ProposalState, parse } from "./shared.ts";

export type GetProposalParameters = { proposalId: bigint | string; fromBlock?: bigint };

/** A proposal as members see it: what it does, where it stands, and its tally. */
export type Proposal = {
  proposalId: bigint;
  proposer: Address;
  description: string;
  descriptionHash: Hex;
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  /** The parameter changes among its calls, decoded. */
  changes: ParameterChangeValue[];
  state: ProposalState;
  votes: { against: bigint; for: bigint; abstain: bigint };
  /** Votes (for + abstain) needed, fixed when the proposal was made. */
  quorum: bigint;
  /** When the vote opens and closes (timestamps). */
  snapshot: bigint;
  deadline: bigint;
  /** When the queued proposal becomes executable (0 until queued). */
  eta: bigint;
};

export type GetProposalReturnType = Proposal;
export type GetProposalErrorType = ProposalNotFoundError;

/** The arguments of a {ProposalCreated} event. */
export type ProposalCreated = {
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
): ParameterChangeValue[] {
  const changes: ParameterChangeValue[] = [];
  for (const [i, target] of targets.entries()) {
    if (!isAddressEqual(target, regionParameters)) continue;
    try {
      const call = decodeFunctionData({ abi: regionParametersAbi, data: calldatas[i] });
      if (call.functionName === "setParameter") {
        changes.push({ param: Param[call.args[0]], value: call.args[1] });
      } else if (call.functionName === "setParameters") {
        const [params, values] = call.args;
        for (const [j, p] of params.entries()) changes.push({ param: Param[p], value: values[j] });
      }
    } catch {
      // another function of the parameters contract (an upgrade, a role): shown as a raw call only
    }
  }
  return changes;
}

/**
 * Every {ProposalCreated} event of the region's governor, oldest first.
 * @example
 * const created = await proposalsCreated(client);
 * console.log(created.map((p) => p.description));
 */
export async function proposalsCreated(client: ConductorClient, fromBlock?: bigint): Promise<ProposalCreated[]> {
  const events = await client.publicClient.getContractEvents({
    address: governanceAddresses(client).governor,
    abi: regionGovernorAbi,
    eventName: "ProposalCreated",
    fromBlock: fromBlock ?? BigInt(client.deployment.startBlock),
    strict: true,
  });
  return events.map((e) => e.args);
}

/**
 * Reads where a created proposal stands.
 * @example
 * const [first] = await proposalsCreated(client);
 * const { state } = await readProposal(client, first);
 */
export async function readProposal(client: ConductorClient, created: ProposalCreated): Promise<Proposal> {
  const { governor: address, regionParameters } = governanceAddresses(client);
  const reader = client.publicClient;
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
    changes: decodeParameterChanges(regionParameters, created.targets, created.calldatas),
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
 * @example
 * const p = await getProposal(client, { proposalId });
 * p.state; // "Active"
 */
export async function getProposal(
  client: ConductorClient,
  params: GetProposalParameters,
): Promise<GetProposalReturnType> {
  const proposalId = parse(ProposalIdSchema, params.proposalId, "proposal id");
  const created = (await proposalsCreated(client, params.fromBlock)).find((e) => e.proposalId === proposalId);
  if (!created) throw new ProposalNotFoundError(proposalId);
  return readProposal(client, created);
}
