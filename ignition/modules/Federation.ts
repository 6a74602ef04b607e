import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { actionMask } from "../../sdk/src/core/enums.ts";
import Marketplace from "./Marketplace.ts";
import Region from "./Region.ts";

/**
 * The region's end of the federation bridge: a BridgeGateway (UUPS proxy) registered in the token
 * as kind Bridge with BridgeOut, BridgeIn and Pooling. Validators and threshold are options of
 * {@link federationModule}; routes to other regions are configured by governance afterwards
 * (`configureRoute`), since they name the other chains' gateways.
 * With `marketplace: true` it also deploys the region's marketplace layer and points the gateway
 * at it (`setMarketplace`), so that buyers of other regions can buy its listings.
 * Ignition parameter: rotationDelay (seconds, default 2 days).
 */
export function federationModule(options: { validators: string[]; threshold: number; marketplace?: boolean }) {
  return buildModule("Federation", (m) => {
    const region = m.useModule(Region);
    const { rsc, capitalPool } = region;
    const deployer = m.getAccount(0);
    const rotationDelay = m.getParameter("rotationDelay", 2 * 86_400);
    const impl = m.contract("BridgeGateway", [], { id: "BridgeGatewayImpl" });
    const proxy = m.contract(
      "ERC1967Proxy",
      [
        impl,
        m.encodeFunctionCall(impl, "initialize", [
          deployer,
          rsc,
          capitalPool,
          options.validators,
          options.threshold,
          rotationDelay,
        ]),
      ],
      { id: "BridgeGatewayProxy" },
    );
    const bridgeGateway = m.contractAt("BridgeGateway", proxy, { id: "BridgeGateway" });
    m.call(
      rsc,
      "registerModule",
      [bridgeGateway, 7 /* Kind.Bridge */, actionMask(["BridgeOut", "BridgeIn", "Pooling"])],
      {
        id: "RegisterBridgeGateway",
      },
    );
    if (!options.marketplace) return { ...region, bridgeGateway };
    // biome-ignore lint/correctness/useHookAtTopLevel: Ignition's useModule is not a React hook
    const market = m.useModule(Marketplace);
    m.call(bridgeGateway, "setMarketplace", [market.marketplace], { id: "SetBridgeMarketplace" });
    return { ...region, ...market, bridgeGateway };
  });
}
