import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import Region from "./Region.ts";

/**
 * The region's permissioning contract (UUPS behind an ERC-1967 proxy) on top of the Region module.
 * Listed as Conductor contracts from the start: RSC, Registry, RegionParameters, the custodians'
 * Safe and the Safe proxy factory (the Reserve and CapitalPool are recognised by their kinds).
 * `DEPLOYER_ROLE` goes to the deployer (account 0), governance to `admin`.
 *
 * Ignition parameters (all optional): `admin` (default: the deployer), `enodeIds` (the node
 * allowlist: 128 hex digits each, e.g. from `conductor network init`'s `nodes.json`).
 * `OPERATOR_ROLE` (registrars, custodian signers, keepers) is granted afterwards by governance.
 */
export default buildModule("Permissioning", (m) => {
  const region = m.useModule(Region);
  const deployer = m.getAccount(0);
  const admin = m.getParameter("admin", deployer);
  const enodeIds = m.getParameter<string[]>("enodeIds", []);

  const impl = m.contract("Permissioning", [], { id: "PermissioningImpl" });
  const proxy = m.contract(
    "ERC1967Proxy",
    [
      impl,
      m.encodeFunctionCall(impl, "initialize", [
        admin,
        deployer,
        region.rsc,
        [region.rsc, region.registry, region.regionParameters, region.custodians, region.safeProxyFactory],
        enodeIds,
      ]),
    ],
    { id: "PermissioningProxy" },
  );
  const permissioning = m.contractAt("Permissioning", proxy, { id: "Permissioning" });

  return { ...region, permissioning };
});
