import type { Param } from "../../generated/enums.ts";
import { ONE } from "../ledger.ts";
import { actionName } from "../names.ts";
import type { EventOf, TxEvents } from "../types.ts";
import type { AuditRule, RuleContext } from "./rule.ts";

type Action = EventOf<"ActionPerformed">;

/** How a tax action relates to the action it taxes. */
export interface TaxRuleSpec {
  name: string;
  /** The taxed action (Purchase = 1, Wage = 3) and the tax action (SalesTax = 5, IncomeTax = 4). */
  baseAction: number;
  taxAction: number;
  rate: Param;
  /**
   * `net`: the base is the taxed action's amount (sales tax on top of the price).
   * `gross`: the base is the taxed amount plus the tax (income tax withheld from a gross wage).
   */
  base: "net" | "gross";
  /** The side both actions share: the buyer pays price and tax; the employer pays wage and tax. */
  payer: "from";
}

/**
 * Pairs each tax action with the taxed action of the same transaction (same payer; same `ref`
 * first, else the nearest unpaired one in log order) and checks tax == floor(base × rate / 1e18)
 * with the rate in force. A taxed action with no tax while the rate would make one nonzero, and
 * a tax with nothing to tax, are violations too. Passes trivially when no such actions exist.
 */
export function taxRule(spec: TaxRuleSpec): AuditRule {
  return {
    name: spec.name,
    description:
      `every ${actionName(spec.taxAction)} equals floor(${spec.base === "net" ? "" : "gross "}` +
      `${actionName(spec.baseAction)} × ${spec.rate} in force / 1e18), paired in the same transaction`,
    onTxEnd(tx: TxEvents, ctx: RuleContext) {
      const bases: Action[] = [];
      const taxes: Action[] = [];
      for (const ev of tx.events) {
        if (ev.type !== "ActionPerformed") continue;
        if (ev.action === spec.baseAction) bases.push(ev);
        else if (ev.action === spec.taxAction) taxes.push(ev);
      }
      if (bases.length === 0 && taxes.length === 0) return;
      const rate = ctx.ledger.param(spec.rate);
      const used = new Set<Action>();
      // Index the taxed actions by payer+ref and by payer, so pairing stays linear in big batches.
      const byRef = new Map<string, Action[]>();
      const byPayer = new Map<string, Action[]>();
      for (const b of bases) {
        const k = `${b[spec.payer]}|${b.ref}`;
        const r = byRef.get(k);
        if (r) r.push(b);
        else byRef.set(k, [b]);
        const p = byPayer.get(b[spec.payer]);
        if (p) p.push(b);
        else byPayer.set(b[spec.payer], [b]);
      }
      const firstUnused = (list: Action[] | undefined): Action | undefined => {
        while (list !== undefined && list.length > 0) {
          const b = list[0];
          if (!used.has(b)) return b;
          list.shift();
        }
        return undefined;
      };
      const pick = (tax: Action): Action | undefined =>
        firstUnused(byRef.get(`${tax[spec.payer]}|${tax.ref}`)) ?? firstUnused(byPayer.get(tax[spec.payer]));
      for (const tax of taxes) {
        const base = pick(tax);
        if (base === undefined) {
          ctx.report(
            tax,
            `a ${actionName(spec.baseAction)} it taxes in the same transaction`,
            `${tax.amount} wei alone`,
          );
          continue;
        }
        used.add(base);
        const baseAmount = spec.base === "net" ? base.amount : base.amount + tax.amount;
        const expected = (baseAmount * rate) / ONE;
        if (tax.amount !== expected) ctx.report(tax, `${expected} (${baseAmount} × ${rate} / 1e18)`, `${tax.amount}`);
      }
      for (const base of bases) {
        if (used.has(base)) continue;
        const expected = (base.amount * rate) / ONE;
        if (expected !== 0n)
          ctx.report(base, `a ${actionName(spec.taxAction)} of about ${expected}`, `no ${actionName(spec.taxAction)}`);
      }
    },
  };
}

/** Sales tax: paid by the buyer on top of the net price (SalesTaxRate × price). */
export const salesTaxRule: AuditRule = taxRule({
  name: "sales-tax",
  baseAction: 1,
  taxAction: 5,
  rate: "SalesTaxRate",
  base: "net",
  payer: "from",
});

/** Income tax: withheld from the gross wage (IncomeTaxRate × (net wage + tax)). */
export const incomeTaxRule: AuditRule = taxRule({
  name: "income-tax",
  baseAction: 3,
  taxAction: 4,
  rate: "IncomeTaxRate",
  base: "gross",
  payer: "from",
});
