import {
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
import { payrollAbi } from "../generated/abis.ts";
import { ONE } from "./wage.ts";

/** An address (checksummed on the way out). */
export const AddressSchema = z
  .string()
  .refine((s) => isAddress(s, { strict: false }), { message: "not an address (0x followed by 40 hex digits)" })
  .transform((s) => getAddress(s) as Address);

/** A positive id (employment or occupation), from a number, bigint or decimal string. */
export const IdSchema = z.coerce.bigint({ message: "an id is a whole number" }).refine((v) => v > 0n, {
  message: "an id is at least 1",
});

/**
 * A fraction in [0, 1]: a decimal string such as "0.75" (exactly, to 18 decimals) or a bigint in
 * 18-decimal fixed point (`750000000000000000n`).
 */
export const FractionSchema = z
  .union([z.bigint(), z.string().regex(/^(0(\.\d{1,18})?|1(\.0{1,18})?)$/, "a fraction is a decimal in [0, 1]")])
  .transform((v) => (typeof v === "bigint" ? v : parseFraction(v)))
  .refine((v) => v >= 0n && v <= ONE, { message: "a fraction lies in [0, 1] (0 to 1e18 in fixed point)" });

/** Seconds of work, 1 to 2^32 − 1. */
export const SecondsSchema = z.coerce
  .number({ message: "seconds is a whole number" })
  .int("seconds is a whole number")
  .min(1, "at least 1 second")
  .max(2 ** 32 - 1, "at most 4294967295 seconds");

function parseFraction(text: string): bigint {
  const [whole, decimals = ""] = text.split(".");
  return BigInt(whole) * ONE + BigInt(decimals.padEnd(18, "0"));
}

/** Validates `input` with `schema`, throwing a {@link ConductorInputError} that names each bad field. */
export function parse<T extends z.ZodTypeAny>(schema: T, input: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ConductorInputError.fromZod(parsed.error, what);
  return parsed.data;
}

/** The region's Payroll address. */
export function payrollAddress(client: ConductorClient): Address {
  return contractAddress(client.deployment, "Payroll");
}

type PayrollWrite =
  | "hire"
  | "clockIn"
  | "clockOut"
  | "submitTimesheet"
  | "approveTimesheet"
  | "withdraw"
  | "setProductivity"
  | "changeOccupation"
  | "endEmployment"
  | "settleBatch";

/** Calldata of a Payroll write, for a company to wrap in its Safe transaction. */
export function encodePayroll(functionName: PayrollWrite, args: readonly unknown[]): Hex {
  return encodeFunctionData({ abi: payrollAbi, functionName, args } as never);
}

/**
 * Simulates a Payroll write from the client's account (so a refusal surfaces as a typed
 * {@link ConductorContractError} before anything is sent), sends it and waits for the receipt.
 */
export async function writePayroll(
  client: ConductorClient,
  functionName: PayrollWrite,
  args: readonly unknown[],
): Promise<{ hash: Hash; receipt: TransactionReceipt }> {
  const wallet = requireWallet(client);
  try {
    const { request } = await client.publicClient.simulateContract({
      address: payrollAddress(client),
      abi: payrollAbi,
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
