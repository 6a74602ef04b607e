import { paramName } from "../names.ts";
import { type AuditRule, nextLog } from "./rule.ts";

const UBI = 7;

/** Every UBI payment is a claim through the capital pool, of the amount in force, once per member per period. */
export const ubiRule: AuditRule = {
  name: "ubi-claim",
  description:
    "every Ubi action comes from the CapitalPool, is immediately followed by its UbiClaimed (same member, member " +
    "id, amount, nextClaimAt = block time + UbiPeriod in force) and pays exactly the UbiAmount in force",
  needsTimestamp: (ev) => ev.type === "ActionPerformed" && ev.action === UBI,
  onEvent(ev, i, tx, ctx) {
    if (ev.type !== "ActionPerformed" || ev.action !== UBI) return;
    const amount = ctx.ledger.param("UbiAmount");
    if (ev.amount !== amount) ctx.report(ev, `${paramName(15)} ${amount}`, `${ev.amount}`);
    const memberId = ctx.ledger.peek(ev.to)?.tag ?? 0n;
    const nextClaimAt = BigInt(tx.timestamp ?? 0) + ctx.ledger.param("UbiPeriod");
    const next = nextLog(tx, i);
    if (
      ev.from !== ctx.addresses.capitalPool ||
      next?.type !== "UbiClaimed" ||
      next.address !== ctx.addresses.capitalPool ||
      next.member !== ev.to ||
      next.memberId !== memberId ||
      next.amount !== ev.amount ||
      next.nextClaimAt !== nextClaimAt
    ) {
      const found =
        next?.type === "UbiClaimed"
          ? `UbiClaimed(${next.member}, id ${next.memberId}, ${next.amount}, next ${next.nextClaimAt})`
          : `${next?.type ?? "nothing"} after a Ubi of ${ev.from}`;
      ctx.report(ev, `CapitalPool's UbiClaimed(${ev.to}, id ${memberId}, ${ev.amount}, next ${nextClaimAt})`, found);
    }
  },
};

/** At most one UBI per member id per period (the period in force at each claim). */
export const ubiOncePerPeriodRule: AuditRule = {
  name: "ubi-once-per-period",
  description: "a member id receives UBI at most once per UbiPeriod (rolling, the period in force at each claim)",
  needsTimestamp: (ev) => ev.type === "ActionPerformed" && ev.action === UBI,
  onEvent(ev, _i, tx, ctx) {
    if (ev.type !== "ActionPerformed" || ev.action !== UBI) return;
    const memberId = (ctx.ledger.peek(ev.to)?.tag ?? 0n).toString();
    const now = tx.timestamp ?? 0;
    const allowedAt = ctx.ledger.ubiNextClaimAt.get(memberId) ?? 0;
    if (now < allowedAt) ctx.report(ev, `member ${memberId}'s next UBI at or after ${allowedAt}`, `UBI at ${now}`);
  },
};
