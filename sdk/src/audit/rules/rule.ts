import type { Ledger } from "../ledger.ts";
import type { AuditEvent, RegionAddresses, TxEvents } from "../types.ts";

/** Where a violation happened: any decoded event carries it. */
export interface At {
  blockNumber: number;
  txHash: `0x${string}`;
  logIndex: number;
}

/** What a rule sees: the rebuilt state, the region's addresses, and a way to report. */
export interface RuleContext {
  /** In `onEvent`: the state just before the event. In `onTxEnd`: after the whole transaction. */
  readonly ledger: Ledger;
  readonly addresses: RegionAddresses;
  /** Reports a violation of this rule at `at`. */
  report(at: At, expected: string, found: string): void;
}

/**
 * A check the auditor runs over every transaction. Core rules cover the region core; later
 * domains (payroll, marketplace, federation) add theirs to `runAudit({ rules })`.
 */
export interface AuditRule {
  /** Stable kebab-case name, used in reports. */
  readonly name: string;
  /** One line: what must hold. */
  readonly description: string;
  /** Contracts besides the core whose logs this rule reads (lower case); they arrive as `Other` events. */
  readonly addresses?: readonly string[];
  /** True when the rule needs the block timestamp of the transaction containing `event`. */
  needsTimestamp?(event: AuditEvent): boolean;
  /** Called for every event, in log order, before the ledger applies it. */
  onEvent?(event: AuditEvent, index: number, tx: TxEvents, ctx: RuleContext): void;
  /** Called once per transaction after all its events were applied. */
  onTxEnd?(tx: TxEvents, ctx: RuleContext): void;
  /** A rule with its own state returns it as JSON for the checkpoint ... */
  save?(): unknown;
  /** ... and takes it back when the audit resumes. */
  load?(json: unknown): void;
}

/** The event right after `index` in the same transaction, if it is the very next log. */
export function nextLog(tx: TxEvents, index: number): AuditEvent | undefined {
  const ev = tx.events[index];
  const next = tx.events[index + 1];
  return next !== undefined && next.logIndex === ev.logIndex + 1 ? next : undefined;
}

/** The event right before `index` in the same transaction, if it is the very previous log. */
export function previousLog(tx: TxEvents, index: number): AuditEvent | undefined {
  const ev = tx.events[index];
  const prev = tx.events[index - 1];
  return prev !== undefined && prev.logIndex === ev.logIndex - 1 ? prev : undefined;
}
