import type { Hash } from "viem";
import { z } from "zod";
import { type ConductorClient, requireWallet } from "../client.ts";
import { type ConductorContractError, ConductorPreflightError } from "../errors.ts";
import { safeProposalsAbi } from "../generated/abis.ts";
import { writeContract } from "../internal/writeContract.ts";
import { approveSafeTransaction } from "../safe/approveSafeTransaction.ts";
import { signSafeTransaction } from "../safe/signSafeTransaction.ts";
import { listPendingProposals } from "./listPendingProposals.ts";
import {
  boardAddress,
  isOwnerOf,
  parseInput,
  readProposal,
  readSafe,
  SafeTxHashSchema,
  toSafeTransaction,
} from "./shared.ts";

export const ApproveProposalParameters = z.object({
  safeTxHash: SafeTxHashSchema,
  /** "onchain": `Safe.approveHash` (default); "signature": post an EIP-712 signature to the board. */
  method: z.enum(["onchain", "signature"]).default("onchain"),
});
export type ApproveProposalParameters = z.input<typeof ApproveProposalParameters>;
export interface ApproveProposalReturnType {
  hash: Hash;
  /** Approvals after this one, and the Safe's threshold. */
  approvals: number;
  threshold: number;
}
export type ApproveProposalErrorType = ConductorPreflightError | ConductorContractError;

/**
 * Approves a pending proposal as the client's account (an owner of the Safe): on-chain with
 * `approveHash`, or by posting an EIP-712 signature to the board. Refuses before sending when the
 * proposal is unknown or no longer pending, the client is not an owner, or it already approved.
 * @example
 * const { approvals, threshold } = await approveProposal(client, { safeTxHash });
 */
export async function approveProposal(
  client: ConductorClient,
  params: ApproveProposalParameters,
): Promise<ApproveProposalReturnType> {
  const { safeTxHash, method } = parseInput(ApproveProposalParameters, params, "approval");
  const sender = requireWallet(client).account.address;
  const proposal = await readProposal(client, safeTxHash);
  if (!proposal) {
    throw new ConductorPreflightError("UnknownProposal", { safeTxHash }, `no proposal ${safeTxHash} on the board`);
  }
  const safe = await readSafe(client, proposal.safe);
  if (!isOwnerOf(safe.owners, sender)) {
    throw new ConductorPreflightError(
      "NotSafeOwner",
      { account: sender, safe: proposal.safe },
      `${sender} is not a signer of the company's Safe ${proposal.safe}`,
    );
  }
  if (proposal.nonce < safe.nonce) {
    throw new ConductorPreflightError(
      "ProposalNotPending",
      { safeTxHash, nonce: proposal.nonce, currentNonce: safe.nonce },
      `proposal ${safeTxHash} is no longer pending: the Safe already used nonce ${proposal.nonce}`,
    );
  }
  const before = (await listPendingProposals(client, { safe: proposal.safe })).find((p) => p.safeTxHash === safeTxHash);
  if (before && isOwnerOf(before.approvals, sender)) {
    throw new ConductorPreflightError(
      "AlreadyApproved",
      { safeTxHash, owner: sender },
      `${sender} already approved proposal ${safeTxHash} (${before.approvals.length} of ${before.threshold})`,
    );
  }
  const transaction = toSafeTransaction(proposal);
  let hash: Hash;
  if (method === "onchain") {
    hash = (await approveSafeTransaction(client, { safe: proposal.safe, transaction })).hash;
  } else {
    const { signature } = await signSafeTransaction(client, { safe: proposal.safe, transaction });
    hash = (
      await writeContract(client, {
        address: boardAddress(client),
        abi: safeProposalsAbi,
        functionName: "postSignature",
        args: [safeTxHash, signature],
      })
    ).hash;
  }
  return { hash, approvals: (before?.approvals.length ?? 0) + 1, threshold: safe.threshold };
}
