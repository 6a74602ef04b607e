"use client";

import { type PoolPoint, usePoolHistory } from "../../../hooks/usePoolHistory.ts";
import { formatDate, formatRsc } from "../../../lib/format.ts";

const W = 600;
const H = 220;
const PAD = { left: 8, right: 8, top: 14, bottom: 14 };

/** The larger of two bigints (Math.max takes numbers only). */
function larger(a: bigint, b: bigint): bigint {
  if (a > b) return a;
  return b;
}

/** The smaller of two bigints. */
function smaller(a: bigint, b: bigint): bigint {
  if (a < b) return a;
  return b;
}

/**
 * A step line of the balance from its first change on: it holds its value until the next block
 * that moved it. The vertical scale spans the lowest to the highest balance, so small outflows
 * (UBI claims) stay visible next to large deposits.
 */
function stepPath(points: readonly PoolPoint[]): string {
  const t0 = points[0].time;
  const t1 = Math.max(points[points.length - 1].time, t0 + 1);
  const high = points.reduce((m, p) => larger(m, p.balance), points[0].balance);
  const low = points.reduce((m, p) => smaller(m, p.balance), points[0].balance);
  const span = high > low ? high - low : 1n;
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (b: bigint) =>
    H - PAD.bottom - (Number(((b - low) * 10_000n) / span) / 10_000) * (H - PAD.top - PAD.bottom);
  let d = `M ${x(t0).toFixed(1)} ${y(points[0].balance).toFixed(1)}`;
  let last = points[0].balance;
  for (const p of points.slice(1)) {
    d += ` L ${x(p.time).toFixed(1)} ${y(last).toFixed(1)} L ${x(p.time).toFixed(1)} ${y(p.balance).toFixed(1)}`;
    last = p.balance;
  }
  return `${d} L ${x(t1).toFixed(1)} ${y(last).toFixed(1)}`;
}

/** The capital pool's balance over time, drawn in plain SVG from its Transfer logs. */
export function PoolChart() {
  const { data: points, error, isPending } = usePoolHistory();
  const latest = points?.at(-1);
  const peak = points?.reduce((m, p) => larger(m, p.balance), 0n) ?? 0n;
  const low = points?.reduce((m, p) => smaller(m, p.balance), points[0]?.balance ?? 0n) ?? 0n;
  return (
    <section className="card" aria-labelledby="pool-title">
      <h2 id="pool-title">Capital pool</h2>
      {error && (
        <p role="alert" className="error">
          Could not read the pool's history: {error.message}
        </p>
      )}
      {isPending || !points ? (
        <p className="muted">Loading…</p>
      ) : points.length === 0 ? (
        <p className="muted">The capital pool has not received anything yet.</p>
      ) : (
        <figure>
          <svg
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-label={`Capital pool balance over time: now ${formatRsc(latest!.balance)}, highest ${formatRsc(peak)}, over ${points.length} changes since ${formatDate(points[0].time)}.`}
            className="chart"
          >
            <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="axis" />
            <path d={stepPath(points)} className="line" />
          </svg>
          <div className="chart-scale muted" aria-hidden="true">
            <span>
              {formatDate(points[0].time)} → {formatDate(latest!.time)}
            </span>
            <span>
              {formatRsc(low)} – {formatRsc(peak)}
            </span>
          </div>
          <figcaption>
            <span data-testid="pool-balance">Now {formatRsc(latest!.balance)}</span> · highest {formatRsc(peak)} ·{" "}
            {points.length} changes since {formatDate(points[0].time)} (UTC)
          </figcaption>
        </figure>
      )}
    </section>
  );
}
