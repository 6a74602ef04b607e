import { ONE } from "../ledger.ts";
import type { AuditEvent, EventOf, TxEvents } from "../types.ts";
import { dataWord, maxOf, type OtherEvent, otherOf, selectors, topicAddress, topicWord } from "./logs.ts";
import type { AuditRule, RuleContext } from "./rule.ts";

/**
 * The profit-at-rest lot rule, isolated here so it can follow the lot ledger's rule as it evolves
 * (contracts/marketplace/README.md, "Profit at rest — the exact rule"):
 * 1. every inflow of a Company/RegionalCompany forms a lot; inflows of the same class (exempt:
 *    LoanDisbursement, Deposit; taxable: the rest) less than LOT_WINDOW after the newest lot's
 *    first inflow join it; a company first seen with a balance gets a taxable opening lot of it;
 * 2. outflows consume the oldest money first: open_i = max(0, end_i − max(start_i, totalOut));
 * 3. lot i falls due at at_i + delay (delay and rate as cached by the ledger: RatesSynced);
 * 4. lots are collected in order, each once: tax = ⌊open × rate / 1e18⌋ (0 for exempt lots),
 *    measured before the outflow that triggered the collection is booked; the tax is an outflow.
 */
export const LOT_WINDOW = 900n;
const KIND_COMPANY = 2;
const KIND_REGIONAL = 3;
const LOAN_DISBURSEMENT = 9;
const DEPOSIT = 11;
const PROFIT_AT_REST_TAX = 6;

export const LOT_EVENTS = {
  LotLedgerChanged: "LotLedgerChanged(address,address)",
  ProfitAtRestCollected: "ProfitAtRestCollected(address,uint256,uint256,uint256)",
  OpeningLotBooked: "OpeningLotBooked(address,uint256)",
  RatesSynced: "RatesSynced(uint48,uint64,uint48,uint64)",
} as const;
const T = selectors(LOT_EVENTS);

interface Lot {
  /** The company's cumulative inflow after this lot. */
  end: bigint;
  at: bigint;
  exempt: boolean;
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
  let active = false;
  let rates = { delay: 0n, rate: 0n, regionalDelay: 0n, regionalRate: 0n };
  let books = new Map<string, Book>();
  /** The outflow whose hook is running: booked once its collections (logged after it) are done. */
  let pending: { company: string; amount: bigint } | undefined;
  /** The last ProfitAtRestTax move, waiting for its ProfitAtRestCollected. */
  let taxMove: Action | undefined;
  /** Companies, kept by the timestamp pre-pass (which sees registrations in chain order). */
  const companies = new Set<string>();
  /** Opening lots booked by the rule and not yet matched by the ledger's OpeningLotBooked. */
  const openings = new Map<string, bigint>();

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

  /** The company's book, opened (with an opening lot of `before`) when first seen. */
  const bookOf = (company: string, kind: number, before: bigint, now: bigint): Book => {
    let b = books.get(company);
    if (b !== undefined) return b;
    b = { regional: kind === KIND_REGIONAL, totalIn: 0n, totalOut: 0n, cursor: 0, lotStart: 0n, lots: [], count: 0 };
    if (before > 0n) {
      b.lots.push({ end: before, at: now, exempt: false });
      b.totalIn = before;
      b.count = 1;
      openings.set(company, before);
    }
    books.set(company, b);
    return b;
  };

  const onMove = (ev: Action, now: bigint, ctx: RuleContext) => {
    if (ev.from === ev.to || ev.amount === 0n) return;
    const fromKind = ctx.ledger.peek(ev.from)?.kind;
    const toKind = ctx.ledger.peek(ev.to)?.kind;
    if (bearsLots(fromKind)) {
      // The Transfer is applied: the balance before the move is what it is now plus the amount.
      const before = (ctx.ledger.peek(ev.from)?.balance ?? 0n) + ev.amount;
      bookOf(ev.from, fromKind!, before, now);
      pending = { company: ev.from, amount: ev.amount };
    }
    if (bearsLots(toKind)) {
      const before = (ctx.ledger.peek(ev.to)?.balance ?? 0n) - ev.amount;
      const b = bookOf(ev.to, toKind!, before, now);
      const exempt = ev.action === LOAN_DISBURSEMENT || ev.action === DEPOSIT;
      b.totalIn += ev.amount;
      const last = b.lots[b.lots.length - 1];
      if (last !== undefined && last.exempt === exempt && now < last.at + LOT_WINDOW) last.end = b.totalIn;
      else {
        b.lots.push({ end: b.totalIn, at: now, exempt });
        b.count++;
      }
    }
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
    const open = lot.exempt || lot.end <= from ? 0n : lot.end - from;
    const expectedTax = (open * rate) / ONE;
    if (taxed !== open || tax !== expectedTax)
      ctx.report(
        ev,
        `open ${open} of lot ${index} taxed ${expectedTax} (× ${rate} / 1e18)${lot.exempt ? ", exempt" : ""}`,
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

  const onOpening = (ev: OtherEvent, now: bigint, ctx: RuleContext) => {
    const company = topicAddress(ev, 1);
    const amount = dataWord(ev, 0);
    const expected = openings.get(company);
    openings.delete(company);
    if (expected !== undefined) {
      if (expected !== amount) ctx.report(ev, `opening lot ${expected} (balance when first seen)`, `${amount}`);
      return;
    }
    // A collect() on a company never seen: its whole balance becomes the opening lot.
    const a = ctx.ledger.peek(company);
    if (!books.has(company) && bearsLots(a?.kind)) bookOf(company, a!.kind, a!.balance, now);
    const booked = openings.get(company);
    openings.delete(company);
    if (booked !== amount) ctx.report(ev, `opening lot ${booked ?? 0n} (balance when first seen)`, `${amount}`);
  };

  const isHookLog = (ev: AuditEvent) =>
    ev.type === "Transfer" ||
    (ev.type === "ActionPerformed" && ev.action === PROFIT_AT_REST_TAX) ||
    otherOf(ev, ledgerAddress, T.ProfitAtRestCollected) !== undefined ||
    otherOf(ev, ledgerAddress, T.OpeningLotBooked) !== undefined;

  return {
    name: "profit-at-rest",
    description:
      "each company's FIFO lots rebuilt from its inflows and outflows; every ProfitAtRestCollected takes the next lot, " +
      "due, taxing ⌊open × rate / 1e18⌋ (exempt lots 0) with its ProfitAtRestTax move; no tax without a collection",
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
      if (ev.type === "Other" && ev.address === ctx.addresses.rsc && ev.topics[0] === T.LotLedgerChanged) {
        active = topicAddress(ev, 2) === ledgerAddress;
        return;
      }
      if (ev.type === "Other" && ev.address === ledgerAddress && ev.topics[0] === T.RatesSynced) {
        // Cached from the ledger's initialisation on, which comes before the token points at it.
        rates = {
          delay: dataWord(ev, 0),
          rate: dataWord(ev, 1),
          regionalDelay: dataWord(ev, 2),
          regionalRate: dataWord(ev, 3),
        };
        return;
      }
      if (!active) return;
      if (ev.type === "ActionPerformed") {
        if (ev.action === PROFIT_AT_REST_TAX) {
          if (taxMove !== undefined) flush(ctx);
          taxMove = ev;
        } else onMove(ev, now, ctx);
        return;
      }
      if (ev.type !== "Other" || ev.address !== ledgerAddress) return;
      if (ev.topics[0] === T.ProfitAtRestCollected) onCollected(ev, now, ctx);
      else if (ev.topics[0] === T.OpeningLotBooked) onOpening(ev, now, ctx);
    },
    onTxEnd(_tx, ctx) {
      flush(ctx);
      for (const [company, amount] of openings)
        ctx.report(_tx.events[0], `OpeningLotBooked(${company}, ${amount})`, "none");
      openings.clear();
    },
    save: () => ({
      active,
      rates: Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, `${v}`])),
      companies: [...companies],
      books: [...books].map(([c, b]) => [
        c,
        {
          ...b,
          totalIn: `${b.totalIn}`,
          totalOut: `${b.totalOut}`,
          lotStart: `${b.lotStart}`,
          lots: b.lots.map((l) => [`${l.end}`, `${l.at}`, l.exempt]),
        },
      ]),
    }),
    load(json: unknown) {
      const j = json as {
        active: boolean;
        rates: Record<string, string>;
        companies: string[];
        books: [string, Omit<Book, "lots" | "totalIn" | "totalOut" | "lotStart"> & Record<string, unknown>][];
      };
      active = j.active;
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
            lots: (b.lots as [string, string, boolean][]).map(([end, at, exempt]) => ({
              end: BigInt(end),
              at: BigInt(at),
              exempt,
            })),
          },
        ]),
      );
    },
  };
}
