import { defineChain } from "viem";
import { createConfig, http } from "wagmi";
import { injected } from "wagmi/connectors";
import type { RegionConfig } from "./regionConfig.ts";

/** The viem chain of the region this dashboard shows. */
export function regionChain(region: RegionConfig) {
  return defineChain({
    id: region.chainId,
    name: region.regionName,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [region.rpcUrl] } },
  });
}

/** wagmi's config: any injected EIP-1193 wallet; the demo picker adds its connector when used. */
export function makeWagmiConfig(region: RegionConfig) {
  const chain = regionChain(region);
  return createConfig({
    chains: [chain],
    connectors: [injected()],
    transports: { [chain.id]: http(region.rpcUrl, { batch: true }) },
    pollingInterval: 1_000,
    ssr: true,
  });
}
