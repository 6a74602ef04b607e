import { type Address, getAddress, isAddress, parseUnits } from "viem";
import { z } from "zod";

/** An RSC amount typed by a person: a positive decimal with at most 18 decimals → wei. */
export const RscAmount = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,18})?$/, "write an amount like 25 or 12.50")
  .transform((s) => parseUnits(s, 18))
  .refine((wei) => wei > 0n, "the amount must be more than zero");

/** An address typed or picked by a person. */
export const AddressInput = z
  .string()
  .trim()
  .refine((s) => isAddress(s, { strict: false }), "not an address (0x followed by 40 hex digits)")
  .transform((s) => getAddress(s) as Address);

/** The first problem of a failed parse, in plain words. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "invalid input";
}
