import { ZERO_ADDRESS } from "../ledger.ts";
import { actionName, kindName, movement } from "../names.ts";
import { auditAllows } from "../table.ts";
import type { AuditEvent, EventOf, TxEvents } from "../types.ts";
import { type AuditRule, nextLog, previousLog, type RuleContext } from "./rule.ts";

const TRANSFER = 0;
const RECOVERY = 16;
const PERSON = 1;

/** The typed action a `Transfer` at `index` belongs to: the very next log, with the same from, to and amount. */
export function actionOf(tx: TxEvents, index: number): EventOf<"ActionPerformed"> | undefined {
  const t = tx.events[index];
  const next = nextLog(tx, index);
  if (t.type !== "Transfer" || next?.type !== "ActionPerformed") return undefined;
  return next.from === t.from && next.to === t.to && next.amount === t.amount ? next : undefined;
}

const kindOf = (ctx: RuleContext, address: string): number =>
  address === ZERO_ADDRESS ? 0 : (ctx.ledger.peek(address)?.kind ?? 0);

/** Every Transfer belongs to exactly one typed action, or is a direct transfer; every action has its Transfer. */
export const actionPairingRule: AuditRule = {
  name: "action-pairing",
  description:
    "every Transfer is followed by exactly one ActionPerformed with the same from/to/amount, or is a direct " +
    "transfer (never a mint or burn); every ActionPerformed directly follows its Transfer",
  onEvent(ev, i, tx, ctx) {
    if (ev.type === "Transfer") {
      const next = nextLog(tx, i);
      if (next?.type === "ActionPerformed" && actionOf(tx, i) === undefined) {
        ctx.report(
          next,
          `ActionPerformed ${movement("?", ev.from, ev.to, ev.amount)}`,
          `ActionPerformed ${movement(actionName(next.action), next.from, next.to, next.amount)}`,
        );
      } else if (next?.type !== "ActionPerformed" && (ev.from === ZERO_ADDRESS || ev.to === ZERO_ADDRESS)) {
        ctx.report(ev, "a typed action (mint or burn)", `untyped ${movement("Transfer", ev.from, ev.to, ev.amount)}`);
      }
    } else if (ev.type === "ActionPerformed") {
      const prev = previousLog(tx, i);
      if (prev?.type !== "Transfer") {
        ctx.report(ev, "the Transfer of this action right before it", `no Transfer for ${actionName(ev.action)}`);
      }
    }
  },
};

/** Every movement's (action, fromKind, toKind) is allowed by the auditor's table, with the kinds at that block. */
export const transferRuleRule: AuditRule = {
  name: "transfer-rule",
  description:
    "every movement's (action, fromKind, toKind) at that block is in the auditor's table (a direct transfer is " +
    "Person→Person; a recovery moves a Person onto an unregistered key and is followed by AccountRecovered)",
  onEvent(ev, i, tx, ctx) {
    if (ev.type === "Transfer") {
      const next = nextLog(tx, i);
      if (next?.type === "ActionPerformed") return; // checked on the action
      if (ev.from === ZERO_ADDRESS || ev.to === ZERO_ADDRESS) return; // reported by action-pairing
      const f = kindOf(ctx, ev.from);
      const t = kindOf(ctx, ev.to);
      if (!auditAllows(TRANSFER, f, t))
        ctx.report(ev, "direct transfer Person→Person", `direct transfer ${kindName(f)}→${kindName(t)}`);
      return;
    }
    if (ev.type !== "ActionPerformed") return;
    const f = kindOf(ctx, ev.from);
    const t = kindOf(ctx, ev.to);
    if (ev.action === TRANSFER) {
      ctx.report(ev, "no module performs a Transfer action", `ActionPerformed Transfer ${kindName(f)}→${kindName(t)}`);
    } else if (ev.action === RECOVERY) {
      checkRecovery(ev, i, tx, ctx, f, t);
    } else if (!auditAllows(ev.action, f, t)) {
      ctx.report(
        ev,
        `${actionName(ev.action)} allowed by the table`,
        `${actionName(ev.action)} ${kindName(f)}→${kindName(t)}`,
      );
    }
  },
};

function checkRecovery(
  ev: EventOf<"ActionPerformed">,
  i: number,
  tx: TxEvents,
  ctx: RuleContext,
  fromKind: number,
  toKind: number,
): void {
  // The balance already moved (the Transfer was applied); the whole account must have moved.
  const left = ctx.ledger.peek(ev.from)?.balance ?? 0n;
  if (fromKind !== PERSON || toKind !== 0 || !auditAllows(RECOVERY, fromKind, fromKind)) {
    ctx.report(ev, "Recovery Person→unregistered key", `Recovery ${kindName(fromKind)}→${kindName(toKind)}`);
  }
  if (left !== 0n) ctx.report(ev, "the whole balance recovered", `${left} wei left behind`);
  const next: AuditEvent | undefined = nextLog(tx, i);
  if (next?.type !== "AccountRecovered" || next.from !== ev.from || next.to !== ev.to || next.balance !== ev.amount) {
    ctx.report(ev, `AccountRecovered ${ev.from}→${ev.to} ${ev.amount}`, next ? next.type : "nothing");
  }
}

/** Suspended accounts never send or receive (a key recovery excepted, as in the token). */
export const suspendedRule: AuditRule = {
  name: "suspended-never-move",
  description: "no suspended account sends or receives RSC (key recovery excepted)",
  onEvent(ev, i, tx, ctx) {
    if (ev.type !== "Transfer" || actionOf(tx, i)?.action === RECOVERY) return;
    const check = (side: string) => {
      if (side !== ZERO_ADDRESS && ctx.ledger.peek(side)?.suspended)
        ctx.report(ev, `${side} not suspended`, `suspended ${side} moved ${ev.amount} wei`);
    };
    check(ev.from);
    check(ev.to);
  },
};

/** Nobody spends more than the logs say they hold. */
export const balanceRule: AuditRule = {
  name: "balance-covers-debit",
  description: "no account sends more than its balance rebuilt from Transfer logs",
  onEvent(ev, _i, _tx, ctx) {
    if (ev.type !== "Transfer" || ev.from === ZERO_ADDRESS) return;
    const held = ctx.ledger.peek(ev.from)?.balance ?? 0n;
    if (held < ev.amount) ctx.report(ev, `balance of ${ev.from} ≥ ${ev.amount}`, `${held}`);
  },
};
