import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { actionMask } from "../../sdk/src/core/enums.ts";
import Region from "./Region.ts";

/**
 * Payroll on top of a region: the wage schedule and the payroll, each behind an ERC-1967 (UUPS)
 * proxy whose upgrade authority is the deployer (the governance executor once governance exists),
 * and Payroll registered in the token as a Module allowed `Wage` and `IncomeTax`.
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

  return { ...region, wageSchedule, payroll };
});
