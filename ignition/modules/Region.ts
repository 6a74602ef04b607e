import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { actionMask } from "../../sdk/src/core/enums.ts";
import { Param } from "../../sdk/src/generated/enums.ts";
import { DEFAULT_PARAMETER_VALUES } from "../../sdk/src/governance/defaults.ts";
import SafeInfra from "./SafeInfra.ts";

const ZERO = "0x0000000000000000000000000000000000000000";

/**
 * A region's core: the RSC token, the registry, the regional parameters, the USD reserve and the
 * capital pool, each behind an ERC-1967 (UUPS) proxy whose upgrade authority is `admin` (the
 * deployer until governance is deployed, then the governance executor). The reserve custodians
 * are a Safe of `custodianOwners` with `custodianThreshold`.
 *
 * Ignition parameters (all optional): regionName, registrar, custodianThreshold, parameterValues
 * (one per `Param`, in order). The custodians' addresses are an option of {@link regionModule}
 * (accounts 1–3 of the connected node when not given: the local demo).
 */
export function regionModule(options: { custodianOwners?: string[] } = {}) {
  return buildModule("Region", (m) => {
    const { safeSingleton, safeProxyFactory, fallbackHandler } = m.useModule(SafeInfra);
    const deployer = m.getAccount(0);
    const regionName = m.getParameter("regionName", "Demo Region");
    const registrar = m.getParameter("registrar", deployer);
    const custodianOwners = options.custodianOwners ?? [m.getAccount(1), m.getAccount(2), m.getAccount(3)];
    const custodianThreshold = m.getParameter("custodianThreshold", 2);
    const parameterValues = m.getParameter("parameterValues", DEFAULT_PARAMETER_VALUES.map(String));

    // ---- the reserve custodians' multi-signer account (a Safe)
    const custodianSetup = m.encodeFunctionCall(safeSingleton, "setup", [
      custodianOwners,
      custodianThreshold,
      ZERO,
      "0x",
      fallbackHandler,
      ZERO,
      0,
      ZERO,
    ]);
    const createCustodians = m.call(safeProxyFactory, "createProxyWithNonce", [safeSingleton, custodianSetup, 1], {
      id: "CreateCustodiansSafe",
    });
    const custodiansAddress = m.readEventArgument(createCustodians, "ProxyCreation", "proxy", {
      id: "CustodiansSafeAddress",
    });
    const custodians = m.contractAt("Safe", custodiansAddress, {
      id: "Custodians",
    });

    // ---- upgradeable core contracts
    const rscImpl = m.contract("RSC", [], { id: "RSCImpl" });
    const rscProxy = m.contract(
      "ERC1967Proxy",
      [rscImpl, m.encodeFunctionCall(rscImpl, "initialize", [regionName, deployer])],
      {
        id: "RSCProxy",
      },
    );
    const rsc = m.contractAt("RSC", rscProxy, { id: "RSC" });

    const registryImpl = m.contract("Registry", [], { id: "RegistryImpl" });
    const registryProxy = m.contract(
      "ERC1967Proxy",
      [registryImpl, m.encodeFunctionCall(registryImpl, "initialize", [deployer, rsc])],
      { id: "RegistryProxy" },
    );
    const registry = m.contractAt("Registry", registryProxy, {
      id: "Registry",
    });

    const paramsImpl = m.contract("RegionParameters", [], {
      id: "RegionParametersImpl",
    });
    const paramsProxy = m.contract(
      "ERC1967Proxy",
      [paramsImpl, m.encodeFunctionCall(paramsImpl, "initialize", [deployer, parameterValues])],
      { id: "RegionParametersProxy" },
    );
    const regionParameters = m.contractAt("RegionParameters", paramsProxy, {
      id: "RegionParameters",
    });

    const reserveImpl = m.contract("Reserve", [], { id: "ReserveImpl" });
    const reserveProxy = m.contract(
      "ERC1967Proxy",
      [reserveImpl, m.encodeFunctionCall(reserveImpl, "initialize", [deployer, custodians, rsc, regionParameters])],
      { id: "ReserveProxy" },
    );
    const reserve = m.contractAt("Reserve", reserveProxy, { id: "Reserve" });

    const poolImpl = m.contract("CapitalPool", [], { id: "CapitalPoolImpl" });
    const poolProxy = m.contract(
      "ERC1967Proxy",
      [poolImpl, m.encodeFunctionCall(poolImpl, "initialize", [deployer, rsc, regionParameters])],
      { id: "CapitalPoolProxy" },
    );
    const capitalPool = m.contractAt("CapitalPool", poolProxy, {
      id: "CapitalPool",
    });

    // ---- wiring: the registry writes kinds; modules get exactly the actions they perform
    m.call(rsc, "setRegistry", [registry], { id: "SetRegistry" });
    // The token applies the tax rates and profit-at-rest delays itself: RegionParameters tells it
    // of every change, in the same transaction.
    const tokenListens = (
      ["SalesTaxRate", "IncomeTaxRate", "ProfitAtRestDelay", "RegionalProfitAtRestDelay"] as const
    ).map((param) =>
      m.call(regionParameters, "setListener", [Param.indexOf(param), rsc], { id: `RscListens${param}` }),
    );
    m.call(rsc, "setRegionParameters", [regionParameters], { id: "SetRegionParameters", after: tokenListens });
    m.call(rsc, "registerModule", [reserve, 6 /* Kind.Module */, actionMask(["Deposit", "Redemption", "Refund"])], {
      id: "RegisterReserve",
    });
    m.call(rsc, "registerModule", [capitalPool, 5 /* Kind.Region */, actionMask(["Ubi", "Subsidy", "Pooling"])], {
      id: "RegisterCapitalPool",
    });
    m.call(
      registry,
      "grantRole",
      [
        m.staticCall(registry, "REGISTRAR_ROLE", [], 0, {
          id: "RegistrarRole",
        }),
        registrar,
      ],
      {
        id: "GrantRegistrar",
      },
    );

    return {
      rsc,
      registry,
      regionParameters,
      reserve,
      capitalPool,
      custodians,
      safeSingleton,
      safeProxyFactory,
      fallbackHandler,
    };
  });
}

export default regionModule();
