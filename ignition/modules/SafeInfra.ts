import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Safe 1.4.1 on the region's chain: the singleton, the proxy factory and the fallback handler.
 * Every multi-signer account of the region (reserve custodians, council, company treasuries) is a
 * proxy of this singleton made by this factory.
 */
export default buildModule("SafeInfra", (m) => {
  const safeSingleton = m.contract("Safe", [], { id: "SafeSingleton" });
  const safeProxyFactory = m.contract("SafeProxyFactory", []);
  const fallbackHandler = m.contract("CompatibilityFallbackHandler", []);
  return { safeSingleton, safeProxyFactory, fallbackHandler };
});
