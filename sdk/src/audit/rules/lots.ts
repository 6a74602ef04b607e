import { actionId, kindId } from "../../core/enums.ts";
import { Param } from "../../generated/enums.ts";
import { ONE } from "../ledger.ts";
import type { AuditEvent, EventOf, TxEvents } from "../types.ts";
import { dataWord, maxOf, minOf, type OtherEvent, otherOf, selectors, topicAddress, topicWord } from "./logs.ts";
import type { AuditRule, RuleContext } from "./rule.ts";

/**
 * The profit-at-rest lot rule, isolated here so it can follow the token's lots as they evolve
 * (contracts/marketplace/README.md, "Profit at rest — the exact rule"):
 * 1. every inflow of a Company/RegionalCompany joins the newest lot while its period is open and
 *    the lot stays within MAX_LOT; otherwise it opens a lot dated at the end of its period
 *    (`⌊t / LOT_UNIT⌋ + lotPeriod(delay)` units); with LOT_RING lots uncollected it joins the newest
 *    lot, which is dated anew when its period has ended; exempt money (LoanDisbursement, Deposit)
 *    is counted apart in its lot;
 * 2. outflows consume the oldest money first, a lot's exempt money first:
 *    open_i = max(0, end_i − max(start_i, totalOut)), taxable open_i = min(open_i, amount_i − exempt_i);
 *    a purchase with its sales tax and a wage with its income tax are one outflow;
 * 3. lot i falls due at at_i + delay, delay and rate being RegionParameters' values in force (the
 *    token and the collector are told of every change in the same transaction);
 * 4. lots are collected in order, each once: tax = ⌊taxable open × rate / 1e18⌋, measured before
 *    the outflow that triggered the collection is booked; the tax is an outflow.
 */
export const LOT_UNIT = 900n;
/** A lot's period is the delay divided by this, in whole units (ProfitAtRest.LOT_PERIODS_PER_DELAY). */
export const LOT_PERIODS_PER_DELAY = 32n;
/** The most lots of one company uncollected at a time (ProfitAtRest.LOT_RING). */
export const LOT_RING = 64;
/** The most one lot holds (2^94 − 1 wei): an inflow past it opens a new lot. */
export const MAX_LOT = 2n ** 94n - 1n;

/** A lot's period under `delay` seconds, in LOT_UNITs: 1/LOT_PERIODS_PER_DELAY of it, at least one. */
export function lotPeriod(delay: bigint): bigint {
  const period = delay / (LOT_PERIODS_PER_DELAY * LOT_UNIT);
  return period === 0n ? 1n : period;
}
const PARAM = {
  ProfitAtRestDelay: Param.indexOf("ProfitAtRestDelay"),
  ProfitAtRestRate: Param.indexOf("ProfitAtRestRate"),
  RegionalProfitAtRestDelay: Param.indexOf("RegionalProfitAtRestDelay"),
  RegionalProfitAtRestRate: Param.indexOf("RegionalProfitAtRestRate"),
};
const INCOME_TAX = actionId("IncomeTax");
const SALES_TAX = actionId("SalesTax");
const WAGE = actionId("Wage");
const PURCHASE = actionId("Purchase");
const KIND_COMPANY = kindId("Company");
const KIND_REGIONAL = kindId("RegionalCompany");
const LOAN_DISBURSEMENT = actionId("LoanDisbursement");
const DEPOSIT = actionId("Deposit");
const PROFIT_AT_REST_TAX = 6;

export const LOT_EVENTS = {
  ProfitAtRestCollected: "ProfitAtRestCollected(address,uint256,uint256,uint256)",
} as const;
const T = selectors(LOT_EVENTS);

interface Lot {
  /** The company's cumulative inflow after this lot. */
  end: bigint;
  /** Its date, seconds: the end of its period (no money in it is younger). */
  at: bigint;
  /** Its exempt money (LoanDisbursement, Deposit), spent first within the lot. */
  exempt: bigint;
}

/** A company's book as the auditor rebuilds it; only lots not yet collected are kept. */
interface Book {
  regional: boolean;
  totalIn: bigint;
  totalOut: bigint;
  /** Index of the first lot not yet collected (`lots[0]`). */
  cursor: number;
  /** Cumulative inflow before `lots[0]`. */
  lotStart: bigint;
  lots: Lot[];
  /** Lots ever booked (the index of the next lot). */
  count: number;
}

type Action = EventOf<"ActionPerformed">;
const bearsLots = (kind: number | undefined) => kind === KIND_COMPANY || kind === KIND_REGIONAL;

/**
 * `profit-at-rest`: rebuilds each company's FIFO lots from its inflows and outflows and checks
 * every `ProfitAtRestCollected` (lot index in order, due, taxed amount == open part, tax ==
 * ⌊open × rate / 1e18⌋) and its `ProfitAtRestTax` move, and that no `ProfitAtRestTax` moves
 * without a collection.
 */
export function lotRule(profitAtRest: string): AuditRule & { save(): unknown; load(json: unknown): void } {
  const ledgerAddress = profitAtRest.toLowerCase();
  let rates = { delay: 0n, rate: 0n, regionalDelay: 0n, regionalRate: 0n };
  let books = new Map<string, Book>();
  /** The outflow whose hook is running: booked once its collections (logged after it) are done. */
  let pending: { company: string; amount: bigint; action: number; ref: string } | undefined;
  /** The last ProfitAtRestTax move, waiting for its ProfitAtRestCollected. */
  let taxMove: Action | undefined;
  /** Companies, kept by the timestamp pre-pass (which sees registrations in chain order). */
  const companies = new Set<string>();

  const flush = (ctx: RuleContext) => {
    if (pending !== undefined) {
      const b = books.get(pending.company);
      if (b) b.totalOut += pending.amount;
      pending = undefined;
    }
    if (taxMove !== undefined) {
      ctx.report(taxMove, "a ProfitAtRestCollected for this ProfitAtRestTax", `${taxMove.amount} wei alone`);
      // Not the ledger's own move, so the token booked it as an outflow like any other.
      const b = books.get(taxMove.from);
      if (b) b.totalOut += taxMove.amount;
      taxMove = undefined;
    }
  };

  /** The company's book, opened when first seen (a company holds nothing before its first inflow). */
  const bookOf = (company: string, kind: number): Book => {
    let b = books.get(company);
    if (b === undefined) {
      b = { regional: kind === KIND_REGIONAL, totalIn: 0n, totalOut: 0n, cursor: 0, lotStart: 0n, lots: [], count: 0 };
      books.set(company, b);
    }
    return b;
  };

  /** The tax leg of a taxed move (sales tax after its purchase, income tax after its wage). */
  const isTaxLeg = (ev: AuditEvent) =>
    ev.type === "ActionPerformed" &&
    pending !== undefined &&
    pending.company === ev.from &&
    pending.ref === ev.ref &&
    ((ev.action === SALES_TAX && pending.action === PURCHASE) || (ev.action === INCOME_TAX && pending.action === WAGE));

  /** Books an inflow as the token does (contracts/core/CompanyLots.sol). */
  const bookInflow = (b: Book, ev: Action, now: bigint) => {
    const exempt = ev.action === LOAN_DISBURSEMENT || ev.action === DEPOSIT;
    const unit = now / LOT_UNIT;
    const date = (unit + lotPeriod(b.regional ? rates.regionalDelay : rates.delay)) * LOT_UNIT;
    // The newest lot, when not collected yet (a collected lot is past its date, so never joined).
    const last = b.lots.length + b.cursor === b.count ? b.lots[b.lots.length - 1] : undefined;
    const lastStart = b.lots.length > 1 ? b.lots[b.lots.length - 2].end : b.lotStart;
    b.totalIn += ev.amount;
    const fits = b.totalIn - lastStart <= MAX_LOT;
    if (last !== undefined && ((now < last.at && fits) || b.count - b.cursor >= LOT_RING)) {
      // Joined while its period is open, or whenever the ring is full (then dated anew once its
      // period has ended).
      if (now >= last.at) last.at = date;
      last.end = b.totalIn;
      if (exempt) last.exempt += ev.amount;
    } else {
      b.lots.push({ end: b.totalIn, at: date, exempt: exempt ? ev.amount : 0n });
      b.count++;
    }
  };

  const onMove = (ev: Action, now: bigint, ctx: RuleContext) => {
    if (ev.from === ev.to || ev.amount === 0n) return;
    const fromKind = ctx.ledger.peek(ev.from)?.kind;
    const toKind = ctx.ledger.peek(ev.to)?.kind;
    if (bearsLots(fromKind)) {
      bookOf(ev.from, fromKind!);
      // A tax leg joins its move's outflow: the collection is measured before both.
      if (isTaxLeg(ev)) pending!.amount += ev.amount;
      else pending = { company: ev.from, amount: ev.amount, action: ev.action, ref: ev.ref };
    }
    if (bearsLots(toKind)) bookInflow(bookOf(ev.to, toKind!), ev, now);
  };

  const onCollected = (ev: OtherEvent, now: bigint, ctx: RuleContext) => {
    const company = topicAddress(ev, 1);
    const index = topicWord(ev, 2);
    const taxed = dataWord(ev, 0);
    const tax = dataWord(ev, 1);
    const move = taxMove;
    taxMove = undefined;
    const b = books.get(company);
    const lot = b?.lots[0];
    if (b === undefined || lot === undefined || BigInt(b.cursor) !== index) {
      ctx.report(ev, `the next lot of ${company} (index ${b?.cursor ?? 0})`, `lot ${index}`);
      return;
    }
    const delay = b.regional ? rates.regionalDelay : rates.delay;
    const rate = b.regional ? rates.regionalRate : rates.rate;
    if (now < lot.at + delay) ctx.report(ev, `lot ${index} due at ${lot.at + delay}`, `collected at ${now}`);
    const from = maxOf(b.lotStart, b.totalOut);
    const taxable = lot.end - b.lotStart - lot.exempt;
    // The taxable open part: a lot's exempt money is spent first.
    const open = minOf(lot.end <= from ? 0n : lot.end - from, taxable);
    const expectedTax = (open * rate) / ONE;
    if (taxed !== open || tax !== expectedTax)
      ctx.report(
        ev,
        `open ${open} of lot ${index} taxed ${expectedTax} (× ${rate} / 1e18)${lot.exempt > 0n ? `, ${lot.exempt} exempt` : ""}`,
        `open ${taxed} taxed ${tax}`,
      );
    const moved = move?.amount ?? 0n;
    if (
      moved !== tax ||
      (move !== undefined &&
        (move.from !== company || move.to !== ctx.addresses.capitalPool || BigInt(move.ref) !== index))
    )
      ctx.report(ev, `a ProfitAtRestTax of ${tax} from ${company} to the capital pool, ref ${index}`, `${moved}`);
    b.totalOut += moved;
    b.lotStart = lot.end;
    b.lots.shift();
    b.cursor++;
  };

  const isHookLog = (ev: AuditEvent) =>
    ev.type === "Transfer" ||
    isTaxLeg(ev) ||
    (ev.type === "ActionPerformed" && ev.action === PROFIT_AT_REST_TAX) ||
    otherOf(ev, ledgerAddress, T.ProfitAtRestCollected) !== undefined;

  return {
    name: "profit-at-rest",
    description:
      "each company's FIFO lots rebuilt from its inflows and outflows; every ProfitAtRestCollected takes the next lot, " +
      "due, taxing ⌊taxable open × rate / 1e18⌋ (a lot's exempt money spent first) with its ProfitAtRestTax move; " +
      "no tax without a collection",
    addresses: [ledgerAddress],
    needsTimestamp(ev) {
      if (ev.type === "AccountRegistered") {
        // Never removed: this pre-pass may run a chunk ahead, and a superset only costs a block time.
        if (bearsLots(ev.kind)) companies.add(ev.account);
        return false;
      }
      if (ev.type === "ActionPerformed") return companies.has(ev.to) || companies.has(ev.from);
      return ev.type === "Other" && ev.address === ledgerAddress;
    },
    onEvent(ev, _i, tx: TxEvents, ctx) {
      if (!isHookLog(ev)) flush(ctx);
      const now = BigInt(tx.timestamp ?? 0);
      if (ev.type === "ParameterChanged" && ev.address === ctx.addresses.regionParameters) {
        // The token (delays) and the collector (rates) are told of every change in the same transaction.
        if (ev.param === PARAM.ProfitAtRestDelay) rates.delay = ev.newValue;
        else if (ev.param === PARAM.ProfitAtRestRate) rates.rate = ev.newValue;
        else if (ev.param === PARAM.RegionalProfitAtRestDelay) rates.regionalDelay = ev.newValue;
        else if (ev.param === PARAM.RegionalProfitAtRestRate) rates.regionalRate = ev.newValue;
        return;
      }
      if (ev.type === "ActionPerformed") {
        if (ev.action === PROFIT_AT_REST_TAX) {
          if (taxMove !== undefined) flush(ctx);
          taxMove = ev;
        } else onMove(ev, now, ctx);
        return;
      }
      if (ev.type !== "Other" || ev.address !== ledgerAddress) return;
      if (ev.topics[0] === T.ProfitAtRestCollected) onCollected(ev, now, ctx);
    },
    onTxEnd(_tx, ctx) {
      flush(ctx);
    },
    save: () => ({
      rates: Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, `${v}`])),
      companies: [...companies],
      books: [...books].map(([c, b]) => [
        c,
        {
          ...b,
          totalIn: `${b.totalIn}`,
          totalOut: `${b.totalOut}`,
          lotStart: `${b.lotStart}`,
          lots: b.lots.map((l) => [`${l.end}`, `${l.at}`, `${l.exempt}`]),
        },
      ]),
    }),
    load(json: unknown) {
      const j = json as {
        rates: Record<string, string>;
        companies: string[];
        books: [string, Omit<Book, "lots" | "totalIn" | "totalOut" | "lotStart"> & Record<string, unknown>][];
      };
      rates = {
        delay: BigInt(j.rates.delay),
        rate: BigInt(j.rates.rate),
        regionalDelay: BigInt(j.rates.regionalDelay),
        regionalRate: BigInt(j.rates.regionalRate),
      };
      companies.clear();
      for (const c of j.companies) companies.add(c);
      books = new Map(
        j.books.map(([c, b]) => [
          c,
          {
            regional: b.regional,
            cursor: b.cursor,
            count: b.count,
            totalIn: BigInt(b.totalIn as string),
            totalOut: BigInt(b.totalOut as string),
            lotStart: BigInt(b.lotStart as string),
            lots: (b.lots as [string, string, string][]).map(([end, at, exempt]) => ({
              end: BigInt(end),
              at: BigInt(at),
              exempt: BigInt(exempt),
            })),
          },
        ]),
      );
    },
  };
}
