import { actionId } from "../../core/enums.ts";
import { companyOf } from "../../payroll/employments.ts";
import { settle, type WageEpoch } from "../../payroll/wage.ts";
import { ONE } from "../ledger.ts";
import type { EventOf, TxEvents } from "../types.ts";
import { dataWord, minOf, type OtherEvent, selectors, topicAddress, topicWord } from "./logs.ts";
import type { At, AuditRule, RuleContext } from "./rule.ts";

const WAGE = actionId("Wage");
const INCOME_TAX = actionId("IncomeTax");
/** The kinds whose tag is a permission mask in the token (Region, Module, Bridge). */
const MOVER_KINDS = new Set([5, 6, 7]);
const WAGE_BITS = (1n << BigInt(WAGE)) | (1n << BigInt(INCOME_TAX));
const HOUR = 3600n;

/** The payroll and wage-schedule events the rule replays (signatures of IPayroll.sol, IWageSchedule.sol). */
export const PAYROLL_EVENTS = {
  Hired: "Hired(uint256,address,address,uint32,uint64,uint8)",
  OccupationChanged: "OccupationChanged(uint256,uint32,uint32)",
  ProductivityChanged: "ProductivityChanged(uint256,uint64,uint64)",
  EmploymentEnded: "EmploymentEnded(uint256)",
  ClockedIn: "ClockedIn(uint256,uint40)",
  ClockedOut: "ClockedOut(uint256,uint40)",
  PayAccrued: "PayAccrued(uint256,uint256,uint40)",
  TimesheetSubmitted: "TimesheetSubmitted(uint256,uint32,uint32)",
  TimesheetApproved: "TimesheetApproved(uint256,uint32,uint32,uint256,uint256)",
  WageEpochStarted: "WageEpochStarted(uint32,uint32,uint256,uint256,uint32,uint32,uint64)",
} as const;
const T = selectors(PAYROLL_EVENTS);
const NAME = new Map(Object.entries(T).map(([name, topic]) => [topic, name as keyof typeof PAYROLL_EVENTS]));

/** One employment as rebuilt from its events (amounts gross, RSC wei; times unix seconds). */
interface Employment {
  worker: string;
  company: string;
  occupationId: number;
  productivity: bigint;
  /** Index in the occupation's epoch list at the last settlement. */
  epoch: number;
  fromIndex: bigint;
  settledAt: bigint;
  onShift: boolean;
  timesheet: boolean;
  ended: boolean;
  accrued: bigint;
  paid: bigint;
  pending: bigint;
}

/** Where the payroll's contracts are (lower case). */
export interface PayrollAddresses {
  payroll: string;
  wageSchedule: string;
}

type Action = EventOf<"ActionPerformed">;

/**
 * One wage payment as the token records it (Payroll emits no event of its own for it): the
 * `Wage` (net, company → worker) and the `IncomeTax` (tax, company → capital pool) of one
 * `moveTaxed`, both with ref = the employment id, the IncomeTax two logs after the Wage (its
 * Transfer between). A zero part is not emitted: a payment may be a Wage alone (no tax) or an
 * IncomeTax alone (a 100 % rate).
 */
interface Payment {
  id: string;
  company: string;
  wage?: Action;
  tax?: Action;
  /** The company's balance before the payment (the token applied the first Transfer already). */
  balanceBefore: bigint;
  now: bigint;
}
/**
 * `wage-formula`: rebuilds every employment (hire, occupation and productivity changes, end),
 * every shift (clock in/out) and timesheet (submitted, approved), and each occupation's wage
 * epochs (with the delay and decay of reductions), then recomputes, with the SDK's twin of
 * WageMath/PayrollAccrual (`sdk/src/payroll/wage.ts`) and STARTING_WAGE in force:
 * - every `PayAccrued` amount (the pay earned on shift since the last settlement, to the wei);
 * - every `TimesheetApproved` (hourly wage now; amount = ⌊wage × approved / 3600⌋; approved ≤ pending = submitted);
 * - every payment, read from the token's own events (Payroll emits none for it): the `Wage` (net,
 *   company → worker) and `IncomeTax` (tax, company → capital pool) of one `moveTaxed`, ref = the
 *   employment id (see `Payment`); gross = net + tax ≤ owed (accrued − paid), gross == min(owed,
 *   company balance), tax == ⌊gross × IncomeTaxRate / 1e18⌋; the debt is owed − gross, so
 *   paid + debt == accrued always;
 * - every `Wage`/`IncomeTax` names a recorded employment (ref) and comes from its company, and no
 *   account but the Payroll is ever allowed those actions (`AccountRegistered` of a Module, Region
 *   or Bridge): so every such move is the Payroll's;
 * - every `Hired` employment id carries its company (`id >> 96`, see `companyOf`) and is new.
 *
 * A settlement that accrues nothing emits no event; the rule assumes it changed nothing but the
 * epoch walked (true whenever an hourly wage is at least 3,600 wei, i.e. ≥ 1 wei per second).
 */
export function payrollRule(addresses: PayrollAddresses): AuditRule & {
  save(): unknown;
  load(json: unknown): void;
} {
  const payroll = addresses.payroll.toLowerCase();
  const schedule = addresses.wageSchedule.toLowerCase();
  let employments = new Map<string, Employment>();
  let epochs = new Map<number, WageEpoch[]>();
  /** The payment being read: a Wage waiting for its IncomeTax two logs later. */
  let pending: Payment | undefined;

  /** Settles `e` to `now` as Payroll._settle does; returns the pay accrued and the hourly wage now. */
  const settleTo = (e: Employment, now: bigint, ctx: RuleContext) => {
    const list = epochs.get(e.occupationId) ?? [];
    if (list.length <= e.epoch) return { amount: 0n, hourlyWage: 0n, known: false };
    const r = settle(
      list.slice(e.epoch),
      {
        fromIndex: e.fromIndex,
        onShift: e.onShift,
        settledAt: e.settledAt,
        startingWage: ctx.ledger.param("StartingWage"),
        productivity: e.productivity,
      },
      now,
    );
    if (r.epochsWalked !== 0n) {
      e.epoch += Number(r.epochsWalked);
      e.fromIndex = r.fromIndex;
    }
    e.settledAt = now;
    e.accrued += r.amount;
    return { amount: r.amount, hourlyWage: r.hourlyWage, known: true };
  };

  /** A settlement the chain made without a PayAccrued: it must have accrued nothing. */
  const silentSettle = (ev: At, e: Employment, now: bigint, ctx: RuleContext) => {
    const { amount } = settleTo(e, now, ctx);
    if (amount !== 0n) ctx.report(ev, `a PayAccrued of ${amount} before this event`, "none");
  };

  const onPayrollEvent = (ev: OtherEvent, name: keyof typeof PAYROLL_EVENTS, now: bigint, ctx: RuleContext) => {
    flush(ctx);
    const id = topicWord(ev, 1).toString();
    if (name === "Hired") {
      const occupationId = Number(dataWord(ev, 0));
      const list = epochs.get(occupationId);
      if (list === undefined || list.length === 0) {
        ctx.report(ev, `occupation ${occupationId} with a wage epoch in the schedule`, "no epoch");
      }
      const company = topicAddress(ev, 3);
      const idCompany = companyOf(BigInt(id)).toLowerCase();
      if (idCompany !== company) ctx.report(ev, `an employment id carrying its company ${company}`, idCompany);
      if (employments.has(id)) ctx.report(ev, `a new employment id`, `${id}, hired before`);
      employments.set(id, {
        worker: topicAddress(ev, 2),
        company,
        occupationId,
        productivity: dataWord(ev, 1),
        epoch: Math.max(0, (list?.length ?? 1) - 1),
        fromIndex: 0n,
        settledAt: now,
        onShift: false,
        timesheet: dataWord(ev, 2) === 1n,
        ended: false,
        accrued: 0n,
        paid: 0n,
        pending: 0n,
      });
      return;
    }
    const e = employments.get(id);
    if (e === undefined) {
      ctx.report(ev, `employment ${id} hired before its ${name}`, "no Hired event");
      return;
    }
    switch (name) {
      case "OccupationChanged": {
        silentSettle(ev, e, now, ctx);
        const newOccupation = Number(dataWord(ev, 1));
        if (BigInt(e.occupationId) !== dataWord(ev, 0))
          ctx.report(ev, `old occupation ${e.occupationId}`, `${dataWord(ev, 0)}`);
        e.occupationId = newOccupation;
        e.epoch = Math.max(0, (epochs.get(newOccupation)?.length ?? 1) - 1);
        e.fromIndex = 0n;
        return;
      }
      case "ProductivityChanged":
        silentSettle(ev, e, now, ctx);
        if (e.productivity !== dataWord(ev, 0))
          ctx.report(ev, `old productivity ${e.productivity}`, `${dataWord(ev, 0)}`);
        e.productivity = dataWord(ev, 1);
        return;
      case "EmploymentEnded":
        e.ended = true;
        return;
      case "ClockedIn":
        if (e.onShift || e.ended || e.timesheet)
          ctx.report(ev, "a shift-mode employment, off shift, not ended", "clock-in");
        e.onShift = true;
        e.settledAt = now;
        return;
      case "ClockedOut":
        if (!e.onShift) ctx.report(ev, "a worker on shift", "clock-out while off shift");
        else silentSettle(ev, e, now, ctx);
        e.onShift = false;
        return;
      case "PayAccrued": {
        const found = dataWord(ev, 0);
        if (!e.onShift) {
          ctx.report(ev, "pay accrues only on shift", `${found} accrued off shift`);
          e.accrued += found;
          return;
        }
        const { amount, known } = settleTo(e, now, ctx);
        if (!known) ctx.report(ev, `wage epochs of occupation ${e.occupationId}`, "none recorded");
        else if (amount !== found) ctx.report(ev, `${amount} (wage formula over the shift)`, `${found}`);
        // Follow the chain from here, so one wrong figure is reported once.
        e.accrued += found - amount;
        return;
      }
      case "TimesheetSubmitted": {
        e.pending += dataWord(ev, 0);
        if (e.pending !== dataWord(ev, 1)) ctx.report(ev, `${e.pending} seconds pending`, `${dataWord(ev, 1)}`);
        e.pending = dataWord(ev, 1);
        return;
      }
      case "TimesheetApproved": {
        const approved = dataWord(ev, 0);
        const submitted = dataWord(ev, 1);
        const hourlyWage = dataWord(ev, 2);
        const found = dataWord(ev, 3);
        const { amount: onShift, hourlyWage: wageNow } = settleTo(e, now, ctx);
        if (onShift !== 0n) ctx.report(ev, "a timesheet employment never on shift", `${onShift} accrued on shift`);
        if (submitted !== e.pending || approved > submitted)
          ctx.report(ev, `approved ≤ pending = ${e.pending}`, `approved ${approved} of ${submitted}`);
        if (hourlyWage !== wageNow) ctx.report(ev, `hourly wage ${wageNow} (wage formula now)`, `${hourlyWage}`);
        const expected = (wageNow * approved) / HOUR;
        if (found !== expected) ctx.report(ev, `${expected} (${wageNow} × ${approved} s / 3600)`, `${found}`);
        e.accrued += found;
        e.pending = 0n;
        return;
      }
    }
  };

  /** Checks the payment read so far (if any) against the employment its ref names, then records it. */
  const flush = (ctx: RuleContext) => {
    const p = pending;
    pending = undefined;
    if (p === undefined) return;
    const moves = [p.wage, p.tax].filter((a): a is Action => a !== undefined);
    const at = moves[0];
    const e = employments.get(p.id);
    if (e === undefined || e.company !== p.company) {
      for (const a of moves)
        ctx.report(
          a,
          `a payment of a Payroll employment (ref = its id, from its company)`,
          `${a.action === WAGE ? "Wage" : "IncomeTax"} ${a.amount} from ${a.from}, ref ${p.id}`,
        );
      return;
    }
    if (p.wage !== undefined && p.wage.to !== e.worker) ctx.report(p.wage, `paid to the worker ${e.worker}`, p.wage.to);
    if (p.tax !== undefined && p.tax.to !== ctx.addresses.capitalPool)
      ctx.report(p.tax, `income tax to the capital pool ${ctx.addresses.capitalPool}`, p.tax.to);
    const net = p.wage?.amount ?? 0n;
    const tax = p.tax?.amount ?? 0n;
    const gross = net + tax;
    if (e.onShift) silentSettle(at, e, p.now, ctx);
    const owed = e.accrued - e.paid;
    if (gross > owed) ctx.report(at, `gross ≤ owed ${owed} (accrued ${e.accrued} − paid ${e.paid})`, `${gross}`);
    const expectedTax = (gross * ctx.ledger.param("IncomeTaxRate")) / ONE;
    if (tax !== expectedTax)
      ctx.report(at, `tax ${expectedTax} and net ${gross - expectedTax} of gross ${gross}`, `tax ${tax}, net ${net}`);
    const payable = minOf(owed, p.balanceBefore);
    if (gross <= owed && gross !== payable)
      ctx.report(at, `gross ${payable} = min(owed ${owed}, company balance ${p.balanceBefore})`, `${gross}`);
    e.paid += gross;
  };

  /** A Wage or IncomeTax action: starts a payment, or completes the Wage just read. */
  const onMove = (ev: Action, now: bigint, ctx: RuleContext) => {
    const id = BigInt(ev.ref).toString();
    const p = pending;
    if (
      ev.action === INCOME_TAX &&
      p?.wage !== undefined &&
      p.tax === undefined &&
      p.id === id &&
      p.company === ev.from &&
      ev.logIndex === p.wage.logIndex + 2
    ) {
      p.tax = ev;
      flush(ctx);
      return;
    }
    flush(ctx);
    // The Transfer of this move was applied already: add it back for the balance before the payment.
    const balanceBefore = (ctx.ledger.peek(ev.from)?.balance ?? 0n) + ev.amount;
    pending = { id, company: ev.from, balanceBefore, now, ...(ev.action === WAGE ? { wage: ev } : { tax: ev }) };
    if (ev.action === INCOME_TAX) flush(ctx);
  };

  const onEpoch = (ev: OtherEvent, now: bigint, ctx: RuleContext) => {
    const occupationId = Number(topicWord(ev, 1));
    const epoch = Number(topicWord(ev, 2));
    let list = epochs.get(occupationId);
    if (list === undefined) {
      list = [];
      epochs.set(occupationId, list);
    }
    if (epoch !== list.length) ctx.report(ev, `epoch ${list.length} of occupation ${occupationId}`, `epoch ${epoch}`);
    list[epoch] = {
      changedAt: now,
      toIndex: dataWord(ev, 1),
      delay: dataWord(ev, 2),
      decay: dataWord(ev, 3),
      productivityRange: dataWord(ev, 4),
    };
  };

  return {
    name: "wage-formula",
    description:
      "every PayAccrued and TimesheetApproved equals the wage formula over the recorded employments, " +
      "shifts, timesheets and wage epochs (delay and decay); every payment (the token's Wage + IncomeTax, " +
      "ref = employment id) pays its worker, never beyond accrued, min(owed, company balance), " +
      "income tax == ⌊gross × IncomeTaxRate / 1e18⌋; only the Payroll may move Wage/IncomeTax; " +
      "every employment id carries its company",
    addresses: [payroll, schedule],
    needsTimestamp: (ev) =>
      (ev.type === "Other" && (ev.address === payroll || ev.address === schedule)) ||
      (ev.type === "ActionPerformed" && (ev.action === WAGE || ev.action === INCOME_TAX)),
    onEvent(ev, _i, tx: TxEvents, ctx) {
      if (ev.type === "ActionPerformed") {
        if (ev.action === WAGE || ev.action === INCOME_TAX) onMove(ev, BigInt(tx.timestamp ?? 0), ctx);
        return;
      }
      if (ev.type === "AccountRegistered") {
        // Payments carry no Payroll event: they are the Payroll's because no one else may make them.
        if (MOVER_KINDS.has(ev.kind) && (ev.tag & WAGE_BITS) !== 0n && ev.account !== payroll)
          ctx.report(ev, "Wage and IncomeTax allowed to the Payroll alone", `allowed to ${ev.account}`);
        return;
      }
      if (ev.type !== "Other") return;
      const name = NAME.get(ev.topics[0]);
      if (name === undefined) return;
      const now = BigInt(tx.timestamp ?? 0);
      if (ev.address === schedule && name === "WageEpochStarted") onEpoch(ev, now, ctx);
      else if (ev.address === payroll && name !== "WageEpochStarted") onPayrollEvent(ev, name, now, ctx);
    },
    onTxEnd(_tx, ctx) {
      flush(ctx);
    },
    save: () => ({
      employments: [...employments].map(([id, e]) => [
        id,
        {
          ...e,
          productivity: `${e.productivity}`,
          fromIndex: `${e.fromIndex}`,
          settledAt: `${e.settledAt}`,
          accrued: `${e.accrued}`,
          paid: `${e.paid}`,
          pending: `${e.pending}`,
        },
      ]),
      epochs: [...epochs].map(([o, list]) => [
        o,
        list.map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, `${v}`]))),
      ]),
    }),
    load(json: unknown) {
      const j = json as {
        employments: [string, Record<string, unknown>][];
        epochs: [number, Record<string, string>[]][];
      };
      const big = (v: unknown) => BigInt(v as string);
      employments = new Map(
        j.employments.map(([id, e]) => [
          id,
          {
            ...(e as unknown as Employment),
            productivity: big(e.productivity),
            fromIndex: big(e.fromIndex),
            settledAt: big(e.settledAt),
            accrued: big(e.accrued),
            paid: big(e.paid),
            pending: big(e.pending),
          },
        ]),
      );
      epochs = new Map(
        j.epochs.map(([o, list]) => [
          o,
          list.map((x) => ({
            changedAt: big(x.changedAt),
            delay: big(x.delay),
            decay: big(x.decay),
            toIndex: big(x.toIndex),
            productivityRange: big(x.productivityRange),
          })),
        ]),
      );
    },
  };
}
