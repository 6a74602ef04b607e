import type { PublicClient } from "viem";
import { type Checkpoint, type Fingerprint, readCheckpoint, writeCheckpoint } from "./checkpoint.ts";
import { CROSS_CHECK_RULE, chainTotalSupply, crossCheck, NO_TX } from "./crossCheck.ts";
import { AuditEngine, type PreparedChunk } from "./engine.ts";
import { Ledger } from "./ledger.ts";
import type { AuditReport } from "./report.ts";
import { defaultRules } from "./rules/core.ts";
import type { AuditRule } from "./rules/rule.ts";
import { type LogChunk, streamLogs } from "./source.ts";
import type { RegionAddresses } from "./types.ts";

export const SUPPLY_CHECK_RULE = "supply-cross-check";

/** Progress of a long run, reported after each chunk. */
export interface AuditProgress {
  block: number;
  fromBlock: number;
  toBlock: number;
  events: number;
  violations: number;
  elapsedMs: number;
  heapUsed: number;
}

export interface RunAuditParameters {
  client: PublicClient;
  addresses: RegionAddresses;
  /** The region's first block (its deployment): the state is always rebuilt from here. */
  startBlock: number;
  /** Report violations from this block on (default `startBlock`). */
  fromBlock?: number;
  /** Last block audited (default: the latest block). */
  toBlock?: number;
  /** Default {@link defaultRules}; later domains append theirs. */
  rules?: readonly AuditRule[];
  /** Resume from / checkpoint to this JSON file. */
  cacheFile?: string;
  /** Checkpoint (and cross-check totalSupply) at least every this many blocks (default 1,000). */
  checkpointEvery?: number;
  /** About this many logs per eth_getLogs (default 2,000). */
  targetLogs?: number;
  /**
   * Read logs by plain HTTP from this URL with a capped answer size (default: the client's HTTP
   * URL when it has one; otherwise through the client).
   */
  rpcUrl?: string;
  /** eth_getLogs requests in flight ahead of the chunk being checked (default 1). */
  prefetch?: number;
  /** Cap on one eth_getLogs answer, in bytes (default 16 MiB). */
  maxResponseBytes?: number;
  /** Keep at most this many violations in the report; all are counted (default 10,000). */
  maxViolations?: number;
  /** Skip the final eth_call cross-check of every account (default false). */
  skipCrossCheck?: boolean;
  onProgress?: (p: AuditProgress) => void;
  /** Aborting stops after the current chunk, with a checkpoint written. */
  signal?: AbortSignal;
}

/** Thrown when the audit was stopped through its signal; the cache file holds where it stopped. */
export class AuditInterruptedError extends Error {
  override name = "AuditInterruptedError";
  constructor(readonly nextBlock: number) {
    super(`audit interrupted before block ${nextBlock}; run again with the same --cache to resume`);
  }
}

/**
 * Audits a region from its chain alone: streams the logs of its contracts in bounded chunks,
 * rebuilds every balance, kind, parameter, reserve figure and UBI claim, runs every rule on every
 * event, cross-checks the contracts' views by eth_call, and returns the violations.
 *
 * @example
 * const report = await runAudit({ client, addresses, startBlock: deployment.startBlock });
 * if (!report.ok) for (const v of report.violations) console.log(formatViolation(v));
 */
export async function runAudit(params: RunAuditParameters): Promise<AuditReport> {
  const started = Date.now();
  const { client, addresses } = params;
  const rules = params.rules ?? defaultRules(addresses);
  const chainId = await client.getChainId();
  const toBlock = params.toBlock ?? Number(await client.getBlockNumber({ cacheTime: 0 }));
  const fromBlock = params.fromBlock ?? params.startBlock;
  const checkpointEvery = params.checkpointEvery ?? 1_000;
  const fingerprint: Fingerprint = {
    chainId,
    ...addresses,
    startBlock: params.startBlock,
    fromBlock,
    rules: rules.map((r) => r.name),
  };
  const resumed: Checkpoint | undefined = params.cacheFile ? readCheckpoint(params.cacheFile, fingerprint) : undefined;
  const engine = new AuditEngine(
    client,
    addresses,
    rules,
    resumed ? Ledger.fromJSON(resumed.ledger) : new Ledger(),
    fromBlock,
    params.maxViolations ?? 10_000,
  );
  let supplyDelta = 0n;
  if (resumed) {
    Object.assign(engine.counters, resumed.counters);
    engine.violations.push(...(resumed.violations as AuditReport["violations"]));
    engine.violationCount = resumed.violationCount;
    supplyDelta = BigInt(resumed.supplyDelta);
    for (const r of rules) if (r.load && resumed.rules[r.name] !== undefined) r.load(resumed.rules[r.name]);
  }
  let nextBlock = resumed?.nextBlock ?? params.startBlock;
  const eventsAtStart = engine.counters.events;

  const checkpoint = async (upTo: number) => {
    // A cheap cross-check at every checkpoint: report when the contract's supply starts to differ.
    const delta = (await chainTotalSupply(client, addresses.rsc, upTo)) - engine.ledger.totalSupply;
    if (delta !== supplyDelta) {
      engine.record({
        block: upTo,
        txHash: NO_TX,
        logIndex: -1,
        rule: SUPPLY_CHECK_RULE,
        expected: `totalSupply() − rebuilt supply == ${supplyDelta}`,
        found: `${delta}`,
      });
      supplyDelta = delta;
    }
    if (params.cacheFile)
      writeCheckpoint(params.cacheFile, {
        version: 1,
        fingerprint,
        nextBlock: upTo + 1,
        ledger: engine.ledger.toJSON(),
        counters: { ...engine.counters },
        violations: engine.violations,
        violationCount: engine.violationCount,
        supplyDelta: supplyDelta.toString(),
        rules: Object.fromEntries(rules.filter((r) => r.save).map((r) => [r.name, r.save!()])),
      });
  };

  const source = streamLogs(client, {
    addresses: [
      addresses.rsc,
      addresses.reserve,
      addresses.capitalPool,
      addresses.regionParameters,
      ...rules.flatMap((r) => r.addresses ?? []),
    ],
    fromBlock: nextBlock,
    toBlock,
    initialSpan: Math.min(checkpointEvery, 64),
    maxSpan: checkpointEvery,
    targetLogs: params.targetLogs,
    rpcUrl: params.rpcUrl ?? (client.transport as { url?: string }).url,
    maxResponseBytes: params.maxResponseBytes,
    prefetch: params.prefetch,
  });
  let lastCheckpoint = nextBlock - 1;
  const timings = { waitingForLogsMs: 0, checkingMs: 0, crossCheckMs: 0 };
  let mark = performance.now();
  /** Checks a prepared chunk, checkpoints, reports progress; throws when interrupted. */
  const check = async (chunk: LogChunk, prepared: PreparedChunk) => {
    await engine.processPrepared(prepared);
    nextBlock = chunk.toBlock + 1;
    const interrupted = params.signal?.aborted === true;
    if (chunk.toBlock - lastCheckpoint >= checkpointEvery || chunk.toBlock === toBlock || interrupted) {
      await checkpoint(chunk.toBlock);
      lastCheckpoint = chunk.toBlock;
    }
    params.onProgress?.({
      block: chunk.toBlock,
      fromBlock: params.startBlock,
      toBlock,
      events: engine.counters.events,
      violations: engine.violationCount,
      elapsedMs: Date.now() - started,
      heapUsed: process.memoryUsage().heapUsed,
    });
    if (interrupted && chunk.toBlock < toBlock) throw new AuditInterruptedError(nextBlock);
  };
  // Chunk k+1 is decoded and its block times requested before chunk k is checked.
  let previous: { chunk: LogChunk; prepared: PreparedChunk } | undefined;
  for await (const chunk of source) {
    timings.waitingForLogsMs += performance.now() - mark;
    mark = performance.now();
    const prepared = engine.prepare(chunk.logs);
    if (previous) await check(previous.chunk, previous.prepared);
    previous = { chunk, prepared };
    timings.checkingMs += performance.now() - mark;
    mark = performance.now();
  }
  if (previous) await check(previous.chunk, previous.prepared);
  timings.checkingMs += performance.now() - mark;
  mark = performance.now();

  if (!params.skipCrossCheck) await crossCheck(client, addresses, engine.ledger, toBlock, (v) => engine.record(v));
  timings.crossCheckMs = performance.now() - mark;
  const durationMs = Date.now() - started;
  const checked = engine.counters.events - eventsAtStart;
  return {
    ok: engine.violationCount === 0,
    chainId,
    startBlock: params.startBlock,
    fromBlock,
    toBlock,
    resumedAt: resumed ? resumed.nextBlock - 1 : undefined,
    ...engine.counters,
    accounts: engine.ledger.accounts.size,
    totalSupply: engine.ledger.totalSupply.toString(),
    usdReserves: engine.ledger.usdReserves.toString(),
    rules: [
      ...rules.map((r) => ({ name: r.name, description: r.description })),
      { name: SUPPLY_CHECK_RULE, description: "at every checkpoint, eth_call totalSupply() equals the rebuilt supply" },
      {
        name: CROSS_CHECK_RULE,
        description:
          "at the last block, eth_call accountOf/totalSupply/attestedReserves/get/nextUbiClaimAt equal the rebuilt " +
          "state, and Σ balances == totalSupply on both sides",
      },
    ],
    violationCount: engine.violationCount,
    violations: engine.violations,
    durationMs,
    timings: {
      waitingForLogsMs: Math.round(timings.waitingForLogsMs),
      checkingMs: Math.round(timings.checkingMs),
      crossCheckMs: Math.round(timings.crossCheckMs),
    },
    eventsPerSecond: durationMs > 0 ? Math.round((checked * 1000) / durationMs) : checked,
  };
}
