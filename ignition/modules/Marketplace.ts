import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { actionMask } from "../../sdk/src/core/enums.ts";
import { Param } from "../../sdk/src/generated/enums.ts";
import Region from "./Region.ts";

const MODULE_KIND = 6; // Kind.Module

/**
 * The marketplace layer of a region, on top of its core: the profit-at-rest collector (set as the
 * token's lot ledger, told of the profit-at-rest rates' changes), the marketplace, the job board and loans, each behind an ERC-1967 (UUPS)
 * proxy whose upgrade authority is the deployer (then the governance executor). Registers the
 * money-moving ones as token modules with exactly the actions they perform.
 */
export default buildModule("Marketplace", (m) => {
  const region = m.useModule(Region);
  const { rsc, regionParameters, capitalPool } = region;
  const deployer = m.getAccount(0);

  const proxied = (name: string, constructorArgs: unknown[], initArgs: unknown[]) => {
    const impl = m.contract(name, constructorArgs as never, { id: `${name}Impl` });
    const proxy = m.contract("ERC1967Proxy", [impl, m.encodeFunctionCall(impl, "initialize", initArgs as never)], {
      id: `${name}Proxy`,
    });
    return m.contractAt(name, proxy, { id: name });
  };

  const profitAtRest = proxied("ProfitAtRest", [rsc, regionParameters, capitalPool], [deployer]);
  const marketplace = proxied("Marketplace", [rsc, regionParameters, capitalPool], [deployer]);
  const jobBoard = proxied("JobBoard", [], [deployer, rsc]);
  const loans = proxied("Loans", [rsc, capitalPool], [deployer]);

  m.call(rsc, "registerModule", [profitAtRest, MODULE_KIND, actionMask(["ProfitAtRestTax"])], {
    id: "RegisterProfitAtRest",
  });
  m.call(rsc, "registerModule", [marketplace, MODULE_KIND, actionMask(["Purchase", "SalesTax"])], {
    id: "RegisterMarketplace",
  });
  m.call(rsc, "registerModule", [loans, MODULE_KIND, actionMask(["LoanDisbursement", "LoanRepayment"])], {
    id: "RegisterLoans",
  });
  m.call(rsc, "setLotLedger", [profitAtRest], { id: "SetLotLedger" });
  // ProfitAtRest keeps the two profit-at-rest rates (the token keeps the delays).
  for (const param of ["ProfitAtRestRate", "RegionalProfitAtRestRate"] as const) {
    m.call(regionParameters, "setListener", [Param.indexOf(param), profitAtRest], {
      id: `ProfitAtRestListens${param}`,
    });
  }

  return { ...region, profitAtRest, marketplace, jobBoard, loans };
});
