import { createPublicClient, http } from "viem";
import type { ConductorClient } from "../client.ts";
import { housingAbi } from "../generated/abis.ts";
import { UnitType } from "../generated/enums.ts";
import { getJobs } from "../marketplace/getJobs.ts";
import { getListings } from "../marketplace/getListings.ts";
import { computeWage } from "../payroll/computeWage.ts";
import { listOccupations } from "../payroll/occupations.ts";
import type { FederatedRegion } from "./config.ts";

/** A read-only client of one federated region. */
function readerOf(region: FederatedRegion): ConductorClient {
  const chain = {
    id: Number(region.chainId),
    name: region.name,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [region.rpcUrl] } },
  } as const;
  return {
    publicClient: createPublicClient({ chain, transport: http(region.rpcUrl) }),
    deployment: {
      chainId: Number(region.chainId),
      regionName: region.name,
      startBlock: 0,
      contracts: region.contracts,
    },
    chain,
  } as ConductorClient;
}

export interface FederatedJob {
  region: string;
  jobId: bigint;
  company: string;
  occupationId: number;
  /** The occupation's name in that region's wage schedule ("" while unnamed). */
  occupationName: string;
  hoursPerWeek: number;
  location: string;
  /** The hourly wage a new hire gets there now at productivity 0.5 (the base), RSC wei per hour. */
  wage: bigint;
}

/**
 * Every open job in every federated region, with the occupation's name and the wage from that
 * region's own schedule — highest wage first ("where does a welder earn most?"). Occupation ids
 * are each region's own; names are how regions meet, so `occupationName` filters by exact name.
 * @example
 * const welders = await discoverJobs(readFederation(".conductor/federation.json"), { occupationName: "Welder" });
 */
export async function discoverJobs(
  regions: FederatedRegion[],
  filter: { occupationId?: number; occupationName?: string } = {},
): Promise<FederatedJob[]> {
  const rows: FederatedJob[] = [];
  for (const region of regions) {
    if (!region.contracts.JobBoard) continue;
    const client = readerOf(region);
    const names = new Map(
      region.contracts.WageSchedule
        ? (await listOccupations(client)).map((o) => [o.occupationId, o.name] as const)
        : [],
    );
    for (const job of await getJobs(client)) {
      const occupationName = names.get(job.occupationId) ?? "";
      if (filter.occupationId !== undefined && job.occupationId !== filter.occupationId) continue;
      if (filter.occupationName !== undefined && occupationName !== filter.occupationName) continue;
      const wage = region.contracts.WageSchedule
        ? (await computeWage(client, { occupationId: job.occupationId, productivity: "0.5" })).final
        : 0n;
      rows.push({ region: region.name, ...job, occupationName, wage });
    }
  }
  return rows.sort((a, b) => (a.wage === b.wage ? 0 : a.wage > b.wage ? -1 : 1));
}

export interface FederatedListing {
  region: string;
  listingId: bigint;
  seller: string;
  kind: "Product" | "Service";
  name: string;
  unitPrice: bigint;
  available: bigint | undefined;
}

/** Every active listing in every federated region, cheapest first; `search` matches names. */
export async function discoverListings(regions: FederatedRegion[], search?: string): Promise<FederatedListing[]> {
  const rows: FederatedListing[] = [];
  for (const region of regions) {
    if (!region.contracts.Marketplace) continue;
    for (const l of await getListings(readerOf(region))) {
      if (!l.active) continue;
      if (search && !l.name.toLowerCase().includes(search.toLowerCase())) continue;
      rows.push({
        region: region.name,
        listingId: l.listingId,
        seller: l.seller,
        kind: l.kind,
        name: l.name,
        unitPrice: l.unitPrice,
        available: l.available,
      });
    }
  }
  return rows.sort((a, b) => (a.unitPrice === b.unitPrice ? 0 : a.unitPrice < b.unitPrice ? -1 : 1));
}

export interface FederatedHousing {
  region: string;
  building: string;
  unitType: UnitType;
  units: number;
  vacant: number;
  waiting: number;
}

/** Regional housing in every federated region: units, vacancies and wait-list length per building and type. */
export async function discoverHousing(regions: FederatedRegion[]): Promise<FederatedHousing[]> {
  const rows: FederatedHousing[] = [];
  for (const region of regions) {
    const address = region.contracts.Housing;
    if (!address) continue;
    const client = readerOf(region).publicClient;
    const read = <T>(functionName: string, args: readonly unknown[] = []) =>
      client.readContract({ address, abi: housingAbi, functionName, args } as never) as Promise<T>;
    const buildings = await read<bigint>("buildingCount");
    const unitCount = await read<bigint>("unitCount");
    const units: { buildingId: bigint; unitType: number; tenant: string }[] = [];
    for (let id = 1n; id <= unitCount; id++) units.push(await read("unit", [id]));
    for (let b = 1n; b <= buildings; b++) {
      const building = await read<{ name: string }>("building", [b]);
      for (const [typeId, unitType] of UnitType.entries()) {
        const here = units.filter((u) => u.buildingId === b && Number(u.unitType) === typeId);
        const waiting = (await read<string[]>("waitList", [b, typeId])).length;
        if (here.length === 0 && waiting === 0) continue;
        const vacant = here.filter((u) => /^0x0{40}$/i.test(u.tenant)).length;
        rows.push({ region: region.name, building: building.name, unitType, units: here.length, vacant, waiting });
      }
    }
  }
  return rows;
}
