import { type Address, getAddress } from "viem";
import type { ConductorClient } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import { toConductorError } from "../errors.ts";
import { payrollAbi } from "../generated/abis.ts";

const SEQ_BITS = 96n;
const SEQ_MASK = (1n << SEQ_BITS) - 1n;

/**
 * The company an employment id belongs to: the id is `company << 96 | seq` (Payroll's `companyOf`),
 * so it never needs a read.
 * @example
 * companyOf(employmentId) // "0xAcme…"
 */
export function companyOf(employmentId: bigint): Address {
  return getAddress(`0x${(employmentId >> SEQ_BITS).toString(16).padStart(40, "0")}`);
}

/** The employment's sequence number: it was the region's `seq`-th hire (1, 2, …). */
export function employmentSeq(employmentId: bigint): bigint {
  return employmentId & SEQ_MASK;
}

/** The id of the `seq`-th hire, made by `company`. */
export function employmentIdOf(company: Address, seq: bigint | number): bigint {
  return (BigInt(company) << SEQ_BITS) | BigInt(seq);
}

/** A short label for people, `#<seq>` (calls always take the full id). */
export function employmentLabel(employmentId: bigint): string {
  return `#${employmentSeq(employmentId)}`;
}

export type ListEmploymentsParameters = {
  /** Only employments of this worker. */
  worker?: Address;
  /** Only employments of this company treasury. */
  company?: Address;
};

/**
 * Every employment id, in hiring order, from Payroll's `Hired` events (ids carry the company, so
 * they cannot be counted out from `employmentCount`).
 * @example
 * const ids = await listEmployments(client, { worker: "0xAlice…" });
 */
export async function listEmployments(
  client: Pick<ConductorClient, "deployment" | "publicClient">,
  params: ListEmploymentsParameters = {},
): Promise<bigint[]> {
  try {
    const logs = await client.publicClient.getContractEvents({
      address: contractAddress(client.deployment, "Payroll"),
      abi: payrollAbi,
      eventName: "Hired",
      args: { worker: params.worker, company: params.company },
      fromBlock: BigInt(client.deployment.startBlock),
    });
    return logs.map((log) => log.args.employmentId as bigint);
  } catch (error) {
    throw toConductorError(error);
  }
}

/** The full id as 32-byte hex (`0x` + the company + the sequence number), as the CLI prints and accepts it. */
export function employmentIdHex(employmentId: bigint): `0x${string}` {
  return `0x${employmentId.toString(16).padStart(64, "0")}`;
}
