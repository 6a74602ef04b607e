import { paramName } from "../names.ts";
import type { AuditRule } from "./rule.ts";

/** The parameter history is continuous: each change starts from the value the previous change set. */
export const parameterHistoryRule: AuditRule = {
  name: "parameter-history",
  description: "every ParameterChanged's oldValue equals the value rebuilt from the previous changes (no silent edit)",
  onEvent(ev, _i, _tx, ctx) {
    if (ev.type !== "ParameterChanged" || ev.address !== ctx.addresses.regionParameters) return;
    const rebuilt = ctx.ledger.params[ev.param];
    if (rebuilt === undefined) ctx.report(ev, "a known parameter", `param #${ev.param}`);
    else if (rebuilt !== ev.oldValue)
      ctx.report(ev, `${paramName(ev.param)} was ${rebuilt}`, `oldValue ${ev.oldValue}`);
  },
};
