import { type Address, formatUnits, getAddress, type Hash, type Hex, isAddress, parseUnits } from "viem";
import { z } from "zod";
import { type ConductorClient, requireWallet } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import { ConductorInputError, toConductorError } from "../errors.ts";

/** A contract call, ready to send from an account or to propose from a company's Safe. */
export interface ContractCall {
  to: Address;
  data: Hex;
  value: bigint;
}

/** What every marketplace write action returns once the transaction is mined. */
export interface WriteResult {
  hash: Hash;
  blockNumber: bigint;
}

/** An address (checksummed on the way out). */
export const AddressSchema = z
  .string()
  .refine((s) => isAddress(s, { strict: false }), { message: "not an address (0x followed by 40 hex digits)" })
  .transform((s) => getAddress(s) as Address);

/** An amount of RSC: a bigint in wei, or a decimal string in RSC ("1200.50"). */
export const RscAmountSchema = z.union([
  z.bigint().nonnegative(),
  z
    .string()
    .regex(/^\d+(\.\d{1,18})?$/, "an RSC amount is a decimal number with at most 18 decimals, e.g. 1200.50")
    .transform((s) => parseUnits(s, 18)),
]);

/** A positive id or count, from a bigint, a number or a decimal string. */
export const IdSchema = z
  .union([z.bigint(), z.number().int(), z.string().regex(/^\d+$/, "a whole number")])
  .transform((v) => BigInt(v))
  .refine((v) => v > 0n, { message: "must be at least 1" });

/** Validates `input` with `schema`, throwing a {@link ConductorInputError} that names the bad field. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ConductorInputError.fromZod(parsed.error, what);
  return parsed.data;
}

/** The address of a marketplace-layer contract in the client's region. */
export function addressOf(
  client: Pick<ConductorClient, "deployment">,
  name: "Marketplace" | "JobBoard" | "ProfitAtRest" | "Loans" | "RSC" | "Registry",
) {
  return contractAddress(client.deployment, name);
}

/** Sends `call` from the client's account, waits for it, and turns reverts into typed errors. */
export async function send(client: ConductorClient, call: ContractCall): Promise<WriteResult> {
  const wallet = requireWallet(client);
  try {
    await client.publicClient.call({ account: wallet.account, to: call.to, data: call.data, value: call.value });
    const hash = await wallet.sendTransaction({ to: call.to, data: call.data, value: call.value } as never);
    const receipt = await client.publicClient.waitForTransactionReceipt({ hash });
    return { hash, blockNumber: receipt.blockNumber };
  } catch (error) {
    throw toConductorError(error);
  }
}

/** "1,200.00" for 1200 RSC in wei: two decimals, rounded down, thousands separated. */
export function formatRsc(wei: bigint): string {
  const [whole, frac = ""] = formatUnits(wei, 18).split(".");
  return `${BigInt(whole).toLocaleString("en-US")}.${frac.padEnd(2, "0").slice(0, 2)}`;
}
