import type { Hex, PublicClient } from "viem";
import { decodeLog, type Emitters, type RpcLog } from "./events.ts";
import type { Ledger } from "./ledger.ts";
import type { AuditRule, RuleContext } from "./rules/rule.ts";
import { blockTimestamps } from "./source.ts";
import type { AuditEvent, RegionAddresses, TxEvents, Violation } from "./types.ts";

/** A decoded chunk whose block times are on their way. */
export interface PreparedChunk {
  events: AuditEvent[];
  times: Promise<Map<number, number>>;
}

/** What the engine has seen so far. */
export interface AuditCounters {
  /** Logs decoded and checked. */
  events: number;
  transfers: number;
  actions: number;
  transactions: number;
}

/** Which contract may emit which event. */
export function emittersOf(a: RegionAddresses): Emitters {
  const set = (...xs: string[]) => new Set(xs);
  return new Map([
    ["Transfer", set(a.rsc)],
    ["ActionPerformed", set(a.rsc)],
    ["AccountRegistered", set(a.rsc)],
    ["AccountSuspensionChanged", set(a.rsc)],
    ["AccountRecovered", set(a.rsc)],
    ["ParameterChanged", set(a.regionParameters)],
    ["ReservesAttested", set(a.reserve)],
    ["DepositAttested", set(a.reserve)],
    ["RedemptionRequested", set(a.reserve)],
    ["RedemptionPaid", set(a.reserve)],
    ["RedemptionRefunded", set(a.reserve)],
    ["UbiClaimed", set(a.capitalPool)],
  ]);
}

/**
 * Replays logs transaction by transaction: every rule sees each event against the state just
 * before it, then the ledger applies it. Violations before `reportFrom` are not recorded (the
 * state is still rebuilt from the region's first block).
 */
export class AuditEngine {
  readonly counters: AuditCounters = { events: 0, transfers: 0, actions: 0, transactions: 0 };
  readonly violations: Violation[] = [];
  violationCount = 0;
  private readonly emitters: Emitters;
  private readonly contexts: Map<AuditRule, RuleContext>;
  private readonly timed: readonly AuditRule[];
  private readonly eventHooks: readonly [AuditRule, RuleContext][];
  private readonly txHooks: readonly [AuditRule, RuleContext][];

  constructor(
    readonly client: PublicClient,
    readonly addresses: RegionAddresses,
    readonly rules: readonly AuditRule[],
    public ledger: Ledger,
    readonly reportFrom: number,
    readonly maxViolations: number,
  ) {
    this.emitters = emittersOf(addresses);
    this.timed = rules.filter((r) => r.needsTimestamp !== undefined);
    const engine = this;
    this.contexts = new Map(
      rules.map((rule) => [
        rule,
        {
          get ledger() {
            return engine.ledger;
          },
          addresses,
          report: (at, expected, found) =>
            engine.record({
              block: at.blockNumber,
              txHash: at.txHash,
              logIndex: at.logIndex,
              rule: rule.name,
              expected,
              found,
            }),
        } satisfies RuleContext,
      ]),
    );
    this.eventHooks = rules.filter((r) => r.onEvent).map((r) => [r, this.contexts.get(r)!]);
    this.txHooks = rules.filter((r) => r.onTxEnd).map((r) => [r, this.contexts.get(r)!]);
  }

  /** Records a violation (kept up to `maxViolations`; all are counted). */
  record(v: Violation): void {
    if (v.block < this.reportFrom) return;
    this.violationCount++;
    if (this.violations.length < this.maxViolations) this.violations.push(v);
  }

  /** Decodes, groups by transaction and checks one chunk of logs (in chain order). */
  async processLogs(logs: readonly RpcLog[]): Promise<void> {
    await this.processPrepared(this.prepare(logs));
  }

  /**
   * Decodes a chunk and asks the node for the block times its rules need, without waiting: the
   * auditor prepares chunk k+1 (its times in flight) before it checks chunk k. Chunks must be
   * prepared in chain order (rules' `needsTimestamp` may keep a pre-pass state).
   */
  prepare(logs: readonly RpcLog[]): PreparedChunk {
    const events: AuditEvent[] = new Array(logs.length);
    const needTime = new Set<number>();
    const known = new Map<number, number>();
    const timed = this.timed;
    for (let i = 0; i < logs.length; i++) {
      const log = logs[i];
      if (log.removed) throw new Error(`log ${log.transactionHash}#${log.logIndex} was removed (reorg)`);
      const ev = decodeLog(log, this.emitters);
      events[i] = ev;
      // Every rule sees every event here (no short cut): some keep a pre-pass state (e.g. which accounts are companies).
      let need = false;
      for (let k = 0; k < timed.length; k++) if (timed[k].needsTimestamp!(ev)) need = true;
      if (!need) continue;
      if (log.blockTimestamp !== undefined) known.set(ev.blockNumber, Number(log.blockTimestamp));
      else needTime.add(ev.blockNumber);
    }
    for (const b of known.keys()) needTime.delete(b);
    const times =
      needTime.size === 0
        ? Promise.resolve(known)
        : blockTimestamps(this.client, [...needTime]).then((found) => {
            for (const [b, t] of known) found.set(b, t);
            return found;
          });
    // A failure surfaces when the chunk is checked, not as an unhandled rejection.
    times.catch(() => {});
    return { events, times };
  }

  /** Groups a prepared chunk by transaction and checks it, once its block times have arrived. */
  async processPrepared(prepared: PreparedChunk): Promise<void> {
    const { events } = prepared;
    const found = await prepared.times;
    const times = found.size > 0 ? found : undefined;
    let start = 0;
    for (let i = 1; i <= events.length; i++) {
      if (i < events.length && events[i].txHash === events[start].txHash) continue;
      const first = events[start];
      this.processTx({
        blockNumber: first.blockNumber,
        txHash: first.txHash as Hex,
        events: events.slice(start, i),
        timestamp: times?.get(first.blockNumber),
      });
      start = i;
    }
  }

  private processTx(tx: TxEvents): void {
    const c = this.counters;
    c.transactions++;
    for (let i = 0; i < tx.events.length; i++) {
      const ev = tx.events[i];
      c.events++;
      if (ev.type === "Transfer") c.transfers++;
      else if (ev.type === "ActionPerformed") c.actions++;
      for (const [rule, ctx] of this.eventHooks) rule.onEvent!(ev, i, tx, ctx);
      this.ledger.apply(ev, tx.timestamp);
    }
    for (const [rule, ctx] of this.txHooks) rule.onTxEnd!(tx, ctx);
  }
}
