import { createContext, useContext } from "react";
import type { Address } from "viem";
import type { RegionConfig } from "../lib/regionConfig.ts";

export const RegionContext = createContext<RegionConfig | undefined>(undefined);

/** The region this dashboard shows (set once by the root layout). */
export function useRegion(): RegionConfig {
  const region = useContext(RegionContext);
  if (!region) throw new Error("useRegion: no region configured (RegionContext missing)");
  return region;
}

/** The address of a core contract of the region. */
export function useContractAddress(name: "RSC" | "Registry" | "RegionParameters" | "Reserve" | "CapitalPool"): Address {
  const address = useRegion().contracts[name];
  if (!address) throw new Error(`this region's deployment has no ${name} contract`);
  return address;
}
