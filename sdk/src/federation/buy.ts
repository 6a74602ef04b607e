import { type Address, createPublicClient, encodeFunctionData, type Hex, http, parseEventLogs } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { ConductorInputError } from "../errors.ts";
import { bridgeGatewayAbi, marketplaceAbi } from "../generated/abis.ts";
import {
  type ContractCall,
  IdSchema,
  parseInput,
  RscAmountSchema,
  send,
  type WriteResult,
} from "../marketplace/shared.ts";
import type { FederatedRegion } from "./config.ts";

export const BuyAcrossRegionsParameters = z.object({
  listingId: IdSchema,
  quantity: IdSchema.default(1n),
  /**
   * The most the buyer pays, price plus the seller region's sales tax at delivery (RSC). It is
   * burned at home; the change comes back. Defaults to the seller region's quote now.
   */
  maxTotal: RscAmountSchema.optional(),
});
export type BuyAcrossRegionsParameters = z.input<typeof BuyAcrossRegionsParameters>;
export type BuyAcrossRegionsReturnType = WriteResult & { id: Hex; maxTotal: bigint; seller: Address };
export type BuyAcrossRegionsErrorType = import("../errors.ts").ConductorError;

/** A listing of another region as its marketplace quotes it now. */
export interface RemoteQuote {
  seller: Address;
  name: string;
  active: boolean;
  /** Units left; undefined when unlimited. */
  available: bigint | undefined;
  net: bigint;
  /** The seller region's sales tax at its rate now (the rate at delivery applies). */
  tax: bigint;
}

const UNLIMITED = 2n ** 64n - 1n;

function marketplaceOf(region: FederatedRegion): Address {
  const address = region.contracts.Marketplace;
  if (!address) throw new ConductorInputError(`region ${region.name} has no Marketplace in its deployment`);
  return address;
}

/**
 * Reads listing `listingId` of region `there` and quotes `quantity` units at that region's sales tax.
 * @example
 * const q = await quoteAcrossRegions(houston, 3n, 2n);
 */
export async function quoteAcrossRegions(
  there: FederatedRegion,
  listingId: bigint,
  quantity: bigint,
): Promise<RemoteQuote> {
  const client = createPublicClient({ transport: http(there.rpcUrl) });
  const address = marketplaceOf(there);
  const listing = await client.readContract({
    address,
    abi: marketplaceAbi,
    functionName: "listingOf",
    args: [listingId],
  });
  const [net, tax] = await client.readContract({
    address,
    abi: marketplaceAbi,
    functionName: "quote",
    args: [listingId, quantity],
  });
  return {
    seller: listing.seller,
    name: listing.name,
    active: listing.active,
    available: listing.available === UNLIMITED ? undefined : listing.available,
    net,
    tax,
  };
}

/**
 * The `sendPurchase` call on the buyer's gateway, ready to send from the buyer's account or to
 * propose from a company's Safe: the seller and the default maximum come from the seller region.
 */
export async function encodeBuyAcrossRegions(
  home: Pick<ConductorClient, "deployment">,
  there: FederatedRegion,
  params: BuyAcrossRegionsParameters,
): Promise<ContractCall & { maxTotal: bigint; seller: Address }> {
  const p = parseInput(BuyAcrossRegionsParameters, params, "federation buy");
  const gateway = home.deployment.contracts.BridgeGateway as Address | undefined;
  if (!gateway) throw new ConductorInputError(`region ${home.deployment.regionName} has no BridgeGateway`);
  if (BigInt(home.deployment.chainId) === there.chainId) {
    throw new ConductorInputError(`listing is in the buyer's own region (${there.name}): use market buy`);
  }
  const quote = await quoteAcrossRegions(there, p.listingId, p.quantity);
  const maxTotal = p.maxTotal ?? quote.net + quote.tax;
  return {
    to: gateway,
    data: encodeFunctionData({
      abi: bridgeGatewayAbi,
      functionName: "sendPurchase",
      args: [there.chainId, quote.seller, p.listingId, p.quantity, maxTotal],
    }),
    value: 0n,
    maxTotal,
    seller: quote.seller,
  };
}

/**
 * Buys a listing of another federated region: burns `maxTotal` at home and sends the purchase
 * across the bridge; the seller region pays the seller the net and its capital pool its sales tax
 * on delivery, and returns the change (or everything, if the purchase is refused).
 * @example
 * const { id } = await buyAcrossRegions(client, houston, { listingId: 3, quantity: 2, maxTotal: "25" });
 */
export async function buyAcrossRegions(
  client: ConductorClient,
  there: FederatedRegion,
  params: BuyAcrossRegionsParameters,
): Promise<BuyAcrossRegionsReturnType> {
  const call = await encodeBuyAcrossRegions(client, there, params);
  const result = await send(client, call);
  const receipt = await client.publicClient.getTransactionReceipt({ hash: result.hash });
  const [sent] = parseEventLogs({ abi: bridgeGatewayAbi, eventName: "MessageSent", logs: receipt.logs });
  return { ...result, id: sent.args.id, maxTotal: call.maxTotal, seller: call.seller };
}
