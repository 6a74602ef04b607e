import { type Address, formatUnits } from "viem";
import { Unit } from "../../sdk/src/generated/enums.ts";

const ONE = 10n ** 18n;
const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** `1234500000000000000000n` → "1,234.50 RSC". */
export function formatRsc(wei: bigint): string {
  return `${number.format(Number(formatUnits(wei, 18)))} RSC`;
}

/** "0x1234…abcd". */
export function shortAddress(address: Address | string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** A date in the reader's locale, day and time, in UTC so server and browser agree. */
export function formatDate(seconds: number | bigint): string {
  return new Date(Number(seconds) * 1000).toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });
}

/** A duration in seconds as days/hours. */
export function formatDuration(seconds: bigint): string {
  const s = Number(seconds);
  if (s >= 86_400 && s % 86_400 === 0) return `${s / 86_400} days`;
  if (s >= 3_600) return `${(s / 3_600).toFixed(1)} hours`;
  return `${s} seconds`;
}

/** A parameter's value in its unit (fractions are 1e18 = 100 %). */
export function formatParam(value: bigint, unit: Unit): string {
  switch (unit) {
    case "Fraction":
      return `${Number((value * 10_000n) / ONE) / 100} %`;
    case "Seconds":
      return formatDuration(value);
    case "Count":
      return value.toString();
    case "RscWei":
      return formatRsc(value);
  }
}

/** The `Unit` name of the enum value a contract returned. */
export function unitName(value: number): Unit {
  return Unit[value] ?? "Count";
}

const precise = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4, minimumFractionDigits: 4 });

/** Pay accruing by the second: "12.3456 RSC". */
export function formatRscPrecise(wei: bigint): string {
  return `${precise.format(Number(formatUnits(wei, 18)))} RSC`;
}
