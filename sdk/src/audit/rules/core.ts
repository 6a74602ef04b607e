import type { RegionAddresses } from "../types.ts";
import { actionPairingRule, balanceRule, suspendedRule, transferRuleRule } from "./actions.ts";
import { lotRule } from "./lots.ts";
import { parameterHistoryRule } from "./parameters.ts";
import { payrollRule } from "./payroll.ts";
import { mintAuthorityRule, modulePermissionsRule, redemptionRule, reserveBackingRule } from "./reserve.ts";
import type { AuditRule } from "./rule.ts";
import { incomeTaxRule, salesTaxRule } from "./tax.ts";
import { ubiOncePerPeriodRule, ubiRule } from "./ubi.ts";

/** The rules of the region core, in the order they run on each event. */
export function coreRules(): AuditRule[] {
  return [
    actionPairingRule,
    transferRuleRule,
    suspendedRule,
    balanceRule,
    mintAuthorityRule,
    modulePermissionsRule,
    reserveBackingRule,
    redemptionRule,
    ubiRule,
    ubiOncePerPeriodRule,
    parameterHistoryRule,
  ];
}

/**
 * The core rules plus the tax rules of payroll (income tax) and the marketplace (sales tax), and,
 * when `addresses` name them, the wage formula (Payroll, WageSchedule) and the profit-at-rest lots.
 * Rules with state are built afresh on each call.
 */
export function defaultRules(addresses?: RegionAddresses): AuditRule[] {
  const rules = [...coreRules(), salesTaxRule, incomeTaxRule];
  if (addresses?.payroll && addresses.wageSchedule)
    rules.push(payrollRule({ payroll: addresses.payroll, wageSchedule: addresses.wageSchedule }));
  if (addresses?.profitAtRest) rules.push(lotRule(addresses.profitAtRest));
  return rules;
}
