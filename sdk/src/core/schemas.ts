import { type Address, getAddress, type Hex, isAddress, isHex, keccak256, toHex } from "viem";
import { type ZodType, type ZodTypeDef, z } from "zod";
import { ConductorInputError } from "../errors.ts";
import { Kind } from "../generated/enums.ts";

/** An EVM address in any case; checksummed after parsing. */
export const AddressSchema = z
  .string({ required_error: "an address is required" })
  .trim()
  .refine(
    (s) => isAddress(s, { strict: false }),
    (s) => ({
      message: `"${s}" is not an address (0x followed by 40 hex digits)`,
    }),
  )
  .transform((s) => getAddress(s) as Address);

/**
 * A 32-byte reference: a 0x-prefixed 32-byte hex string is taken as is, any other text is hashed
 * (keccak256 of its UTF-8 bytes), so people can write "bank transfer 2026-11-29 #17".
 */
export const ReferenceSchema = z
  .string()
  .min(1, "a reference must not be empty")
  .transform((s): Hex => (isHex(s) && s.length === 66 ? (s.toLowerCase() as Hex) : keccak256(toHex(s))));

/** A redemption id: a non-negative integer (string or bigint). */
export const IdSchema = z
  .union([z.bigint(), z.string().regex(/^\d+$/, "an id is a whole number such as 3"), z.number().int()])
  .transform((v) => BigInt(v))
  .refine((v) => v >= 0n, "an id must not be negative");

/** A company kind by name. */
export const CompanyKindSchema = z.enum(["Company", "RegionalCompany", "ExternalCompany"], {
  errorMap: () => ({ message: "a company kind is Company, RegionalCompany or ExternalCompany" }),
});

/** A point in time: unix seconds (number, bigint or digits) or an ISO date; returns unix seconds. */
export const TimestampSchema = z.union([z.bigint(), z.number(), z.string()]).transform((v, ctx): number => {
  const seconds = typeof v === "string" && !/^\d+$/.test(v.trim()) ? Math.floor(Date.parse(v) / 1000) : Number(v);
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    ctx.addIssue({ code: "custom", message: `"${v}" is not a time (unix seconds or an ISO date)` });
    return z.NEVER;
  }
  return seconds;
});

/** The numeric kind the contracts use. */
export function kindNumber(kind: Kind): number {
  return Kind.indexOf(kind);
}

/** Validates `input` with `schema`; throws {@link ConductorInputError} naming `what` and each bad field. */
export function validate<Output, Input>(
  schema: ZodType<Output, ZodTypeDef, Input>,
  input: unknown,
  what: string,
): Output {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ConductorInputError.fromZod(parsed.error, what);
  return parsed.data;
}
