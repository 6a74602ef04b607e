import { type Address, concat, type Hash, type Hex, pad, type TransactionReceipt } from "viem";
import { type ConductorClient, requireWallet } from "../client.ts";
import { type ConductorContractError, type ConductorError, ConductorPreflightError } from "../errors.ts";
import { safeAbi } from "../generated/abis.ts";
import { writeContract } from "../internal/writeContract.ts";
import { getSafeApprovals } from "./getSafeApprovals.ts";
import { hashSafeTransaction, type SafeTransaction } from "./safeTransaction.ts";
import type { SafeSignature } from "./signSafeTransaction.ts";

export interface ExecuteSafeTransactionParameters {
  safe: Address;
  transaction: SafeTransaction;
  /** Off-chain EIP-712 signatures collected from owners. */
  signatures?: readonly SafeSignature[];
}
export interface ExecuteSafeTransactionReturnType {
  hash: Hash;
  safeTxHash: Hash;
  receipt: TransactionReceipt;
}

/** A "pre-validated" Safe signature: the owner approved on-chain or is the sender (v = 1). */
function preValidated(owner: Address): Hex {
  return concat([pad(owner, { size: 32 }), pad("0x", { size: 32 }), "0x01"]);
}

export type ExecuteSafeTransactionErrorType = ConductorPreflightError | ConductorContractError | ConductorError;

/**
 * Executes a Safe transaction with the given off-chain signatures, every on-chain approval, and
 * the client's own account if it is an owner; refuses before sending when they fall short of the
 * threshold.
 * @example
 * await executeSafeTransaction(client, { safe, transaction: tx, signatures: [sigB] });
 */
export async function executeSafeTransaction(
  client: ConductorClient,
  params: ExecuteSafeTransactionParameters,
): Promise<ExecuteSafeTransactionReturnType> {
  const sender = requireWallet(client).account.address;
  const safeTxHash = hashSafeTransaction(client.chain.id, params.safe, params.transaction);
  const { owners, threshold, approvedBy } = await getSafeApprovals(client, { safe: params.safe, safeTxHash });
  const isOwner = (a: Address) => owners.some((o) => o.toLowerCase() === a.toLowerCase());
  const bySigner = new Map<string, Hex>();
  for (const s of params.signatures ?? []) {
    if (!isOwner(s.signer)) {
      throw new ConductorPreflightError(
        "NotSafeOwner",
        { signer: s.signer, safe: params.safe },
        `${s.signer} is not an owner of the Safe ${params.safe}`,
      );
    }
    bySigner.set(s.signer.toLowerCase(), s.signature);
  }
  for (const owner of [...approvedBy, ...(isOwner(sender) ? [sender] : [])]) {
    bySigner.set(owner.toLowerCase(), preValidated(owner));
  }
  if (bySigner.size < threshold) {
    throw new ConductorPreflightError(
      "SafeThresholdNotMet",
      { safe: params.safe, safeTxHash, have: bySigner.size, threshold },
      `the Safe ${params.safe} needs ${threshold} owners; ${bySigner.size} signed or approved ${safeTxHash}`,
    );
  }
  const signatures = concat(
    [...bySigner.entries()].sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1)).map(([, sig]) => sig),
  );
  const tx = params.transaction;
  const { hash, receipt } = await writeContract(client, {
    address: params.safe,
    abi: safeAbi,
    functionName: "execTransaction",
    args: [
      tx.to,
      tx.value,
      tx.data,
      tx.operation,
      tx.safeTxGas,
      tx.baseGas,
      tx.gasPrice,
      tx.gasToken,
      tx.refundReceiver,
      signatures,
    ],
  });
  return { hash, safeTxHash, receipt };
}
