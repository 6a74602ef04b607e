import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { usePublicClient } from "wagmi";
import { registryAbi } from "../../sdk/src/generated/abis.ts";
import { Kind } from "../../sdk/src/generated/enums.ts";
import { useContractAddress, useRegion } from "./useRegion.ts";

export interface CompanyEntry {
  address: Address;
  name: string;
  kind: Kind;
}

/** Every company registered in the region, from the registry's `CompanyRegistered` events. */
export function useCompanies() {
  const region = useRegion();
  const registry = useContractAddress("Registry");
  const publicClient = usePublicClient();
  return useQuery({
    queryKey: ["companies", region.chainId, registry],
    enabled: publicClient !== undefined,
    staleTime: 30_000,
    queryFn: async (): Promise<CompanyEntry[]> => {
      const logs = await publicClient!.getContractEvents({
        address: registry,
        abi: registryAbi,
        eventName: "CompanyRegistered",
        fromBlock: BigInt(region.startBlock),
      });
      return logs.map((log) => ({
        address: log.args.treasury!,
        name: log.args.name!,
        kind: Kind[log.args.kind!] ?? "None",
      }));
    },
  });
}
