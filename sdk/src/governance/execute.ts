import type { Hash } from "viem";
import { regionGovernorAbi } from "../generated/abis.ts";
import { asGovernanceError, type GovernanceContractError, type ProposalNotFoundError } from "./errors.ts";
import { getProposal } from "./getProposal.ts";
import type { GovernanceAddresses, Reader, Writer } from "./types.ts";

export interface ExecuteParameters extends GovernanceAddresses {
  proposalId: bigint;
  fromBlock?: bigint;
}

export type ExecuteReturnType = { hash: Hash };
export type ExecuteErrorType = ProposalNotFoundError | GovernanceContractError | Error;

/**
 * Executes a queued proposal once the timelock's delay has passed; anyone may.
 *
 * @example
 * await execute(publicClient, walletClient, { governor, regionParameters, proposalId });
 */
export async function execute(
  reader: Reader,
  writer: Writer,
  parameters: ExecuteParameters,
): Promise<ExecuteReturnType> {
  const p = await getProposal(reader, parameters);
  try {
    const { request } = await reader.simulateContract({
      account: writer.account,
      address: parameters.governor,
      abi: regionGovernorAbi,
      functionName: "execute",
      args: [p.targets, p.values, p.calldatas, p.descriptionHash],
    });
    const hash = await writer.writeContract(request);
    await reader.waitForTransactionReceipt({ hash });
    return { hash };
  } catch (error) {
    throw asGovernanceError(error);
  }
}
