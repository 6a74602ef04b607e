import { actionPairingRule, balanceRule, suspendedRule, transferRuleRule } from "./actions.ts";
import { parameterHistoryRule } from "./parameters.ts";
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

/** The core rules plus the tax rules of payroll (income tax) and the marketplace (sales tax). */
export function defaultRules(): AuditRule[] {
  return [...coreRules(), salesTaxRule, incomeTaxRule];
}
