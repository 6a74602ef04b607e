import type { Hash, TransactionReceipt } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { type ConductorContractError, ConductorPreflightError, toConductorError } from "../errors.ts";
import { executeSafeTransaction } from "../safe/executeSafeTransaction.ts";
import { listPendingProposals } from "./listPendingProposals.ts";
import { parseInput, readProposal, readSafe, SafeTxHashSchema, toSafeTransaction } from "./shared.ts";

export const ExecuteProposalParameters = z.object({ safeTxHash: SafeTxHashSchema });
export type ExecuteProposalParameters = z.input<typeof ExecuteProposalParameters>;
export interface ExecuteProposalReturnType {
  hash: Hash;
  receipt: TransactionReceipt;
  description: string;
}
export type ExecuteProposalErrorType = ConductorPreflightError | ConductorContractError;

/**
 * Executes a pending proposal: gathers the owners' on-chain approvals and the signatures posted
 * on the board (plus the client's own account if it is an owner), sorts them by owner as the Safe
 * requires and has the Safe execute. Refuses, sending nothing, when the proposal is unknown, not
 * the Safe's next nonce, below the threshold, or when its call would fail.
 * @example
 * const { description } = await executeProposal(client, { safeTxHash });
 */
export async function executeProposal(
  client: ConductorClient,
  params: ExecuteProposalParameters,
): Promise<ExecuteProposalReturnType> {
  const { safeTxHash } = parseInput(ExecuteProposalParameters, params, "execution");
  const proposal = await readProposal(client, safeTxHash);
  if (!proposal) {
    throw new ConductorPreflightError("UnknownProposal", { safeTxHash }, `no proposal ${safeTxHash} on the board`);
  }
  const { nonce } = await readSafe(client, proposal.safe);
  if (proposal.nonce !== nonce) {
    throw new ConductorPreflightError(
      proposal.nonce < nonce ? "ProposalNotPending" : "ProposalNotNext",
      { safeTxHash, nonce: proposal.nonce, currentNonce: nonce },
      proposal.nonce < nonce
        ? `proposal ${safeTxHash} is no longer pending: the Safe already used nonce ${proposal.nonce}`
        : `proposal ${safeTxHash} is for nonce ${proposal.nonce}; the Safe executes nonce ${nonce} first`,
    );
  }
  const pending = (await listPendingProposals(client, { safe: proposal.safe })).find(
    (p) => p.safeTxHash === safeTxHash,
  )!;
  try {
    await client.publicClient.call({
      account: proposal.safe,
      to: proposal.to,
      data: proposal.data,
      value: proposal.value,
    });
  } catch (error) {
    throw toConductorError(error);
  }
  const { hash, receipt } = await executeSafeTransaction(client, {
    safe: proposal.safe,
    transaction: toSafeTransaction(proposal),
    signatures: pending.signatures,
  });
  return { hash, receipt, description: pending.description };
}
