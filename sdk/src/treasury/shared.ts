import { type Address, type Hash, type Hex, zeroAddress } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import { toConductorError } from "../errors.ts";
import { safeAbi, safeProposalsAbi } from "../generated/abis.ts";
import type { SafeTransaction } from "../safe/safeTransaction.ts";

export { AddressSchema, parseInput } from "../marketplace/shared.ts";

type Reader = Pick<ConductorClient, "deployment" | "publicClient">;

/** A Safe transaction hash (0x + 64 hex digits). */
export const SafeTxHashSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, "a Safe transaction hash is 0x followed by 64 hex digits")
  .transform((s) => s.toLowerCase() as Hash);

/** Call data (0x followed by whole bytes). */
export const HexDataSchema = z
  .string()
  .regex(/^0x([0-9a-fA-F]{2})*$/, "call data is 0x followed by whole bytes of hex")
  .transform((s) => s as Hex);

/** A nonce or wei amount from a bigint, a whole number or a decimal string. */
export const UintSchema = z
  .union([z.bigint().nonnegative(), z.number().int().nonnegative(), z.string().regex(/^\d+$/, "a whole number")])
  .transform((v) => BigInt(v));

/** The proposal board's address in the client's region. */
export const boardAddress = (client: Pick<ConductorClient, "deployment">): Address =>
  contractAddress(client.deployment, "SafeProposals");

/** A proposal as the board stores it. */
export interface StoredProposal {
  safe: Address;
  operation: number;
  postedAt: number;
  to: Address;
  proposer: Address;
  value: bigint;
  nonce: bigint;
  data: Hex;
}

/** The Safe transaction (no gas refund) of a posted proposal. */
export function toSafeTransaction(p: Pick<StoredProposal, "to" | "value" | "data" | "operation" | "nonce">) {
  return {
    to: p.to,
    value: p.value,
    data: p.data,
    operation: p.operation as 0 | 1,
    safeTxGas: 0n,
    baseGas: 0n,
    gasPrice: 0n,
    gasToken: zeroAddress,
    refundReceiver: zeroAddress,
    nonce: p.nonce,
  } satisfies SafeTransaction;
}

/** The proposal `safeTxHash`, or undefined when it was never posted. */
export async function readProposal(client: Reader, safeTxHash: Hash): Promise<StoredProposal | undefined> {
  const board = boardAddress(client);
  try {
    const p = await client.publicClient.readContract({
      address: board,
      abi: safeProposalsAbi,
      functionName: "proposal",
      args: [safeTxHash],
    });
    return { ...p, operation: Number(p.operation), postedAt: Number(p.postedAt) };
  } catch (error) {
    const e = toConductorError(error) as { errorName?: string };
    if (e.errorName === "SafeProposalsUnknown") return undefined;
    throw e;
  }
}

/** A Safe's owners, threshold and current nonce. */
export async function readSafe(client: Pick<ConductorClient, "publicClient">, safe: Address) {
  const at = { address: safe, abi: safeAbi } as const;
  try {
    const [owners, threshold, nonce] = await Promise.all([
      client.publicClient.readContract({ ...at, functionName: "getOwners" }),
      client.publicClient.readContract({ ...at, functionName: "getThreshold" }),
      client.publicClient.readContract({ ...at, functionName: "nonce" }),
    ]);
    return { owners: [...owners], threshold: Number(threshold), nonce };
  } catch (error) {
    throw toConductorError(error);
  }
}

/** Whether `account` is among `owners` (case-insensitive). */
export const isOwnerOf = (owners: readonly Address[], account: Address) =>
  owners.some((o) => o.toLowerCase() === account.toLowerCase());
