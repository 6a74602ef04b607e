/**
 * The housing keeper: books every building's maintenance wages (`Housing.bookWages`) soon after
 * Payroll pays them, so each month's costs — and so the next month's rents — carry that month's
 * wages. Safe to run twice, to crash and to restart: a booking records only what Payroll paid since
 * the last one, so a retried or duplicated call books nothing twice.
 *
 * A building whose booking keeps failing is logged and retried on the next pass. `npm start` runs
 * it with the other keepers (scripts/start.ts).
 */
import { parseEventLogs } from "viem";
import type { ConductorClient } from "../../sdk/src/client.ts";
import { requireWallet } from "../../sdk/src/client.ts";
import { contractAddress } from "../../sdk/src/deployment.ts";
import { housingAbi } from "../../sdk/src/generated/abis.ts";
import { type KeeperLog, type RetryOptions, sendAndWait, withRetry } from "./loop.ts";

export type BookOptions = RetryOptions & { log?: KeeperLog };

export type BookReport = {
  /** Buildings with maintenance wages paid and not booked yet, at the start of the pass. */
  due: bigint[];
  /** What each booking recorded, RSC wei. */
  booked: { buildingId: bigint; amount: bigint }[];
  /** Buildings whose booking failed every attempt, with why. */
  failed: { buildingId: bigint; reason: string }[];
};

const defaultLog: KeeperLog = (level, message) =>
  console[level === "info" ? "log" : level](`[housing keeper] ${message}`);

/** The buildings with wages to book (none when the region runs no Housing contract). */
export async function buildingsWithUnbookedWages(client: Pick<ConductorClient, "deployment" | "publicClient">) {
  if (!client.deployment.contracts.Housing) return [];
  const address = contractAddress(client.deployment, "Housing");
  const count = await client.publicClient.readContract({ address, abi: housingAbi, functionName: "buildingCount" });
  const due: bigint[] = [];
  for (let id = 1n; id <= count; id++) {
    const unbooked = await client.publicClient.readContract({
      address,
      abi: housingAbi,
      functionName: "unbookedWages",
      args: [id],
    });
    if (unbooked > 0n) due.push(id);
  }
  return due;
}

/** One pass: books the unbooked maintenance wages of every building. */
export async function bookMaintenanceWages(client: ConductorClient, options: BookOptions = {}): Promise<BookReport> {
  const { log = defaultLog } = options;
  const due = await buildingsWithUnbookedWages(client);
  const report: BookReport = { due, booked: [], failed: [] };
  if (due.length === 0) {
    log("info", "pass done: no building has wages to book");
    return report;
  }
  requireWallet(client);
  const address = contractAddress(client.deployment, "Housing");
  for (const buildingId of due) {
    const sent = await withRetry(
      async () => {
        const receipt = await sendAndWait(client, {
          address,
          abi: housingAbi,
          functionName: "bookWages",
          args: [buildingId],
        });
        return parseEventLogs({ abi: housingAbi, eventName: "WagesBooked", logs: receipt.logs });
      },
      `booking of building ${buildingId}`,
      log,
      options,
    );
    if (!sent.ok) {
      report.failed.push({ buildingId, reason: sent.reason });
      continue;
    }
    const amount = sent.value.reduce((sum, l) => sum + (l.args.toPaid - l.args.fromPaid), 0n);
    report.booked.push({ buildingId, amount });
  }
  log("info", `pass done: ${due.length} buildings with wages to book, ${report.failed.length} failed`);
  return report;
}
