import type { Hash, TransactionReceipt } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { ProposalIdSchema, parse, VoteSupport, writeGovernor } from "./shared.ts";

const CastVoteSchema = z.object({
  proposalId: ProposalIdSchema,
  support: z.enum(VoteSupport),
  reason: z.string().trim().optional(),
});

export type CastVoteParameters = {
  proposalId: bigint | string;
  support: VoteSupport;
  /** Recorded in the {VoteCast} event. */
  reason?: string;
};
export type CastVoteReturnType = { hash: Hash; receipt: TransactionReceipt };
/** A non-member is refused with `RegionGovernorNotAMember`, a second vote with `RegionGovernorAlreadyVoted`. */
export type CastVoteErrorType = ConductorInputError | ConductorContractError;

/**
 * Casts the client's member vote on a proposal.
 * @example
 * await castVote(client, { proposalId, support: "for", reason: "cheaper groceries" });
 */
export async function castVote(client: ConductorClient, params: CastVoteParameters): Promise<CastVoteReturnType> {
  const { proposalId, support, reason } = parse(CastVoteSchema, params, "vote");
  const supportId = VoteSupport.indexOf(support);
  const { hash, receipt } = reason
    ? await writeGovernor(client, "castVoteWithReason", [proposalId, supportId, reason])
    : await writeGovernor(client, "castVote", [proposalId, supportId]);
  return { hash, receipt };
}
