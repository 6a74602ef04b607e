import { type Address, getAddress } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import { toConductorError } from "../errors.ts";
import { payrollAbi } from "../generated/abis.ts";
import { AddressSchema, parse } from "./shared.ts";

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
  worker?: string;
  /** Only employments of this company treasury. */
  company?: string;
};

const ListSchema = z.object({ worker: AddressSchema.optional(), company: AddressSchema.optional() });

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
  const p = parse(ListSchema, params, "employment query");
  try {
    const logs = await client.publicClient.getContractEvents({
      address: contractAddress(client.deployment, "Payroll"),
      abi: payrollAbi,
      eventName: "Hired",
      args: { worker: p.worker, company: p.company },
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
