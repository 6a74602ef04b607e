import {
  type Abi,
  type Address,
  encodeFunctionData,
  getAddress,
  type Hash,
  type Hex,
  isAddress,
  type TransactionReceipt,
} from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { requireWallet } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import { ConductorInputError, toConductorError } from "../errors.ts";
import { educationAbi, healthcareAbi, housingAbi, regionalInventoryAbi } from "../generated/abis.ts";

/** An address (checksummed on the way out). */
export const AddressSchema = z
  .string()
  .refine((s) => isAddress(s, { strict: false }), { message: "not an address (0x followed by 40 hex digits)" })
  .transform((s) => getAddress(s) as Address);

/** A positive id (building, unit, programme, procedure, visit, item). */
export const IdSchema = z.coerce.bigint({ message: "an id is a whole number" }).refine((v) => v > 0n, {
  message: "an id is at least 1",
});

/** An amount of RSC wei (a bigint or a decimal string of wei), below 2^128. */
export const WeiSchema = z.coerce
  .bigint({ message: "an amount is a whole number of RSC wei" })
  .refine((v) => v >= 0n && v < 2n ** 128n, { message: "an amount lies in [0, 2^128)" });

/** Validates `input` with `schema`, throwing a {@link ConductorInputError} that names each bad field. */
export function parse<T extends z.ZodTypeAny>(schema: T, input: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ConductorInputError.fromZod(parsed.error, what);
  return parsed.data;
}

/** The four service contracts, by their deployment names. */
export const SERVICES = {
  Housing: housingAbi,
  Education: educationAbi,
  Healthcare: healthcareAbi,
  RegionalInventory: regionalInventoryAbi,
} as const;
export type ServiceName = keyof typeof SERVICES;

/** Calldata of a service write, for a company to wrap in its Safe transaction. */
export function encodeService(service: ServiceName, functionName: string, args: readonly unknown[]): Hex {
  return encodeFunctionData({ abi: SERVICES[service] as Abi, functionName, args } as never);
}

/** `{ to, data }` of a service write, for a company treasury (a Safe) to execute. */
export function serviceCall(
  client: ConductorClient,
  service: ServiceName,
  functionName: string,
  args: readonly unknown[],
) {
  return { to: contractAddress(client.deployment, service), data: encodeService(service, functionName, args) };
}

/**
 * Simulates a service write from the client's account (a refusal surfaces as a typed
 * ConductorContractError before anything is sent), sends it and waits for the receipt.
 */
export async function writeService(
  client: ConductorClient,
  service: ServiceName,
  functionName: string,
  args: readonly unknown[],
): Promise<{ hash: Hash; receipt: TransactionReceipt }> {
  const wallet = requireWallet(client);
  try {
    const { request } = await client.publicClient.simulateContract({
      address: contractAddress(client.deployment, service),
      abi: SERVICES[service] as Abi,
      functionName,
      args,
      account: wallet.account,
    } as never);
    const hash = await wallet.writeContract(request as never);
    const receipt = await client.publicClient.waitForTransactionReceipt({ hash });
    return { hash, receipt };
  } catch (error) {
    throw toConductorError(error);
  }
}
