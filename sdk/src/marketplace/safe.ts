import { type Address, type Hash, type Hex, pad, zeroAddress } from "viem";
import { z } from "zod";
import { type ConductorClient, requireWallet } from "../client.ts";
import { ConductorInputError, toConductorError } from "../errors.ts";
import { safeAbi } from "../generated/abis.ts";
import { AddressSchema, type ContractCall, parseInput } from "./shared.ts";

export const SafeCallParameters = z.object({
  /** The company's treasury (a Safe). */
  safe: AddressSchema,
  call: z.object({ to: AddressSchema, data: z.string().regex(/^0x([0-9a-fA-F]{2})*$/), value: z.bigint().default(0n) }),
  /** The Safe nonce the transaction is for; defaults to the Safe's current nonce. */
  nonce: z.bigint().optional(),
});
export type SafeCallParameters = { safe: string; call: ContractCall; nonce?: bigint };

/** Where a company transaction stands in its Safe. */
export interface SafeProposalStatus {
  safeTxHash: Hash;
  nonce: bigint;
  threshold: bigint;
  owners: Address[];
  /** Owners who approved on-chain (`approveHash`). */
  approvedBy: Address[];
}

async function load(client: Pick<ConductorClient, "publicClient">, params: SafeCallParameters) {
  const p = parseInput(SafeCallParameters, params, "Safe transaction");
  const read = <F extends "nonce" | "getThreshold" | "getOwners">(functionName: F) =>
    client.publicClient.readContract({ address: p.safe, abi: safeAbi, functionName } as never) as Promise<
      F extends "getOwners" ? Address[] : bigint
    >;
  const nonce = p.nonce ?? ((await read("nonce")) as bigint);
  const safeTxHash = (await client.publicClient.readContract({
    address: p.safe,
    abi: safeAbi,
    functionName: "getTransactionHash",
    args: [p.call.to, p.call.value, p.call.data as Hex, 0, 0n, 0n, 0n, zeroAddress, zeroAddress, nonce],
  })) as Hash;
  const owners = (await read("getOwners")) as Address[];
  const threshold = (await read("getThreshold")) as bigint;
  const approvedBy: Address[] = [];
  for (const owner of owners) {
    const approved = await client.publicClient.readContract({
      address: p.safe,
      abi: safeAbi,
      functionName: "approvedHashes",
      args: [owner, safeTxHash],
    });
    if (approved !== 0n) approvedBy.push(owner);
  }
  return { p, status: { safeTxHash, nonce, threshold, owners, approvedBy } satisfies SafeProposalStatus };
}

/**
 * How many of the Safe's signers approved this company transaction so far.
 * @example
 * const status = await getSafeProposalStatus(client, { safe, call: encodeCreateListing(client, {...}) });
 */
export async function getSafeProposalStatus(
  client: Pick<ConductorClient, "publicClient">,
  params: SafeCallParameters,
): Promise<SafeProposalStatus> {
  return (await load(client, params)).status;
}

/**
 * Proposes or approves a company transaction: the client's account (a signer of the Safe)
 * approves its hash on-chain. Every signer runs the same call with the same nonce.
 * @example
 * await approveSafeTransaction(client, { safe, call: await encodePurchase(client, { listingId: 3, quantity: 10 }) });
 */
export async function approveSafeTransaction(client: ConductorClient, params: SafeCallParameters) {
  const wallet = requireWallet(client);
  const { p, status } = await load(client, params);
  if (!status.owners.some((o) => o.toLowerCase() === wallet.account.address.toLowerCase())) {
    throw new ConductorInputError(`${wallet.account.address} is not a signer of the company's Safe ${p.safe}`);
  }
  try {
    const hash = await wallet.writeContract({
      address: p.safe,
      abi: safeAbi,
      functionName: "approveHash",
      args: [status.safeTxHash],
    } as never);
    await client.publicClient.waitForTransactionReceipt({ hash });
  } catch (error) {
    throw toConductorError(error);
  }
  return getSafeProposalStatus(client, params);
}

/**
 * Executes a company transaction once the threshold of signers approved it (the executing signer
 * counts as one approval). Refuses, sending nothing, while the approvals are below the threshold.
 * @example
 * await executeSafeTransaction(client, { safe, call, nonce });
 */
export async function executeSafeTransaction(client: ConductorClient, params: SafeCallParameters) {
  const wallet = requireWallet(client);
  const { p, status } = await load(client, params);
  const me = wallet.account.address.toLowerCase();
  const signers = new Set(status.approvedBy.map((a) => a.toLowerCase()));
  if (status.owners.some((o) => o.toLowerCase() === me)) signers.add(me);
  if (BigInt(signers.size) < status.threshold) {
    throw new ConductorInputError(
      `only ${signers.size} of the ${status.threshold} approvals this company's Safe needs; nothing was executed`,
    );
  }
  const signatures = `0x${[...signers]
    .sort()
    .map((owner) => `${pad(owner as Hex).slice(2)}${"0".repeat(64)}01`)
    .join("")}` as Hex;
  try {
    const hash = await wallet.writeContract({
      address: p.safe,
      abi: safeAbi,
      functionName: "execTransaction",
      args: [p.call.to, p.call.value, p.call.data as Hex, 0, 0n, 0n, 0n, zeroAddress, zeroAddress, signatures],
    } as never);
    const receipt = await client.publicClient.waitForTransactionReceipt({ hash });
    return { hash, blockNumber: receipt.blockNumber, safeTxHash: status.safeTxHash };
  } catch (error) {
    throw toConductorError(error);
  }
}
