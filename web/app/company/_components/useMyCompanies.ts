import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { usePublicClient } from "wagmi";
import { safeAbi } from "../../../../sdk/src/generated/abis.ts";
import { type CompanyEntry, useCompanies } from "../../../hooks/useCompanies.ts";

/** The companies whose treasury (a Safe) has `signer` among its owners. */
export function useMyCompanies(signer: Address | undefined) {
  const companies = useCompanies().data;
  const publicClient = usePublicClient();
  return useQuery({
    queryKey: ["my-companies", signer, companies?.length],
    enabled: signer !== undefined && companies !== undefined && publicClient !== undefined,
    queryFn: async (): Promise<CompanyEntry[]> => {
      const mine: CompanyEntry[] = [];
      for (const c of companies ?? []) {
        if ((await publicClient!.getCode({ address: c.address })) === undefined) continue;
        const owner = await publicClient!
          .readContract({ address: c.address, abi: safeAbi, functionName: "isOwner", args: [signer!] })
          .catch(() => false);
        if (owner) mine.push(c);
      }
      return mine;
    },
  });
}
