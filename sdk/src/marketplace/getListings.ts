import type { Address } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { marketplaceAbi } from "../generated/abis.ts";
import { UNLIMITED } from "./createListing.ts";
import { AddressSchema, addressOf, parseInput } from "./shared.ts";

export const GetListingsParameters = z.object({
  /** Only this seller's listings. */
  seller: AddressSchema.optional(),
  /** Include inactive listings. */
  includeInactive: z.boolean().default(false),
});
export type GetListingsParameters = z.input<typeof GetListingsParameters>;

export interface ListingInfo {
  listingId: bigint;
  seller: Address;
  kind: "Product" | "Service";
  name: string;
  unitPrice: bigint;
  /** Units left; `undefined` for unlimited. */
  available: bigint | undefined;
  active: boolean;
}
export type GetListingsReturnType = ListingInfo[];

/**
 * Every listing of the region (optionally one seller's), newest last.
 * @example
 * const listings = await getListings(client, { seller: "0x…" });
 */
export async function getListings(
  client: Pick<ConductorClient, "deployment" | "publicClient">,
  params: GetListingsParameters = {},
): Promise<GetListingsReturnType> {
  const p = parseInput(GetListingsParameters, params, "listing filter");
  const address = addressOf(client, "Marketplace");
  const count = await client.publicClient.readContract({ address, abi: marketplaceAbi, functionName: "listingCount" });
  const out: ListingInfo[] = [];
  for (let id = 1n; id <= count; id++) {
    const l = await client.publicClient.readContract({
      address,
      abi: marketplaceAbi,
      functionName: "listingOf",
      args: [id],
    });
    if (p.seller && l.seller !== p.seller) continue;
    if (!p.includeInactive && !l.active) continue;
    out.push({
      listingId: id,
      seller: l.seller,
      kind: l.kind === 0 ? "Product" : "Service",
      name: l.name,
      unitPrice: l.unitPrice,
      available: l.available === UNLIMITED ? undefined : l.available,
      active: l.active,
    });
  }
  return out;
}
