import { z } from "zod";
import { ConductorInputError } from "../errors.ts";

/** RSC has 18 decimals: 1 RSC = 10^18 wei (see README, "Why 18 decimals"). */
export const RSC_DECIMALS = 18;
const UNIT = 10n ** BigInt(RSC_DECIMALS);
/** The largest balance an account word can hold (uint128). */
export const MAX_RSC_WEI = (1n << 128n) - 1n;

const DECIMAL = /^(-?)(\d*)(?:\.(\d*))?$/;

/**
 * A zod schema for an RSC amount: a decimal string ("12.50", "3") or a bigint of wei.
 * Refuses negatives, more than 18 decimals, values past uint128 and (unless `allowZero`) zero.
 */
export function rscAmount(options: { allowZero?: boolean } = {}) {
  return z.union([z.bigint(), z.string()]).transform((value, ctx): bigint => {
    let wei: bigint;
    if (typeof value === "bigint") {
      wei = value;
    } else {
      const text = value.trim();
      const m = DECIMAL.exec(text);
      if (!m || (m[2] === "" && (m[3] ?? "") === "")) {
        ctx.addIssue({ code: "custom", message: `"${value}" is not an amount: write a decimal number such as 12.50` });
        return z.NEVER;
      }
      const fraction = m[3] ?? "";
      if (fraction.length > RSC_DECIMALS) {
        ctx.addIssue({
          code: "custom",
          message: `"${value}" has ${fraction.length} decimals; RSC has at most ${RSC_DECIMALS}`,
        });
        return z.NEVER;
      }
      const magnitude = BigInt(m[2] || "0") * UNIT + BigInt(fraction.padEnd(RSC_DECIMALS, "0") || "0");
      wei = m[1] === "-" ? -magnitude : magnitude;
    }
    if (wei < 0n) {
      ctx.addIssue({ code: "custom", message: `amount must not be negative (got ${formatRsc(wei)})` });
      return z.NEVER;
    }
    if (wei === 0n && !options.allowZero) {
      ctx.addIssue({ code: "custom", message: "amount must be more than zero" });
      return z.NEVER;
    }
    if (wei > MAX_RSC_WEI) {
      ctx.addIssue({ code: "custom", message: `amount ${formatRsc(wei)} is larger than any RSC balance can be` });
      return z.NEVER;
    }
    return wei;
  });
}

/**
 * Parses an RSC amount into wei.
 * @example
 * parseRsc("12.50"); // 12_500_000_000_000_000_000n
 * parseRsc(5n); // 5n (already wei)
 * parseRsc("-1"); // throws ConductorInputError: invalid amount: amount must not be negative (got -1.00)
 */
export function parseRsc(value: string | bigint, options: { allowZero?: boolean } = {}): bigint {
  const parsed = rscAmount(options).safeParse(value);
  if (!parsed.success) throw ConductorInputError.fromZod(parsed.error, "amount");
  return parsed.data;
}

/**
 * Formats wei as RSC with at least two decimals and no trailing zeros beyond them.
 * @example
 * formatRsc(12_500_000_000_000_000_000n); // "12.50"
 * formatRsc(1n); // "0.000000000000000001"
 */
export function formatRsc(wei: bigint): string {
  const negative = wei < 0n;
  const abs = negative ? -wei : wei;
  const whole = abs / UNIT;
  let fraction = (abs % UNIT).toString().padStart(RSC_DECIMALS, "0").replace(/0+$/, "");
  if (fraction.length < 2) fraction = fraction.padEnd(2, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}
