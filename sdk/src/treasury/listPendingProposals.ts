import type { Address, Hash, Hex } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { type ConductorError, toConductorError } from "../errors.ts";
import { safeAbi, safeProposalsAbi } from "../generated/abis.ts";
import { describeSafeTransaction } from "../marketplace/describe.ts";
import type { SafeSignature } from "../safe/signSafeTransaction.ts";
import { AddressSchema, boardAddress, isOwnerOf, parseInput, readProposal, readSafe } from "./shared.ts";

export const ListPendingProposalsParameters = z.object({ safe: AddressSchema });
export type ListPendingProposalsParameters = z.input<typeof ListPendingProposalsParameters>;

/** One pending company transaction, decoded, with who approved it so far. */
export interface PendingProposal {
  safe: Address;
  safeTxHash: Hash;
  nonce: bigint;
  proposer: Address;
  postedAt: Date;
  to: Address;
  value: bigint;
  data: Hex;
  operation: number;
  /** The call in human terms, e.g. "buy 10 × Steel beam from Acme Steel for 1,200.00 RSC (…)". */
  description: string;
  /** Current owners who approved on-chain (`approveHash`) or posted a signature, each once. */
  approvals: Address[];
  /** The posted EIP-712 signatures of current owners. */
  signatures: SafeSignature[];
  threshold: number;
  /** At the Safe's current nonce with enough approvals: anyone can execute it now. */
  executable: boolean;
}
export type ListPendingProposalsReturnType = PendingProposal[];
export type ListPendingProposalsErrorType = ConductorError;

/**
 * What is waiting for the signers of a company's Safe: every proposal on the board whose nonce the
 * Safe has not used yet, in nonce order, decoded into words, with approvals so far / threshold.
 * @example
 * for (const p of await listPendingProposals(client, { safe })) {
 *   console.log(`${p.description} — ${p.approvals.length}/${p.threshold}`);
 * }
 */
export async function listPendingProposals(
  client: Pick<ConductorClient, "deployment" | "publicClient">,
  params: ListPendingProposalsParameters,
): Promise<ListPendingProposalsReturnType> {
  const { safe } = parseInput(ListPendingProposalsParameters, params, "proposal list");
  const board = { address: boardAddress(client), abi: safeProposalsAbi } as const;
  const read = client.publicClient.readContract;
  try {
    const count = await read({ ...board, functionName: "proposalCount", args: [safe] });
    const hashes = await read({ ...board, functionName: "pendingOf", args: [safe, 0n, count] });
    const { owners, threshold, nonce } = await readSafe(client, safe);
    const out: PendingProposal[] = [];
    for (const safeTxHash of hashes) {
      const p = (await readProposal(client, safeTxHash))!;
      const [signers, sigs] = await read({ ...board, functionName: "signaturesOf", args: [safeTxHash] });
      const signatures = signers
        .map((signer, i) => ({ signer, signature: sigs[i] }))
        .filter((s) => isOwnerOf(owners, s.signer));
      const onChain = await Promise.all(
        owners.map((o) => read({ address: safe, abi: safeAbi, functionName: "approvedHashes", args: [o, safeTxHash] })),
      );
      const approvals = owners.filter((o, i) => onChain[i] !== 0n || isOwnerOf(signers, o));
      out.push({
        ...p,
        safeTxHash,
        postedAt: new Date(p.postedAt * 1000),
        description: await describeSafeTransaction(client, p),
        approvals,
        signatures,
        threshold,
        executable: p.nonce === nonce && approvals.length >= threshold,
      });
    }
    return out.sort((a, b) =>
      a.nonce === b.nonce ? a.postedAt.getTime() - b.postedAt.getTime() : a.nonce < b.nonce ? -1 : 1,
    );
  } catch (error) {
    throw toConductorError(error);
  }
}
