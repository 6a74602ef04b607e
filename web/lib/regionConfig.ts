import type { Address } from "viem";

/** The local demo chain's id; the demo-account picker exists only there. */
export const DEMO_CHAIN_ID = 31337;

/** What the browser needs to talk to a region: where its node is and where its contracts are. */
export interface RegionConfig {
  rpcUrl: string;
  chainId: number;
  regionName: string;
  /** First block of the deployment: log queries start here. */
  startBlock: number;
  contracts: Readonly<Record<string, Address>>;
  /** Whether the server offers the local demo accounts (chain 31337 and demo mode on). */
  demo: boolean;
}

/** The address of a contract this region may not have (later modules), or undefined. */
export function optionalContract(config: RegionConfig, name: string): Address | undefined {
  return config.contracts[name];
}
