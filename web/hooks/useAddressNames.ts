import { useMemo } from "react";
import { type Address, zeroAddress } from "viem";
import { useCompanies } from "./useCompanies.ts";
import { useDemoAccounts } from "./useDemoAccounts.ts";
import { useRegion } from "./useRegion.ts";

/** Known names of addresses: the region's contracts, its companies and (local demo only) demo people. */
export function useAddressNames(): (address: Address) => string | undefined {
  const region = useRegion();
  const companies = useCompanies().data;
  const demo = useDemoAccounts().data;
  return useMemo(() => {
    const names = new Map<string, string>([[zeroAddress, "new RSC (minted)"]]);
    for (const a of demo ?? []) names.set(a.address.toLowerCase(), a.name);
    for (const [name, address] of Object.entries(region.contracts)) names.set(address.toLowerCase(), name);
    for (const c of companies ?? []) names.set(c.address.toLowerCase(), c.name);
    return (address: Address) => names.get(address.toLowerCase());
  }, [region.contracts, companies, demo]);
}
