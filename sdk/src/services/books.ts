import { type Address, getAddress, parseAbiItem } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import { ConductorInputError } from "../errors.ts";
import { rscAbi } from "../generated/abis.ts";
import { Action, Kind } from "../generated/enums.ts";
import { type CostEntry, type CostLine, getHousingCosts } from "./housingCosts.ts";
import { AddressSchema, parse } from "./shared.ts";

const ACTION_PERFORMED = parseAbiItem(
  "event ActionPerformed(uint8 indexed action, address indexed from, address indexed to, uint256 amount, bytes32 ref)",
);

/** A period of the books: a UTC calendar month, "2026-11". */
export const PeriodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a period is a month: YYYY-MM")
  .transform((s) => {
    const [year, month] = s.split("-").map(Number);
    return {
      label: s,
      /** The month index the contracts use: year × 12 + month − 1. */
      monthIndex: year * 12 + month - 1,
      start: BigInt(Date.UTC(year, month - 1, 1) / 1000),
      end: BigInt(Date.UTC(year, month, 1) / 1000),
    };
  });

export type BooksParameters = {
  /** The company's treasury address. */
  company: string;
  /** "YYYY-MM" (UTC). */
  period: string;
};

/** Where a line belongs in the statements. */
export type Section = "revenue" | "expense" | "financing";

/** One category: every movement of one action, one direction and one counterparty kind. */
export type BookLine = {
  /** e.g. "Purchase in from Person", "Wage out to Person". */
  category: string;
  section: Section;
  direction: "in" | "out";
  action: (typeof Action)[number];
  counterpartyKind: (typeof Kind)[number];
  /** RSC wei, always positive; `direction` gives the sign. */
  amount: bigint;
  count: number;
};

export type { CostEntry, CostLine } from "./housingCosts.ts";

export type Books = {
  company: Address;
  period: string;
  /** The blocks whose timestamps fall in the period (`fromBlock > toBlock` when none do). */
  fromBlock: bigint;
  toBlock: bigint;
  openingBalance: bigint;
  closingBalance: bigint;
  /** Cash flow: every category (counterparty kinds as at the period's last block), inflows first. */
  lines: BookLine[];
  /** Income statement: revenue − expense (financing movements are left out). */
  revenue: bigint;
  expense: bigint;
  surplus: bigint;
  /** Cash flow totals; `net = inflow − outflow`. */
  inflow: bigint;
  outflow: bigint;
  net: bigint;
  /** Whether `net == closingBalance − openingBalance` (to the wei). */
  reconciles: boolean;
  /**
   * The housing company's building costs booked for this month, by category (empty for any other
   * company): what next month's rents are derived from. Each is money that left its treasury.
   */
  costs: CostLine[];
  /** Those costs entry by entry, each reconciled to the token's `Transfer`s to the wei. */
  costEntries: CostEntry[];
  /** Whether every cost entry reconciles. */
  costsReconcile: boolean;
};

const REVENUE_IN = new Set(["Purchase", "Rent", "Subsidy"]);
const EXPENSE_OUT = new Set(["Purchase", "Rent", "Wage", "IncomeTax", "SalesTax", "ProfitAtRestTax"]);

function sectionOf(action: string, direction: "in" | "out"): Section {
  if (direction === "in" && REVENUE_IN.has(action)) return "revenue";
  if (direction === "out" && EXPENSE_OUT.has(action)) return "expense";
  return "financing";
}

/** The first block whose timestamp is at least `timestamp` (`latest + 1` when none is). */
async function firstBlockAtOrAfter(client: ConductorClient, timestamp: bigint, low: bigint, latest: bigint) {
  let [lo, hi] = [low, latest + 1n];
  while (lo < hi) {
    const mid = (lo + hi) / 2n;
    const block = await client.publicClient.getBlock({ blockNumber: mid });
    if (block.timestamp >= timestamp) hi = mid;
    else lo = mid + 1n;
  }
  return lo;
}

/**
 * A company's income statement and cash flow for one month, from chain data alone: the token's
 * `ActionPerformed` logs into and out of the company (every movement of a company's RSC is one, as
 * direct transfers are Person→Person only), classified by action, direction and the counterparty's
 * kind; plus, for the housing company, the building costs it paid or booked that month, each
 * reconciled to the token's `Transfer`s. The cash flow reconciles to the company's balance change
 * over the period's blocks to the wei.
 * @example
 * const books = await getBooks(client, { company: "0xHospital…", period: "2026-11" });
 */
export async function getBooks(client: ConductorClient, params: BooksParameters): Promise<Books> {
  const company = parse(AddressSchema, params.company, "company");
  const period = parse(PeriodSchema, params.period, "period");
  const rsc = contractAddress(client.deployment, "RSC");
  const pc = client.publicClient;
  const latest = await pc.getBlockNumber();
  const low = BigInt(client.deployment.startBlock);
  const fromBlock = await firstBlockAtOrAfter(client, period.start, low, latest);
  const toBlock = (await firstBlockAtOrAfter(client, period.end, fromBlock, latest)) - 1n;
  if (fromBlock > latest) throw new ConductorInputError(`period ${period.label} has not started on this chain`);

  const balanceAt = async (blockNumber: bigint) =>
    blockNumber < 0n
      ? 0n
      : ((await pc.readContract({
          address: rsc,
          abi: rscAbi,
          functionName: "balanceOf",
          args: [company],
          blockNumber,
        })) as bigint);
  const openingBalance = await balanceAt(fromBlock - 1n);
  const closingBalance = toBlock >= fromBlock ? await balanceAt(toBlock) : openingBalance;

  const lines = new Map<string, BookLine>();
  const kinds = new Map<string, number>();
  const kindOf = async (account: Address) => {
    if (account === "0x0000000000000000000000000000000000000000") return 0;
    const key = account.toLowerCase();
    if (!kinds.has(key)) {
      kinds.set(
        key,
        Number(
          await pc.readContract({
            address: rsc,
            abi: rscAbi,
            functionName: "kindOf",
            args: [account],
            blockNumber: toBlock,
          }),
        ),
      );
    }
    return kinds.get(key) as number;
  };
  if (toBlock >= fromBlock) {
    const [outs, ins] = await Promise.all(
      [{ from: company }, { to: company }].map((args) =>
        pc.getLogs({ address: rsc, event: ACTION_PERFORMED, args, fromBlock, toBlock }),
      ),
    );
    for (const [direction, logs] of [
      ["out", outs],
      ["in", ins],
    ] as const) {
      for (const log of logs) {
        const {
          action: actionId,
          from,
          to,
          amount,
        } = log.args as { action: number; from: Address; to: Address; amount: bigint };
        if (getAddress(from) === company && getAddress(to) === company) continue; // never happens: kept for safety
        const action = Action[actionId];
        const counterpartyKind = Kind[await kindOf(direction === "in" ? from : to)];
        const category = `${action} ${direction === "in" ? "in from" : "out to"} ${counterpartyKind}`;
        const line = lines.get(category) ?? {
          category,
          section: sectionOf(action, direction),
          direction,
          action,
          counterpartyKind,
          amount: 0n,
          count: 0,
        };
        line.amount += amount;
        line.count += 1;
        lines.set(category, line);
      }
    }
  }
  const sorted = [...lines.values()].sort((a, b) =>
    a.direction === b.direction ? a.category.localeCompare(b.category) : a.direction === "in" ? -1 : 1,
  );
  const sum = (ls: BookLine[]) => ls.reduce((s, l) => s + l.amount, 0n);
  const inflow = sum(sorted.filter((l) => l.direction === "in"));
  const outflow = sum(sorted.filter((l) => l.direction === "out"));
  const revenue = sum(sorted.filter((l) => l.section === "revenue"));
  const expense = sum(sorted.filter((l) => l.section === "expense"));
  const housing = await getHousingCosts(client, company, period.monthIndex, low);

  return {
    company,
    period: period.label,
    fromBlock,
    toBlock,
    openingBalance,
    closingBalance,
    lines: sorted,
    revenue,
    expense,
    surplus: revenue - expense,
    inflow,
    outflow,
    net: inflow - outflow,
    reconciles: inflow - outflow === closingBalance - openingBalance,
    costs: housing.lines,
    costEntries: housing.entries,
    costsReconcile: housing.entries.every((e) => e.reconciles),
  };
}

/**
 * The books as CSV: `section,category,direction,count,amount_wei`, the housing company's building
 * costs (`housing-cost` rows), then totals and the reconciliations.
 */
export function booksToCsv(books: Books): string {
  const rows = [["section", "category", "direction", "count", "amount_wei"].join(",")];
  for (const l of books.lines) rows.push([l.section, l.category, l.direction, l.count, l.amount].join(","));
  for (const c of books.costs) rows.push(["housing-cost", c.category, "booked", c.entries, c.amount].join(","));
  rows.push(["total", "revenue", "in", "", books.revenue].join(","));
  rows.push(["total", "expense", "out", "", books.expense].join(","));
  rows.push(["total", "surplus", "", "", books.surplus].join(","));
  rows.push(["total", "net cash flow", "", "", books.net].join(","));
  rows.push(["balance", "opening", "", "", books.openingBalance].join(","));
  rows.push(["balance", "closing", "", "", books.closingBalance].join(","));
  rows.push(["check", "reconciles", "", "", books.reconciles].join(","));
  if (books.costEntries.length > 0) rows.push(["check", "costs reconcile", "", "", books.costsReconcile].join(","));
  return rows.join("\n");
}

/** The books as JSON (amounts as decimal strings of RSC wei). */
export function booksToJson(books: Books): string {
  return JSON.stringify(books, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2);
}
