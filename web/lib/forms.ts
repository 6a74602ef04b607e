import { type Address, formatUnits, getAddress, isAddress, parseUnits } from "viem";
import { z } from "zod";
import type { Unit } from "../../sdk/src/generated/enums.ts";

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

/** How a person types a parameter of each unit: a percentage, days, RSC or a count. */
export const UNIT_INPUT: Record<Unit, { label: string; decimals: number }> = {
  Fraction: { label: "%", decimals: 16 },
  Seconds: { label: "days", decimals: 5 },
  RscWei: { label: "RSC", decimals: 18 },
  Count: { label: "count", decimals: 0 },
};

/** A parameter value in base units → what a person types for it (the inverse of {@link parameterValueSchema}). */
export function parameterInputText(unit: Unit, value: bigint): string {
  if (unit === "Seconds") return String(Number(value) / 86_400);
  return formatUnits(value, UNIT_INPUT[unit].decimals);
}

/**
 * A parameter value typed in its unit's everyday form (8 for 8 %, 30 for 30 days, 200 for
 * 200 RSC) → base units, refused unless within the parameter's bounds.
 */
export function parameterValueSchema(unit: Unit, min: bigint, max: bigint, show: (v: bigint) => string) {
  const { decimals } = UNIT_INPUT[unit];
  const pattern = unit === "Count" ? /^\d+$/ : /^\d+(\.\d+)?$/;
  return z
    .string()
    .trim()
    .regex(pattern, unit === "Count" ? "write a whole number" : "write a number like 8 or 7.5")
    .transform((s) => (unit === "Seconds" ? (parseUnits(s, decimals) * 86_400n) / 100_000n : parseUnits(s, decimals)))
    .refine((v) => v >= min && v <= max, { message: `must lie within the bounds ${show(min)} – ${show(max)}` });
}
