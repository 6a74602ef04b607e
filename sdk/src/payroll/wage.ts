/**
 * The seed's wage formula and pay accrual in `bigint`, 18-decimal fixed point (1e18 = 1): the
 * TypeScript twin of `contracts/payroll/WageMath.sol` and `contracts/payroll/PayrollAccrual.sol`,
 * agreeing with them to the wei. Every step rounds down exactly as the Solidity does (see the
 * rounding notes in WageMath.sol).
 */

/** 1 in 18-decimal fixed point. */
export const ONE = 10n ** 18n;
const ONE_SQUARED = ONE * ONE;
const HOUR = 3600n;

/** The occupation's side of the formula (fractions, 1e18 = 1). */
export type WageFactors = {
  industryNeed: bigint;
  industryWeight: bigint;
  skill: bigint;
  need: bigint;
  stress: bigint;
  danger: bigint;
};

/** Thrown when a fraction of the formula lies outside [0, 1e18]. */
export class WageFractionOutOfRangeError extends Error {
  override name = "WageFractionOutOfRangeError";
  constructor(
    readonly field: string,
    readonly value: bigint,
  ) {
    super(`${field} = ${value} lies outside [0, 1e18]`);
  }
}

function checkFraction(field: string, value: bigint): void {
  if (value < 0n || value > ONE) throw new WageFractionOutOfRangeError(field, value);
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** The product of the formula's five `(1 + …)` factors, each product floored to 18 decimals. */
export function wageIndex(f: WageFactors): bigint {
  for (const [field, value] of Object.entries(f)) checkFraction(field, value);
  let index = ONE + (f.industryNeed * f.industryWeight) / ONE;
  index = (index * (ONE + f.skill)) / ONE;
  index = (index * (ONE + f.need)) / ONE;
  index = (index * (ONE + f.stress)) / ONE;
  index = (index * (ONE + f.danger)) / ONE;
  return index;
}

/** The base hourly wage, RSC wei: `⌊startingWage · index / 1e18⌋`. */
export function baseWage(startingWage: bigint, index: bigint): bigint {
  return (startingWage * index) / ONE;
}

/** The final hourly wage: `⌊base · (1e36 + (2p − 1e18) · range) / 1e36⌋`. */
export function finalWage(base: bigint, productivity: bigint, productivityRange: bigint): bigint {
  checkFraction("productivity", productivity);
  checkFraction("productivityRange", productivityRange);
  return (base * (ONE_SQUARED + (2n * productivity - ONE) * productivityRange)) / ONE_SQUARED;
}

/** The final hourly wage of a worker at `productivity` in an occupation of wage `index`. */
export function wage(startingWage: bigint, index: bigint, productivity: bigint, productivityRange: bigint): bigint {
  return finalWage(baseWage(startingWage, index), productivity, productivityRange);
}

/** The whole formula at once (the SDK action that reads the schedule is `computeWage.ts`): `{ index, base, final }` (RSC wei per hour). */
export function wageFormula(
  input: WageFactors & { startingWage: bigint; productivity: bigint; productivityRange: bigint },
): { index: bigint; base: bigint; final: bigint } {
  const index = wageIndex({
    industryNeed: input.industryNeed,
    industryWeight: input.industryWeight,
    skill: input.skill,
    need: input.need,
    stress: input.stress,
    danger: input.danger,
  });
  const base = baseWage(input.startingWage, index);
  return { index, base, final: finalWage(base, input.productivity, input.productivityRange) };
}

/** The index at `t` of a reduction from `fromIndex` to `toIndex` held until `start`, linear until `end`. */
export function decayedIndex(fromIndex: bigint, toIndex: bigint, start: bigint, end: bigint, t: bigint): bigint {
  if (toIndex >= fromIndex || t >= end) return toIndex;
  if (t <= start) return fromIndex;
  return fromIndex - ((fromIndex - toIndex) * (t - start)) / (end - start);
}

/** `⌊∫_u^v wage(t) dt / 3600⌋` for a wage `wageFrom` until `start`, linear to `wageTo` at `end`, then `wageTo`. */
export function earned(wageFrom: bigint, wageTo: bigint, start: bigint, end: bigint, u: bigint, v: bigint): bigint {
  if (v <= u) return 0n;
  const span = end - start;
  if (span === 0n) {
    let total = 0n;
    if (u < start) total += wageFrom * (min(v, start) - u);
    if (v > start) total += wageTo * (v - max(u, start));
    return total / HOUR;
  }
  const twoSpan = 2n * span;
  let numerator = 0n;
  if (u < start) numerator += twoSpan * wageFrom * (min(v, start) - u);
  if (v > end) numerator += twoSpan * wageTo * (v - max(u, end));
  const a = max(u, start);
  const b = min(v, end);
  if (a < b) {
    const da = a - start;
    const db = b - start;
    numerator += twoSpan * wageFrom * (b - a) - (wageFrom - wageTo) * (db * db - da * da);
  }
  return numerator / (twoSpan * HOUR);
}

/** One wage epoch of an occupation, as `WageSchedule.epochsSince` returns it. */
export type WageEpoch = { changedAt: bigint; delay: bigint; decay: bigint; toIndex: bigint; productivityRange: bigint };

/** Where a settlement starts (an employment as stored, plus STARTING_WAGE). */
export type SettleStart = {
  fromIndex: bigint;
  onShift: boolean;
  settledAt: bigint;
  startingWage: bigint;
  productivity: bigint;
};

/** What a settlement finds: pay earned, epochs walked, the worker's index and hourly wage now. */
export type SettleEnd = { epochsWalked: bigint; fromIndex: bigint; amount: bigint; index: bigint; hourlyWage: bigint };

function earnedIn(ep: WageEpoch, from: bigint, s: SettleStart, segmentEnd: bigint): bigint {
  const wageTo = wage(s.startingWage, ep.toIndex, s.productivity, ep.productivityRange);
  const u = max(s.settledAt, ep.changedAt);
  if (ep.toIndex >= from) return earned(wageTo, wageTo, ep.changedAt, ep.changedAt, u, segmentEnd);
  const wageFrom = wage(s.startingWage, from, s.productivity, ep.productivityRange);
  const start = ep.changedAt + ep.delay;
  return earned(wageFrom, wageTo, start, start + ep.decay, u, segmentEnd);
}

/**
 * Walks an employment through `epochs` (its current epoch first, then every newer one) up to
 * `now`, as `PayrollAccrual.walk` does on-chain.
 */
export function settle(epochs: readonly WageEpoch[], s: SettleStart, now: bigint): SettleEnd {
  let from = s.fromIndex;
  let index = 0n;
  let hourlyWage = 0n;
  let amount = 0n;
  epochs.forEach((ep, i) => {
    if (from === 0n) from = ep.toIndex;
    const last = i + 1 === epochs.length;
    const segmentEnd = last ? now : epochs[i + 1].changedAt;
    if (s.onShift) amount += earnedIn(ep, from, s, segmentEnd);
    const start = ep.changedAt + ep.delay;
    if (!last) {
      from = decayedIndex(from, ep.toIndex, start, start + ep.decay, segmentEnd);
    } else {
      index = decayedIndex(from, ep.toIndex, start, start + ep.decay, now);
      hourlyWage = wage(s.startingWage, index, s.productivity, ep.productivityRange);
    }
  });
  return {
    epochsWalked: BigInt(epochs.length - 1),
    fromIndex: epochs.length === 1 ? s.fromIndex : from,
    amount,
    index,
    hourlyWage,
  };
}

/** Income tax withheld from a gross payment: `⌊gross · rate / 1e18⌋`. */
export function incomeTax(gross: bigint, incomeTaxRate: bigint): bigint {
  return (gross * incomeTaxRate) / ONE;
}
