import { useCallback } from "react";
import type { Address } from "viem";
import { usePublicClient } from "wagmi";
import { registryAbi, rscAbi } from "../../sdk/src/generated/abis.ts";
import { Kind } from "../../sdk/src/generated/enums.ts";
import { shortAddress } from "../lib/format.ts";
import { useContractAddress, useRegion } from "./useRegion.ts";

export type RecipientCheck = { ok: true } | { ok: false; reason: string };

const DIRECT_ONLY = "RSC moves directly only between persons";

/**
 * Reads the recipient's kind on chain BEFORE anything is signed, and refuses any recipient a
 * direct transfer cannot reach, with the reason in plain words (the contract would refuse too).
 */
export function useRecipientCheck(): (to: Address) => Promise<RecipientCheck> {
  const region = useRegion();
  const rsc = useContractAddress("RSC");
  const registry = useContractAddress("Registry");
  const publicClient = usePublicClient();
  return useCallback(
    async (to: Address) => {
      if (!publicClient) return { ok: false, reason: "not connected to the region's node" };
      const account = await publicClient.readContract({
        address: rsc,
        abi: rscAbi,
        functionName: "accountOf",
        args: [to],
      });
      const kind: Kind = Kind[account.kind] ?? "None";
      const label = await nameOf(to);
      if (kind === "Person") {
        return account.suspended
          ? { ok: false, reason: `${label} is suspended: a suspended account can neither send nor receive RSC` }
          : { ok: true };
      }
      if (kind === "Company" || kind === "RegionalCompany" || kind === "ExternalCompany")
        return { ok: false, reason: `${label} is a company: ${DIRECT_ONLY}; buy from a company through a purchase` };
      if (kind === "Region") return { ok: false, reason: `${label} is the region's own account: ${DIRECT_ONLY}` };
      if (kind === "Module" || kind === "Bridge")
        return { ok: false, reason: `${label} is a Conductor contract (${kind}): ${DIRECT_ONLY}` };
      return { ok: false, reason: `${label} is not a member of ${region.regionName}: ${DIRECT_ONLY} who are members` };

      async function nameOf(address: Address): Promise<string> {
        const contract = Object.entries(region.contracts).find(([, a]) => a.toLowerCase() === address.toLowerCase());
        if (contract) return contract[0];
        const logs = await publicClient!.getContractEvents({
          address: registry,
          abi: registryAbi,
          eventName: "CompanyRegistered",
          args: { treasury: address },
          fromBlock: BigInt(region.startBlock),
        });
        return logs.at(-1)?.args.name ?? shortAddress(address);
      }
    },
    [publicClient, region, rsc, registry],
  );
}
