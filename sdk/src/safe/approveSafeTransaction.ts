import type { Address, Hash } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorError } from "../errors.ts";
import { safeAbi } from "../generated/abis.ts";
import { writeContract } from "../internal/writeContract.ts";
import { hashSafeTransaction, type SafeTransaction } from "./safeTransaction.ts";

export interface ApproveSafeTransactionParameters {
  safe: Address;
  transaction: SafeTransaction;
}
export interface ApproveSafeTransactionReturnType {
  hash: Hash;
  safeTxHash: Hash;
}
export type ApproveSafeTransactionErrorType = ConductorContractError | ConductorError;

/**
 * Approves a Safe transaction on-chain (`approveHash`) as the client's account, an owner: the
 * proposal is then visible to every other owner, and whoever brings the last approval executes.
 * @example
 * const { safeTxHash } = await approveSafeTransaction(client, { safe, transaction: tx });
 */
export async function approveSafeTransaction(
  client: ConductorClient,
  params: ApproveSafeTransactionParameters,
): Promise<ApproveSafeTransactionReturnType> {
  const safeTxHash = hashSafeTransaction(client.chain.id, params.safe, params.transaction);
  const { hash } = await writeContract(client, {
    address: params.safe,
    abi: safeAbi,
    functionName: "approveHash",
    args: [safeTxHash],
  });
  return { hash, safeTxHash };
}
