import { ONE, ZERO_ADDRESS } from "../ledger.ts";
import { actionName, kindName } from "../names.ts";
import type { AuditEvent } from "../types.ts";
import { type AuditRule, nextLog } from "./rule.ts";

const DEPOSIT = 11;
const REDEMPTION = 12;
const BRIDGE_OUT = 13;
const BRIDGE_IN = 14;
const REFUND = 17;
const KIND_BRIDGE = 7;
const KIND_MODULE = 6;
const KIND_REGION = 5;

const describe = (ev: AuditEvent | undefined): string => (ev === undefined ? "nothing" : ev.type);

/** Only the Reserve mints, and only against an attested deposit; a bridge mint needs the federation rule. */
export const mintAuthorityRule: AuditRule = {
  name: "mint-authority",
  description:
    "every mint is a Deposit immediately followed by the Reserve's DepositAttested for the same depositor and " +
    "amount (BridgeIn mints need the federation rule, which does not exist yet)",
  onEvent(ev, i, tx, ctx) {
    if (ev.type !== "ActionPerformed" || ev.from !== ZERO_ADDRESS) return;
    if (ev.action === DEPOSIT) {
      const next = nextLog(tx, i);
      if (
        next?.type !== "DepositAttested" ||
        next.address !== ctx.addresses.reserve ||
        next.depositor !== ev.to ||
        next.rscAmount !== ev.amount
      ) {
        ctx.report(ev, `the Reserve's DepositAttested(${ev.to}, ${ev.amount})`, describe(next));
      }
    } else if (ev.action === BRIDGE_IN) {
      ctx.report(ev, "a BridgeIn matched by a burn on the source chain", "no federation rule configured");
    } else {
      ctx.report(ev, "mint by Deposit (Reserve) or BridgeIn (Bridge)", `mint by ${actionName(ev.action)}`);
    }
  },
};

/** Permissions that mint are given to the Reserve (Deposit) and to bridges (BridgeIn/Out) only. */
export const modulePermissionsRule: AuditRule = {
  name: "module-permissions",
  description:
    "only the Reserve is registered with the Deposit permission; only Bridge accounts with BridgeIn/BridgeOut",
  onEvent(ev, _i, _tx, ctx) {
    if (ev.type !== "AccountRegistered") return;
    if (ev.kind !== KIND_MODULE && ev.kind !== KIND_REGION && ev.kind !== KIND_BRIDGE) return;
    const has = (action: number) => ((ev.tag >> BigInt(action)) & 1n) === 1n;
    if (has(DEPOSIT) && ev.account !== ctx.addresses.reserve)
      ctx.report(ev, "Deposit permission only for the Reserve", `${kindName(ev.kind)} ${ev.account} may Deposit`);
    if ((has(BRIDGE_IN) || has(BRIDGE_OUT)) && ev.kind !== KIND_BRIDGE)
      ctx.report(ev, "bridge permissions only for Bridge accounts", `${kindName(ev.kind)} ${ev.account} may bridge`);
  },
};

/** Each attested deposit minted exactly `usd × rate` at the rate in force, and the supply stayed backed. */
export const reserveBackingRule: AuditRule = {
  name: "reserve-backing",
  description:
    "a deposit mints floor(usd × ExchangeRate / 1e18) at the rate in force; after every Deposit mint and every " +
    "attestation totalSupply ≤ floor(attestedReserves × ExchangeRate / 1e18)",
  onEvent(ev, _i, _tx, ctx) {
    const rate = ctx.ledger.param("ExchangeRate");
    const backing = (ctx.ledger.usdReserves * rate) / ONE;
    if (ev.type === "DepositAttested" && ev.address === ctx.addresses.reserve) {
      const expected = (ev.usdAmount * rate) / ONE;
      if (ev.rscAmount !== expected)
        ctx.report(ev, `${expected} RSC wei for ${ev.usdAmount} USD wei at rate ${rate}`, `${ev.rscAmount}`);
      // The mint was applied (the Transfer came first): the supply now includes it.
      if (ctx.ledger.totalSupply > backing)
        ctx.report(
          ev,
          `totalSupply ≤ ${backing} (reserves ${ctx.ledger.usdReserves} × rate ${rate})`,
          `${ctx.ledger.totalSupply}`,
        );
    } else if (ev.type === "ReservesAttested" && ev.address === ctx.addresses.reserve) {
      const attested = (ev.usdReserves * rate) / ONE;
      if (attested < ctx.ledger.totalSupply)
        ctx.report(ev, `attested reserves × rate ≥ totalSupply ${ctx.ledger.totalSupply}`, `${attested}`);
    }
  },
};

/** Redemptions escrow, burn and refund exactly what was requested, at the rate in force at the request. */
export const redemptionRule: AuditRule = {
  name: "redemption-settlement",
  description:
    "a redemption escrows `amount` into the Reserve and owes floor(amount × 1e18 / ExchangeRate) USD; paying it " +
    "burns exactly that escrow, refunding returns it to the holder (her new key after a recovery); each once",
  onEvent(ev, i, tx, ctx) {
    if (ev.type !== "ActionPerformed" || (ev.action !== REDEMPTION && ev.action !== REFUND)) return;
    const reserve = ctx.addresses.reserve;
    if (ev.action === REFUND && ev.from !== reserve) return; // a seller's refund, not the reserve's
    const next = nextLog(tx, i);
    const fromReserve = next !== undefined && next.address === reserve;
    if (ev.action === REDEMPTION && ev.to === reserve) {
      const rate = ctx.ledger.param("ExchangeRate");
      const usd = rate === 0n ? 0n : (ev.amount * ONE) / rate;
      if (
        !fromReserve ||
        next.type !== "RedemptionRequested" ||
        next.holder !== ev.from ||
        next.amount !== ev.amount ||
        next.usdAmount !== usd
      )
        ctx.report(ev, `RedemptionRequested(${ev.from}, ${ev.amount}, ${usd} USD)`, describe(next));
      return;
    }
    // A burn from the reserve (paid) or a refund from the reserve.
    const id = next !== undefined && "redemptionId" in next ? next.redemptionId.toString() : undefined;
    const pending = id === undefined ? undefined : ctx.ledger.redemptions.get(id);
    const wanted = ev.action === REDEMPTION ? "RedemptionPaid" : "RedemptionRefunded";
    const ok =
      fromReserve &&
      next.type === wanted &&
      pending !== undefined &&
      pending.amount === ev.amount &&
      (ev.action === REDEMPTION ? ev.to === ZERO_ADDRESS : ev.to === pending.holder);
    if (!ok)
      ctx.report(
        ev,
        `${wanted} of a pending redemption of ${ev.amount} wei`,
        pending
          ? `${describe(next)} for ${pending.amount} wei to ${pending.holder}`
          : `${describe(next)} (no pending redemption)`,
      );
  },
};
