import type { Address, Hash } from "viem";
import { z } from "zod";
import { type ConductorClient, requireWallet } from "../client.ts";
import { type ConductorContractError, ConductorPreflightError, toConductorError } from "../errors.ts";
import { safeProposalsAbi } from "../generated/abis.ts";
import { writeContract } from "../internal/writeContract.ts";
import { describeSafeTransaction } from "../marketplace/describe.ts";
import { hashSafeTransaction } from "../safe/safeTransaction.ts";
import { signSafeTransaction } from "../safe/signSafeTransaction.ts";
import {
  AddressSchema,
  boardAddress,
  HexDataSchema,
  isOwnerOf,
  parseInput,
  readProposal,
  readSafe,
  toSafeTransaction,
  UintSchema,
} from "./shared.ts";

export const ProposeCompanyTransactionParameters = z.object({
  /** The company's treasury (a Safe the client's account is an owner of). */
  safe: AddressSchema,
  /** The call the Safe would make (e.g. from `encodePurchase`). */
  call: z.object({ to: AddressSchema, data: HexDataSchema, value: UintSchema.default(0n) }),
  /** The Safe nonce it is for; defaults to the Safe's current nonce (the next it executes). */
  nonce: UintSchema.optional(),
  /** Post the proposer's own EIP-712 signature with it (default true): one approval already. */
  sign: z.boolean().default(true),
});
export type ProposeCompanyTransactionParameters = z.input<typeof ProposeCompanyTransactionParameters>;

/** "proposed" with the transaction hash, or "exists" when the same transaction is already posted. */
export type ProposeCompanyTransactionReturnType = {
  status: "proposed" | "exists";
  hash: Hash | null;
  safeTxHash: Hash;
  nonce: bigint;
  /** The call in human terms. */
  description: string;
};
export type ProposeCompanyTransactionErrorType = ConductorPreflightError | ConductorContractError;

/**
 * Proposes a company transaction on the region's proposal board, where the other signers of the
 * company's Safe find it (`listPendingProposals`). Refuses before sending when the client is not
 * an owner, or when the call would fail from the Safe right now (e.g. too little RSC). Proposing
 * a transaction that is already posted sends nothing and returns `status: "exists"`.
 * @example
 * const call = await encodePurchase(client, { listingId: 1, quantity: 10 });
 * const { safeTxHash, description } = await proposeCompanyTransaction(client, { safe, call });
 */
export async function proposeCompanyTransaction(
  client: ConductorClient,
  params: ProposeCompanyTransactionParameters,
): Promise<ProposeCompanyTransactionReturnType> {
  const p = parseInput(ProposeCompanyTransactionParameters, params, "company transaction");
  const sender = requireWallet(client).account.address;
  const safe = await readSafe(client, p.safe);
  if (!isOwnerOf(safe.owners, sender)) {
    throw new ConductorPreflightError(
      "NotSafeOwner",
      { account: sender, safe: p.safe },
      `${sender} is not a signer of the company's Safe ${p.safe}: only its signers propose its transactions`,
    );
  }
  const nonce = p.nonce ?? safe.nonce;
  if (nonce === safe.nonce) {
    try {
      await client.publicClient.call({ account: p.safe, to: p.call.to, data: p.call.data, value: p.call.value });
    } catch (error) {
      throw toConductorError(error);
    }
  }
  const call = { ...p.call, operation: 0, nonce };
  const transaction = toSafeTransaction(call);
  const safeTxHash = hashSafeTransaction(client.chain.id, p.safe, transaction);
  const description = await describeSafeTransaction(client, p.call);
  if (await readProposal(client, safeTxHash)) return { status: "exists", hash: null, safeTxHash, nonce, description };
  const signature = p.sign
    ? (await signSafeTransaction(client, { safe: p.safe, transaction })).signature
    : ("0x" as const);
  const { hash } = await writeContract(client, {
    address: boardAddress(client),
    abi: safeProposalsAbi,
    functionName: "propose",
    args: [p.safe as Address, call, signature],
  });
  return { status: "proposed", hash, safeTxHash, nonce, description };
}
