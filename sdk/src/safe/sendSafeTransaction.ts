import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  encodeFunctionData,
  type Hash,
  type LocalAccount,
  type TransactionReceipt,
} from "viem";
import { type ConductorClient, requireWallet } from "../client.ts";
import { toConductorError } from "../errors.ts";
import { approveSafeTransaction } from "./approveSafeTransaction.ts";
import { executeSafeTransaction } from "./executeSafeTransaction.ts";
import { getSafeApprovals } from "./getSafeApprovals.ts";
import { buildSafeTransaction, hashSafeTransaction } from "./safeTransaction.ts";
import { signSafeTransaction } from "./signSafeTransaction.ts";

type Mutability = "nonpayable" | "payable";

export interface SendSafeTransactionParameters<
  abi extends Abi,
  functionName extends ContractFunctionName<abi, Mutability>,
  args extends ContractFunctionArgs<abi, Mutability, functionName>,
> {
  safe: Address;
  /** The contract the Safe calls. */
  address: Address;
  abi: abi;
  functionName: functionName;
  args: args;
  /** Other owners' local accounts whose EIP-712 signatures to collect (scripts, tests, demos). */
  cosigners?: readonly LocalAccount[];
}

/**
 * Either the Safe executed the call, or the client's approval is recorded and more are needed
 * (`hash` is null when the client had already approved this very transaction).
 */
export type SendSafeTransactionReturnType =
  | { status: "executed"; hash: Hash; safeTxHash: Hash; receipt: TransactionReceipt }
  | { status: "approved"; hash: Hash | null; safeTxHash: Hash; nonce: bigint; approvals: number; threshold: number };

/**
 * Has a Safe (e.g. the reserve custodians) call a contract. First simulates the call from the
 * Safe, so a refusal is a typed error before anyone signs; then collects the co-signers'
 * signatures and every on-chain approval. If the threshold is met it executes; otherwise it
 * approves the transaction hash on-chain as the client's account and reports how many approvals
 * there are: the next owner to run the same action (same call, same nonce) completes it.
 * @example
 * const result = await sendSafeTransaction(custodianA, {
 *   safe: custodians, address: reserve, abi: reserveAbi, functionName: "attestDeposit", args: [ref, member, amount],
 * });
 * if (result.status === "approved") console.log(`${result.approvals}/${result.threshold} approvals`);
 */
export async function sendSafeTransaction<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, Mutability>,
  const args extends ContractFunctionArgs<abi, Mutability, functionName>,
>(
  client: ConductorClient,
  params: SendSafeTransactionParameters<abi, functionName, args>,
): Promise<SendSafeTransactionReturnType> {
  const sender = requireWallet(client).account.address;
  const { safe, address, abi, functionName, args } = params;
  try {
    await client.publicClient.simulateContract({ address, abi, functionName, args, account: safe } as never);
  } catch (error) {
    throw toConductorError(error);
  }
  const data = encodeFunctionData({ abi, functionName, args } as never);
  const transaction = await buildSafeTransaction(client, { safe, to: address, data });
  const safeTxHash = hashSafeTransaction(client.chain.id, safe, transaction);
  const signatures = await Promise.all(
    (params.cosigners ?? []).map((signer) => signSafeTransaction(client, { safe, transaction, signer })),
  );
  const { owners, threshold, approvedBy } = await getSafeApprovals(client, { safe, safeTxHash });
  const have = new Set([...approvedBy, ...signatures.map((s) => s.signer)].map((a) => a.toLowerCase()));
  const senderIsOwner = owners.some((o) => o.toLowerCase() === sender.toLowerCase());
  if (senderIsOwner) have.add(sender.toLowerCase());
  if (have.size >= threshold || !senderIsOwner) {
    const executed = await executeSafeTransaction(client, { safe, transaction, signatures });
    return { status: "executed", ...executed };
  }
  if (approvedBy.some((a) => a.toLowerCase() === sender.toLowerCase())) {
    return { status: "approved", hash: null, safeTxHash, nonce: transaction.nonce, approvals: have.size, threshold };
  }
  const { hash } = await approveSafeTransaction(client, { safe, transaction });
  return { status: "approved", hash, safeTxHash, nonce: transaction.nonce, approvals: have.size, threshold };
}
