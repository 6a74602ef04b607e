import type { Address, Hex, LocalAccount } from "viem";
import { type ConductorClient, requireWallet } from "../client.ts";
import type { ConductorError, ConductorInputError } from "../errors.ts";
import { type SafeTransaction, safeTypedData } from "./safeTransaction.ts";

/** One owner's EIP-712 signature of a Safe transaction. */
export interface SafeSignature {
  signer: Address;
  signature: Hex;
}

export interface SignSafeTransactionParameters {
  safe: Address;
  transaction: SafeTransaction;
  /** A co-signer's local account; defaults to the client's own account. */
  signer?: LocalAccount;
}

export type SignSafeTransactionErrorType = ConductorInputError | ConductorError;

/**
 * Signs a Safe transaction off-chain (EIP-712) as one owner.
 * @example
 * const sig = await signSafeTransaction(client, { safe, transaction: tx });
 */
export async function signSafeTransaction(
  client: ConductorClient,
  params: SignSafeTransactionParameters,
): Promise<SafeSignature> {
  const typed = safeTypedData(client.chain.id, params.safe, params.transaction);
  if (params.signer) {
    return { signer: params.signer.address, signature: await params.signer.signTypedData(typed) };
  }
  const wallet = requireWallet(client);
  return {
    signer: wallet.account.address,
    signature: await wallet.signTypedData({ account: wallet.account, ...typed }),
  };
}
