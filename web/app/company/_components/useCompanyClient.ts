import { useCallback } from "react";
import { usePublicClient, useWalletClient } from "wagmi";
import type { ConductorClient } from "../../../../sdk/src/client.ts";
import { useRegion } from "../../../hooks/useRegion.ts";

/**
 * An SDK client for the company page: wagmi's public client, the connected wallet (signing in the
 * wallet), and the region's deployment. Returns a getter so actions read the latest wallet.
 */
export function useCompanyClient(): () => ConductorClient {
  const region = useRegion();
  const publicClient = usePublicClient();
  const { data: walletClient } = useWalletClient();
  return useCallback(() => {
    if (!publicClient) throw new Error("not connected to the region's node");
    return {
      publicClient: publicClient as ConductorClient["publicClient"],
      walletClient: walletClient as ConductorClient["walletClient"],
      account: walletClient?.account,
      chain: publicClient.chain,
      deployment: {
        chainId: region.chainId,
        regionName: region.regionName,
        startBlock: region.startBlock,
        contracts: region.contracts as Record<string, `0x${string}`>,
      },
    };
  }, [publicClient, walletClient, region]);
}
