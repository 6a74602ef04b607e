/** One gas measurement, from transaction receipts (`gasUsed`, intrinsic cost included). */
export interface BenchRow {
  group: string;
  operation: string;
  gas: bigint;
  /** What it is compared with, measured in the same run (or quoted, when `quoted` is set). */
  reference?: string;
  referenceGas?: bigint;
  quoted?: boolean;
  /** The target, in words ("≤ 1.15× reference", "≤ 80,000 gas"). */
  target?: string;
  /** Whether the target is met, when the row has one. */
  met?: boolean;
}

/** One throughput or time measurement (events/s, ratios, seconds). */
export interface ThroughputRow {
  group: string;
  operation: string;
  value: number;
  unit: string;
  reference?: string;
  referenceValue?: number;
  target?: string;
  met?: boolean;
}

export type AnyRow = BenchRow | ThroughputRow;

export function isGasRow(row: AnyRow): row is BenchRow {
  return typeof (row as BenchRow).gas === "bigint";
}
