import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { profitAtRestAbi } from "../generated/abis.ts";
import { AddressSchema, addressOf, parseInput } from "./shared.ts";

export const GetLotsParameters = z.object({
  company: AddressSchema,
  /** Include lots already collected (settled). */
  includeCollected: z.boolean().default(false),
});
export type GetLotsParameters = z.input<typeof GetLotsParameters>;

/** A lot of company money: what will be taxed, and when. Amounts in RSC wei. */
export interface LotInfo {
  index: bigint;
  amount: bigint;
  open: bigint;
  receivedAt: Date;
  dueAt: Date;
  exempt: boolean;
  collected: boolean;
  /** The tax a collection would take now (0 until due). */
  taxIfCollectedNow: bigint;
  /** The tax at the cached rate if the open part is still held when the lot falls due. */
  projectedTax: bigint;
}
export interface GetLotsReturnType {
  lots: LotInfo[];
  /** Σ open parts: equals the company's balance. */
  totalOpen: bigint;
}

const PAGE = 500n;

/**
 * The company's lots in FIFO order — which of its money will be taxed, and when.
 * @example
 * const { lots } = await getLots(client, { company: "0x…" });
 */
export async function getLots(
  client: Pick<ConductorClient, "deployment" | "publicClient">,
  params: GetLotsParameters,
): Promise<GetLotsReturnType> {
  const p = parseInput(GetLotsParameters, params, "company");
  const address = addressOf(client, "ProfitAtRest");
  const [book, rates] = await Promise.all([
    client.publicClient.readContract({ address, abi: profitAtRestAbi, functionName: "bookOf", args: [p.company] }),
    client.publicClient.readContract({ address, abi: profitAtRestAbi, functionName: "rates" }),
  ]);
  const kind = await client.publicClient.readContract({
    address: addressOf(client, "RSC"),
    abi: (await import("../generated/abis.ts")).rscAbi,
    functionName: "kindOf",
    args: [p.company],
  });
  const rate = kind === 3 ? rates.regionalRate : rates.rate;
  const lots: LotInfo[] = [];
  let totalOpen = 0n;
  const start = p.includeCollected ? 0n : BigInt(book.cursor);
  for (let from = start; from < BigInt(book.lotCount); from += PAGE) {
    const page = await client.publicClient.readContract({
      address,
      abi: profitAtRestAbi,
      functionName: "lotsOf",
      args: [p.company, from, PAGE],
    });
    for (const l of page) {
      totalOpen += l.open;
      lots.push({
        index: l.index,
        amount: l.amount,
        open: l.open,
        receivedAt: new Date(Number(l.at) * 1000),
        dueAt: new Date(Number(l.dueAt) * 1000),
        exempt: l.exempt,
        collected: l.collected,
        taxIfCollectedNow: l.taxIfCollectedNow,
        projectedTax: l.exempt || l.collected ? 0n : (l.open * BigInt(rate)) / 10n ** 18n,
      });
    }
  }
  return { lots, totalOpen };
}
