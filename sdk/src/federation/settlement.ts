import { bridgeGatewayAbi } from "../generated/abis.ts";
import { endpoints, type FederatedRegion } from "./config.ts";

export interface SettlementLine {
  debtor: string;
  creditor: string;
  /** RSC wei (= USD at a 1:1 rate) the debtor region's reserve owes the creditor's. */
  amount: bigint;
  /** Each side's own record, for cross-checking: debtor's net outflow and creditor's net inflow. */
  debtorRecord: bigint;
  creditorRecord: bigint;
}

/**
 * What each region's USD reserve owes another: RSC that left region A for region B was burned in A
 * and minted in B, so A's reserve owes B's the net of the messages between them. Reads both
 * gateways' records; a mismatch between the two sides (messages in flight) is reported as is.
 */
export async function getSettlement(regions: FederatedRegion[]): Promise<SettlementLine[]> {
  const eps = endpoints(regions);
  const lines: SettlementLine[] = [];
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++) {
      const [a, b] = [eps[i], eps[j]];
      const aOut = await a.publicClient.readContract({
        address: a.gateway,
        abi: bridgeGatewayAbi,
        functionName: "netFlow",
        args: [b.chainId],
      });
      const bOut = await b.publicClient.readContract({
        address: b.gateway,
        abi: bridgeGatewayAbi,
        functionName: "netFlow",
        args: [a.chainId],
      });
      const aOwesB = aOut >= 0n;
      lines.push({
        debtor: aOwesB ? regions[i].name : regions[j].name,
        creditor: aOwesB ? regions[j].name : regions[i].name,
        amount: aOwesB ? aOut : -aOut,
        debtorRecord: aOwesB ? aOut : bOut,
        creditorRecord: aOwesB ? -bOut : -aOut,
      });
    }
  }
  return lines;
}
