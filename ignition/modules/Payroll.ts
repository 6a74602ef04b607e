import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { actionMask } from "../../sdk/src/core/enums.ts";
import { Param } from "../../sdk/src/generated/enums.ts";
import Region from "./Region.ts";

/**
 * Payroll on top of a region: the wage schedule and the payroll, each behind an ERC-1967 (UUPS)
 * proxy whose upgrade authority is the deployer (the governance executor once governance exists),
 * Payroll registered in the token as a Module allowed `Wage` and `IncomeTax`, and Payroll made the
 * RegionParameters listener of ProductivityMin, ProductivityMax and StartingWage (it keeps its own
 * copy of them; see IPayroll). The listener calls need RegionParameters' admin role, so they must
 * run before governance takes it over: {@link governedConductorModule} hands over after them.
 */
export default buildModule("Payroll", (m) => {
  const region = m.useModule(Region);
  const { rsc, regionParameters, capitalPool } = region;
  const deployer = m.getAccount(0);

  const scheduleImpl = m.contract("WageSchedule", [regionParameters], { id: "WageScheduleImpl" });
  const scheduleProxy = m.contract(
    "ERC1967Proxy",
    [scheduleImpl, m.encodeFunctionCall(scheduleImpl, "initialize", [deployer])],
    { id: "WageScheduleProxy" },
  );
  const wageSchedule = m.contractAt("WageSchedule", scheduleProxy, { id: "WageSchedule" });

  const payrollImpl = m.contract("Payroll", [rsc, regionParameters, wageSchedule, capitalPool], {
    id: "PayrollImpl",
  });
  const payrollProxy = m.contract(
    "ERC1967Proxy",
    [payrollImpl, m.encodeFunctionCall(payrollImpl, "initialize", [deployer])],
    { id: "PayrollProxy" },
  );
  const payroll = m.contractAt("Payroll", payrollProxy, { id: "Payroll" });

  m.call(rsc, "registerModule", [payroll, 6 /* Kind.Module */, actionMask(["Wage", "IncomeTax"])], {
    id: "RegisterPayroll",
  });

  // Payroll's copy of the parameters it reads on every hire and settlement follows every change.
  for (const param of ["ProductivityMin", "ProductivityMax", "StartingWage"] as const) {
    m.call(regionParameters, "setListener", [Param.indexOf(param), payroll], { id: `PayrollListens${param}` });
  }

  return { ...region, wageSchedule, payroll };
});
