/**
 * The profit-at-rest keeper: collects the tax of every company's due lots
 * (`ProfitAtRest.collect`), so profit left idle is taxed back even by a company that never spends
 * (a company's own outflows collect at most 4 due lots on the way). Safe to run twice, to crash
 * and to restart: the contract collects each lot exactly once and moves the company's cursor past
 * it, so a retried or duplicated call finds nothing left to tax.
 *
 * A `collect` transaction that fails is retried with backoff, then left for the next pass and
 * logged. `npm start` starts it with {@link startProfitAtRestKeeper}.
 */
import { type Address, parseEventLogs } from "viem";
import { LOT_UNIT } from "../../sdk/src/audit/rules/lots.ts";
import type { ConductorClient } from "../../sdk/src/client.ts";
import { requireWallet } from "../../sdk/src/client.ts";
import { kindId } from "../../sdk/src/core/enums.ts";
import { contractAddress } from "../../sdk/src/deployment.ts";
import { profitAtRestAbi, registryAbi, rscAbi } from "../../sdk/src/generated/abis.ts";
import { type KeeperLog, type RetryOptions, sendAndWait, startLoop, withRetry } from "./loop.ts";

/** Lots per `collect` call (the contract's MAX_COLLECT). */
const MAX_COLLECT = 256n;
/** `collect` calls per company per pass: 4 × 256 lots; the rest waits for the next pass. */
const ROUNDS = 4;

export type CollectOptions = RetryOptions & { log?: KeeperLog };

export type CollectReport = {
  /** Companies whose oldest uncollected lot was due at the start of the pass. */
  due: Address[];
  /** What each collection took: lots collected (taxed, or passed with no tax) and the tax, RSC wei. */
  collected: { company: Address; lots: number; tax: bigint }[];
  /** Companies whose collection failed every attempt, with why. */
  failed: { company: Address; reason: string }[];
};

const defaultLog: KeeperLog = (level, message) =>
  console[level === "info" ? "log" : level](`[profit-at-rest keeper] ${message}`);

type Reader = Pick<ConductorClient, "deployment" | "publicClient">;

/** Every registered Company and RegionalCompany (external companies keep no lots). */
export async function lotKeepingCompanies(client: Reader): Promise<Address[]> {
  const logs = await client.publicClient.getContractEvents({
    address: contractAddress(client.deployment, "Registry"),
    abi: registryAbi,
    eventName: "CompanyRegistered",
    fromBlock: BigInt(client.deployment.startBlock),
  });
  const keeping = new Set([kindId("Company"), kindId("RegionalCompany")]);
  return [...new Set(logs.filter((l) => keeping.has(Number(l.args.kind))).map((l) => l.args.treasury as Address))];
}

const rsc = (client: Reader) => contractAddress(client.deployment, "RSC");

type Rates = { profitAtRestDelay: bigint; regionalProfitAtRestDelay: bigint };

/**
 * When `company`'s oldest uncollected lot falls due (seconds), or undefined when all are collected
 * or the account keeps no lots (any more: suspended accounts keep theirs).
 */
async function oldestDueAt(client: Reader, company: Address, rates: Rates): Promise<bigint | undefined> {
  const kind = await client.publicClient.readContract({
    address: rsc(client),
    abi: rscAbi,
    functionName: "kindOf",
    args: [company],
  });
  if (kind !== kindId("Company") && kind !== kindId("RegionalCompany")) return undefined;
  const [, state] = await client.publicClient.readContract({
    address: contractAddress(client.deployment, "ProfitAtRest"),
    abi: profitAtRestAbi,
    functionName: "lotsStateOf",
    args: [company],
  });
  if (state.cursor >= state.lotCount) return undefined;
  const delay = kind === kindId("RegionalCompany") ? rates.regionalProfitAtRestDelay : rates.profitAtRestDelay;
  return state.cursorDate * LOT_UNIT + delay;
}

/** The companies whose oldest uncollected lot is due at the chain's latest block. */
export async function dueCompanies(client: Reader): Promise<Address[]> {
  const [companies, rates, block] = await Promise.all([
    lotKeepingCompanies(client),
    client.publicClient.readContract({ address: rsc(client), abi: rscAbi, functionName: "rates" }),
    client.publicClient.getBlock(),
  ]);
  const due: Address[] = [];
  for (const company of companies) {
    const at = await oldestDueAt(client, company, rates);
    if (at !== undefined && at <= block.timestamp) due.push(company);
  }
  return due;
}

/** One pass: collects every due lot of every company, up to 1,024 lots per company. */
export async function collectDueLots(client: ConductorClient, options: CollectOptions = {}): Promise<CollectReport> {
  const { log = defaultLog } = options;
  requireWallet(client);
  const address = contractAddress(client.deployment, "ProfitAtRest");
  const due = await dueCompanies(client);
  const report: CollectReport = { due, collected: [], failed: [] };
  for (const company of due) {
    let lots = 0;
    let tax = 0n;
    for (let round = 0; round < ROUNDS; round++) {
      const sent = await withRetry(
        async () => {
          const receipt = await sendAndWait(client, {
            address,
            abi: profitAtRestAbi,
            functionName: "collect",
            args: [company, MAX_COLLECT],
          });
          return parseEventLogs({ abi: profitAtRestAbi, eventName: "ProfitAtRestCollected", logs: receipt.logs });
        },
        `collection of ${company}`,
        log,
        options,
      );
      if (!sent.ok) {
        report.failed.push({ company, reason: sent.reason });
        break;
      }
      lots += sent.value.length;
      for (const event of sent.value) tax += event.args.tax;
      if (sent.value.length === 0) {
        // Due, yet nothing moved: the guardian paused ProfitAtRestTax. The lot waits.
        log("warn", `${company}: a due lot was not collected (ProfitAtRestTax paused?); retried next pass`);
      }
      // Fewer lots than asked for: the walk stopped at a lot not due yet (or one it could not tax).
      if (BigInt(sent.value.length) < MAX_COLLECT) break;
    }
    report.collected.push({ company, lots, tax });
  }
  log("info", `pass done: ${due.length} companies due, ${report.failed.length} failed`);
  return report;
}

export type ProfitAtRestKeeperOptions = CollectOptions & {
  /** Milliseconds between passes (default one hour). */
  intervalMs?: number;
};

/**
 * Runs {@link collectDueLots} now and every `intervalMs` until `stop()` is called.
 * @example
 * const keeper = startProfitAtRestKeeper(client); // in npm start
 * process.on("SIGINT", () => keeper.stop());
 */
export function startProfitAtRestKeeper(client: ConductorClient, options: ProfitAtRestKeeperOptions = {}) {
  const { intervalMs = 3_600_000, log = defaultLog } = options;
  return startLoop(() => collectDueLots(client, { ...options, log }), intervalMs, log);
}
