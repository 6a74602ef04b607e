/**
 * The payroll keeper: settles every open shift in batches (`Payroll.settleBatch`), so workers are
 * paid hourly without asking. Safe to run twice, to crash and to restart: settlement is idempotent
 * on-chain (a settlement pays only what accrued since the last one and was not yet paid), so a
 * retried or duplicated batch can never pay twice.
 *
 * A batch transaction that fails (RPC error, out of gas) is retried with backoff; an employment
 * that fails inside a batch (`SettlementFailed`, e.g. a suspended worker) is logged and retried on
 * the next pass. `npm start` starts it with {@link startPayrollKeeper}.
 */
import { parseEventLogs } from "viem";
import type { ConductorClient } from "../../sdk/src/client.ts";
import { requireWallet } from "../../sdk/src/client.ts";
import { contractAddress } from "../../sdk/src/deployment.ts";
import { payrollAbi } from "../../sdk/src/generated/abis.ts";
import { employmentLabel, listEmployments } from "../../sdk/src/payroll/employments.ts";
import { type KeeperLog, sendAndWait, startLoop, withRetry } from "./loop.ts";

export type { KeeperLog };

export type SettleOptions = {
  /** Employments per `settleBatch` transaction (default 50). */
  batchSize?: number;
  /** Attempts per batch transaction before giving up until the next pass (default 3). */
  attempts?: number;
  /** Milliseconds before the first retry; doubles each time (default 1,000). */
  retryDelayMs?: number;
  log?: KeeperLog;
};

export type SettleReport = {
  /** Employments found due this pass (on shift, or owed pay). */
  open: bigint[];
  /** Employments whose settlement went through. */
  settled: bigint[];
  /** Employments that failed (inside a batch, or whose batch failed every attempt), with why. */
  failed: { employmentId: bigint; reason: string }[];
};

const defaultLog: KeeperLog = (level, message) =>
  console[level === "info" ? "log" : level](`[payroll keeper] ${message}`);

/**
 * The employments to settle: every open shift, and every employment still owed pay (the rest of
 * a shift after its last settlement, approved timesheets, a debt the company can now pay).
 */
export async function dueEmployments(client: ConductorClient): Promise<bigint[]> {
  const address = contractAddress(client.deployment, "Payroll");
  const open: bigint[] = [];
  for (const id of await listEmployments(client)) {
    const e = await client.publicClient.readContract({
      address,
      abi: payrollAbi,
      functionName: "employment",
      args: [id],
    });
    if (e.onShift || e.accrued > e.paid) open.push(id);
  }
  return open;
}

/** One pass: settles and pays every open shift and every employment owed pay, in batches. */
export async function settleOpenShifts(client: ConductorClient, options: SettleOptions = {}): Promise<SettleReport> {
  const { batchSize = 50, attempts = 3, retryDelayMs = 1_000, log = defaultLog } = options;
  requireWallet(client);
  const address = contractAddress(client.deployment, "Payroll");
  const open = await dueEmployments(client);
  const report: SettleReport = { open, settled: [], failed: [] };
  for (let i = 0; i < open.length; i += batchSize) {
    const batch = open.slice(i, i + batchSize);
    const sent = await withRetry(
      async () => {
        const receipt = await sendAndWait(client, {
          address,
          abi: payrollAbi,
          functionName: "settleBatch",
          args: [batch],
        });
        return parseEventLogs({ abi: payrollAbi, eventName: "SettlementFailed", logs: receipt.logs });
      },
      `batch of ${batch.length}`,
      log,
      { attempts, retryDelayMs },
    );
    if (!sent.ok) {
      for (const employmentId of batch) report.failed.push({ employmentId, reason: sent.reason });
      continue;
    }
    const failedIds = new Set(sent.value.map((f) => f.args.employmentId));
    for (const f of sent.value) {
      report.failed.push({ employmentId: f.args.employmentId, reason: f.args.reason });
      log(
        "warn",
        `employment ${employmentLabel(f.args.employmentId)} not settled (revert data ${f.args.reason}); retried next pass`,
      );
    }
    report.settled.push(...batch.filter((id) => !failedIds.has(id)));
  }
  log("info", `pass done: ${report.open.length} due, ${report.settled.length} settled, ${report.failed.length} failed`);
  return report;
}

export type KeeperOptions = SettleOptions & {
  /** Milliseconds between passes (default one hour). */
  intervalMs?: number;
};

/**
 * Runs {@link settleOpenShifts} now and every `intervalMs` until `stop()` is called. A pass never
 * overlaps the previous one.
 * @example
 * const keeper = startPayrollKeeper(client); // in npm start
 * process.on("SIGINT", () => keeper.stop());
 */
export function startPayrollKeeper(client: ConductorClient, options: KeeperOptions = {}) {
  const { intervalMs = 3_600_000, log = defaultLog } = options;
  return startLoop(() => settleOpenShifts(client, { ...options, log }), intervalMs, log);
}
