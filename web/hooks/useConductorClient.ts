import { useMemo } from "react";
import type { Chain, PublicClient, Transport } from "viem";
import { usePublicClient } from "wagmi";
import type { ConductorClient } from "../../sdk/src/client.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { useRegion } from "./useRegion.ts";

/**
 * A read-only SDK client on wagmi's public client, for the SDK's read actions (getPayroll,
 * getParameters, getProposals…). Writes go through wagmi so that the page can show each
 * transaction's pending/confirmed/failed state.
 */
export function useConductorClient(): ConductorClient | undefined {
  const region = useRegion();
  const publicClient = usePublicClient();
  return useMemo(() => {
    if (!publicClient) return undefined;
    const deployment: Deployment = {
      chainId: region.chainId,
      regionName: region.regionName,
      rpcUrl: region.rpcUrl,
      startBlock: region.startBlock,
      contracts: region.contracts as Deployment["contracts"],
    };
    return {
      publicClient: publicClient as PublicClient<Transport, Chain>,
      deployment,
      chain: publicClient.chain as Chain,
    };
  }, [publicClient, region]);
}
