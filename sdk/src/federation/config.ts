import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  http,
  isAddress,
  type LocalAccount,
} from "viem";
import { z } from "zod";
import { DeploymentSchema } from "../deployment.ts";
import type { RelayerChain } from "./relayer.ts";
import type { ChainEndpoint } from "./scan.ts";

/**
 * The federation: every region's name, chain id, RPC URL and deployment record. Untrusted JSON
 * (it may come from another region), validated with zod.
 */
export const FederationConfigSchema = z.object({
  regions: z
    .array(
      z.object({
        name: z.string().min(1),
        chainId: z.number().int().positive(),
        rpcUrl: z.string().url(),
        /** Path of the region's deployment record (relative to the config file), or the record itself. */
        deployment: z.union([z.string().min(1), DeploymentSchema]),
      }),
    )
    .min(1, "a federation names at least one region"),
});

export type FederationConfig = z.infer<typeof FederationConfigSchema>;

export interface FederatedRegion {
  name: string;
  chainId: bigint;
  rpcUrl: string;
  contracts: Record<string, Address>;
}

/** Reads a federation config file and every deployment it names. */
export function readFederation(path: string): FederatedRegion[] {
  const config = FederationConfigSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  return config.regions.map((r) => {
    const deployment =
      typeof r.deployment === "string"
        ? DeploymentSchema.parse(JSON.parse(readFileSync(resolve(dirname(path), r.deployment), "utf8")))
        : r.deployment;
    if (deployment.chainId !== r.chainId) {
      throw new Error(`region ${r.name}: deployment is for chain ${deployment.chainId}, config says ${r.chainId}`);
    }
    return { name: r.name, chainId: BigInt(r.chainId), rpcUrl: r.rpcUrl, contracts: deployment.contracts };
  });
}

function gatewayOf(region: FederatedRegion): Address {
  const gateway = region.contracts.BridgeGateway;
  if (!gateway || !isAddress(gateway)) throw new Error(`region ${region.name} has no BridgeGateway in its deployment`);
  return getAddress(gateway);
}

function chainOf(region: FederatedRegion) {
  return defineChain({
    id: Number(region.chainId),
    name: region.name,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [region.rpcUrl] } },
  });
}

/** Read-only endpoints of every region's gateway (for validators). */
export function endpoints(regions: FederatedRegion[]): ChainEndpoint[] {
  return regions.map((r) => ({
    chainId: r.chainId,
    gateway: gatewayOf(r),
    publicClient: createPublicClient({ chain: chainOf(r), transport: http(r.rpcUrl), pollingInterval: 100 }),
  })) as ChainEndpoint[];
}

/** Endpoints with a signer on every chain (for the relayer). */
export function relayerEndpoints(regions: FederatedRegion[], account: LocalAccount): RelayerChain[] {
  return regions.map((r) => {
    const chain = chainOf(r);
    return {
      chainId: r.chainId,
      gateway: gatewayOf(r),
      publicClient: createPublicClient({ chain, transport: http(r.rpcUrl), pollingInterval: 100 }),
      walletClient: createWalletClient({ chain, transport: http(r.rpcUrl), account }),
    };
  }) as RelayerChain[];
}
