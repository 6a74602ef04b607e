import { writeFileSync } from "node:fs";
import type { Violation } from "./types.ts";

/** The outcome of an audit. */
export interface AuditReport {
  ok: boolean;
  chainId: number;
  /** The region's first block: the state is rebuilt from here. */
  startBlock: number;
  /** Violations are reported from this block on. */
  fromBlock: number;
  toBlock: number;
  /** The block the run resumed after, when it continued from a cache file. */
  resumedAt?: number;
  events: number;
  transfers: number;
  actions: number;
  transactions: number;
  accounts: number;
  totalSupply: string;
  usdReserves: string;
  rules: { name: string; description: string }[];
  violationCount: number;
  /** The first `maxViolations` violations, in chain order (cross-checks last). */
  violations: Violation[];
  durationMs: number;
  /**
   * Where the time went: waiting for eth_getLogs (beyond what overlapped with checking), checking
   * events (decoding, rules, ledger, checkpoints), and the final eth_call cross-check.
   */
  timings: { waitingForLogsMs: number; checkingMs: number; crossCheckMs: number };
  eventsPerSecond: number;
}

const CSV_HEADER = "block,txHash,logIndex,rule,expected,found";
const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The violations as CSV, one per line, header first. */
export function violationsCsv(violations: readonly Violation[]): string {
  const lines = violations.map((v) => [v.block, v.txHash, v.logIndex, v.rule, v.expected, v.found].map(cell).join(","));
  return `${[CSV_HEADER, ...lines].join("\n")}\n`;
}

/** Writes the report: `.csv` → the violations as CSV, anything else → the whole report as JSON. */
export function writeReport(file: string, report: AuditReport): void {
  if (file.toLowerCase().endsWith(".csv")) writeFileSync(file, violationsCsv(report.violations));
  else writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

/** One violation in one line, for the terminal. */
export function formatViolation(v: Violation): string {
  const where = v.logIndex >= 0 ? `block ${v.block} tx ${v.txHash} log ${v.logIndex}` : `block ${v.block} (eth_call)`;
  return `${where}  [${v.rule}]  expected ${v.expected}; found ${v.found}`;
}
