import type { Hash } from "viem";
import { regionGovernorAbi } from "../generated/abis.ts";
import { asGovernanceError, type GovernanceContractError, type ProposalNotFoundError } from "./errors.ts";
import { getProposal } from "./getProposal.ts";
import type { GovernanceAddresses, Reader, Writer } from "./types.ts";

export interface QueueParameters extends GovernanceAddresses {
  proposalId: bigint;
  fromBlock?: bigint;
}

export type QueueReturnType = { hash: Hash };
export type QueueErrorType = ProposalNotFoundError | GovernanceContractError | Error;

/**
 * Queues a passed proposal in the timelock (its calls are read from its {ProposalCreated} event).
 * In Both mode only the council queues (`RegionGovernorOnlyCouncil`): its Safe must send this call.
 *
 * @example
 * await queue(publicClient, walletClient, { governor, regionParameters, proposalId });
 */
export async function queue(reader: Reader, writer: Writer, parameters: QueueParameters): Promise<QueueReturnType> {
  const p = await getProposal(reader, parameters);
  try {
    const { request } = await reader.simulateContract({
      account: writer.account,
      address: parameters.governor,
      abi: regionGovernorAbi,
      functionName: "queue",
      args: [p.targets, p.values, p.calldatas, p.descriptionHash],
    });
    const hash = await writer.writeContract(request);
    await reader.waitForTransactionReceipt({ hash });
    return { hash };
  } catch (error) {
    throw asGovernanceError(error);
  }
}
