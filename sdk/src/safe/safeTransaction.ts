import { type Address, type Hash, type Hex, hashTypedData, zeroAddress } from "viem";
import type { ConductorClient } from "../client.ts";
import { type ConductorError, toConductorError } from "../errors.ts";
import { safeAbi } from "../generated/abis.ts";

/** A Safe 1.4.1 transaction (the EIP-712 `SafeTx` message). */
export interface SafeTransaction {
  to: Address;
  value: bigint;
  data: Hex;
  /** 0 = call, 1 = delegatecall. */
  operation: 0 | 1;
  safeTxGas: bigint;
  baseGas: bigint;
  gasPrice: bigint;
  gasToken: Address;
  refundReceiver: Address;
  nonce: bigint;
}

/** The EIP-712 types of a Safe transaction. */
export const SAFE_TX_TYPES = {
  SafeTx: [
    { name: "to", type: "address" },
    { name: "value", type: "uint256" },
    { name: "data", type: "bytes" },
    { name: "operation", type: "uint8" },
    { name: "safeTxGas", type: "uint256" },
    { name: "baseGas", type: "uint256" },
    { name: "gasPrice", type: "uint256" },
    { name: "gasToken", type: "address" },
    { name: "refundReceiver", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

/** The EIP-712 typed data an owner signs for `tx` on `safe`. */
export function safeTypedData(chainId: number, safe: Address, tx: SafeTransaction) {
  return {
    domain: { chainId, verifyingContract: safe },
    types: SAFE_TX_TYPES,
    primaryType: "SafeTx" as const,
    message: tx,
  };
}

/** The hash owners sign or approve (equals the Safe's own `getTransactionHash`). */
export function hashSafeTransaction(chainId: number, safe: Address, tx: SafeTransaction): Hash {
  return hashTypedData(safeTypedData(chainId, safe, tx));
}

export type BuildSafeTransactionErrorType = ConductorError;

export interface BuildSafeTransactionParameters {
  safe: Address;
  to: Address;
  data: Hex;
  value?: bigint;
  /** Defaults to the Safe's current nonce (the next transaction it will execute). */
  nonce?: bigint;
}

/**
 * A plain call from `safe` with no gas refund, at the Safe's next nonce. Running the same
 * builder twice for the same call gives the same hash, so owners on different machines can
 * approve it independently.
 * @example
 * const tx = await buildSafeTransaction(client, { safe, to: reserve, data });
 */
export async function buildSafeTransaction(
  client: ConductorClient,
  params: BuildSafeTransactionParameters,
): Promise<SafeTransaction> {
  let nonce = params.nonce;
  if (nonce === undefined) {
    try {
      nonce = await client.publicClient.readContract({ address: params.safe, abi: safeAbi, functionName: "nonce" });
    } catch (error) {
      throw toConductorError(error);
    }
  }
  return {
    to: params.to,
    value: params.value ?? 0n,
    data: params.data,
    operation: 0,
    safeTxGas: 0n,
    baseGas: 0n,
    gasPrice: 0n,
    gasToken: zeroAddress,
    refundReceiver: zeroAddress,
    nonce,
  };
}
