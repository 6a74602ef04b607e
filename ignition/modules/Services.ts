import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { actionMask } from "../../sdk/src/core/enums.ts";
import Payroll from "./Payroll.ts";

/**
 * The regionally-operated services on top of a region: Housing, Education, Healthcare and the
 * RegionalInventory, each behind an ERC-1967 (UUPS) proxy whose upgrade authority is the deployer
 * (the governance executor once governance exists), each registered in the token as a Module
 * allowed exactly the actions it performs: Housing `Rent` (tenants' rent, the housing company's property
 * tax), `Purchase` and `SalesTax` (the company's building supplies and services, booked as building
 * costs); Education and Healthcare `Purchase`
 * (the member's share) and `Subsidy` (the capital pool's part); RegionalInventory `Rent`.
 * The housing company, schools and hospitals are named afterwards by governance. Builds on Payroll:
 * Housing reads the wages Payroll paid to a building's maintenance staff.
 */
export default buildModule("Services", (m) => {
  const region = m.useModule(Payroll);
  const { rsc, regionParameters, capitalPool, payroll } = region;
  const deployer = m.getAccount(0);

  function proxy(name: string, args: unknown[]) {
    const impl = m.contract(name, args as never, { id: `${name}Impl` });
    const p = m.contract("ERC1967Proxy", [impl, m.encodeFunctionCall(impl, "initialize", [deployer])], {
      id: `${name}Proxy`,
    });
    return m.contractAt(name, p, { id: name });
  }

  const housing = proxy("Housing", [rsc, regionParameters, payroll, capitalPool]);
  const education = proxy("Education", [rsc, regionParameters, capitalPool]);
  const healthcare = proxy("Healthcare", [rsc, regionParameters, capitalPool]);
  const regionalInventory = proxy("RegionalInventory", [rsc]);

  const MODULE = 6; // Kind.Module
  m.call(rsc, "registerModule", [housing, MODULE, actionMask(["Rent", "Purchase", "SalesTax"])], {
    id: "RegisterHousing",
  });
  m.call(rsc, "registerModule", [education, MODULE, actionMask(["Purchase", "Subsidy"])], {
    id: "RegisterEducation",
  });
  m.call(rsc, "registerModule", [healthcare, MODULE, actionMask(["Purchase", "Subsidy"])], {
    id: "RegisterHealthcare",
  });
  m.call(rsc, "registerModule", [regionalInventory, MODULE, actionMask(["Rent"])], {
    id: "RegisterRegionalInventory",
  });

  return { ...region, housing, education, healthcare, regionalInventory };
});
