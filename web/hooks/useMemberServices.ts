import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { housingAbi, marketplaceAbi } from "../../sdk/src/generated/abis.ts";
import { getListings, type ListingInfo } from "../../sdk/src/marketplace/getListings.ts";
import { UNIT_TYPES, type UnitTypeName } from "../../sdk/src/services/joinWaitList.ts";
import { useConductorClient } from "./useConductorClient.ts";
import { useRefetchOnBlock } from "./useRefetchOnBlock.ts";
import { useRegion } from "./useRegion.ts";

/** Active listings of the marketplace (the SDK's `getListings`). */
export function useListings() {
  const region = useRegion();
  const client = useConductorClient();
  const enabled = client !== undefined && region.contracts.Marketplace !== undefined;
  const query = useQuery({
    queryKey: ["listings", region.chainId, region.contracts.Marketplace],
    enabled,
    queryFn: (): Promise<ListingInfo[]> => getListings(client!),
  });
  useRefetchOnBlock(query.refetch, enabled);
  return query;
}

export interface PurchaseRow {
  listingId: bigint;
  seller: Address;
  quantity: bigint;
  net: bigint;
  tax: bigint;
  blockNumber: bigint;
  transactionHash: `0x${string}`;
}

/** A buyer's purchases, newest first, from the marketplace's `Purchased` events. */
export function usePurchases(buyer: Address | undefined) {
  const region = useRegion();
  const client = useConductorClient();
  const marketplace = region.contracts.Marketplace;
  const enabled = client !== undefined && buyer !== undefined && marketplace !== undefined;
  const query = useQuery({
    queryKey: ["purchases", region.chainId, marketplace, buyer],
    enabled,
    queryFn: async (): Promise<PurchaseRow[]> => {
      const logs = await client!.publicClient.getContractEvents({
        address: marketplace!,
        abi: marketplaceAbi,
        eventName: "Purchased",
        args: { buyer },
        fromBlock: BigInt(region.startBlock),
      });
      return logs
        .map((l) => ({
          listingId: l.args.listingId!,
          seller: l.args.seller!,
          quantity: BigInt(l.args.quantity!),
          net: l.args.net!,
          tax: l.args.tax!,
          blockNumber: l.blockNumber,
          transactionHash: l.transactionHash,
        }))
        .reverse();
    },
  });
  useRefetchOnBlock(query.refetch, enabled);
  return query;
}

export interface WaitListPlace {
  buildingId: bigint;
  buildingName: string;
  unitType: UnitTypeName;
  /** 1-based place in the FIFO queue; undefined when not on it. */
  position: number | undefined;
  length: number;
}

/** Every housing wait-list (building × unit type) with its length and the member's place on it. */
export function useWaitLists(member: Address | undefined) {
  const region = useRegion();
  const client = useConductorClient();
  const housing = region.contracts.Housing;
  const enabled = client !== undefined && housing !== undefined;
  const query = useQuery({
    queryKey: ["waitlists", region.chainId, housing, member],
    enabled,
    queryFn: async (): Promise<WaitListPlace[]> => {
      const reader = client!.publicClient;
      const count = await reader.readContract({ address: housing!, abi: housingAbi, functionName: "buildingCount" });
      const places: WaitListPlace[] = [];
      for (let b = 1n; b <= count; b++) {
        const building = await reader.readContract({
          address: housing!,
          abi: housingAbi,
          functionName: "building",
          args: [b],
        });
        for (const [t, unitType] of UNIT_TYPES.entries()) {
          const list = await reader.readContract({
            address: housing!,
            abi: housingAbi,
            functionName: "waitList",
            args: [b, t],
          });
          const at = member ? list.findIndex((a) => a.toLowerCase() === member.toLowerCase()) : -1;
          places.push({
            buildingId: b,
            buildingName: building.name,
            unitType,
            position: at >= 0 ? at + 1 : undefined,
            length: list.length,
          });
        }
      }
      return places;
    },
  });
  useRefetchOnBlock(query.refetch, enabled);
  return query;
}
