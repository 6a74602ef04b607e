import type { Address, Hash } from "viem";
import { regionGovernorAbi } from "../generated/abis.ts";
import { asGovernanceError, type GovernanceContractError } from "./errors.ts";
import { type Reader, VoteSupport, type Writer } from "./types.ts";

export interface CastVoteParameters {
  governor: Address;
  proposalId: bigint;
  support: VoteSupport;
  /** Optional reason, recorded in the {VoteCast} event. */
  reason?: string;
}

export type CastVoteReturnType = { hash: Hash };
export type CastVoteErrorType = GovernanceContractError | Error;

/**
 * Casts the signer's member vote on a proposal. A non-member is refused with
 * `RegionGovernorNotAMember`, a second vote with `RegionGovernorAlreadyVoted`.
 *
 * @example
 * await castVote(publicClient, walletClient, { governor, proposalId, support: "for" });
 */
export async function castVote(
  reader: Reader,
  writer: Writer,
  { governor, proposalId, support, reason }: CastVoteParameters,
): Promise<CastVoteReturnType> {
  const supportId = VoteSupport.indexOf(support);
  try {
    let hash: Hash;
    if (reason) {
      const { request } = await reader.simulateContract({
        account: writer.account,
        address: governor,
        abi: regionGovernorAbi,
        functionName: "castVoteWithReason",
        args: [proposalId, supportId, reason],
      });
      hash = await writer.writeContract(request);
    } else {
      const { request } = await reader.simulateContract({
        account: writer.account,
        address: governor,
        abi: regionGovernorAbi,
        functionName: "castVote",
        args: [proposalId, supportId],
      });
      hash = await writer.writeContract(request);
    }
    await reader.waitForTransactionReceipt({ hash });
    return { hash };
  } catch (error) {
    throw asGovernanceError(error);
  }
}
