import { z } from "zod";
import { minOf } from "../audit/rules/logs.ts";
import { LOT_RING } from "../audit/rules/lots.ts";
import type { ConductorClient } from "../client.ts";
import { kindId } from "../core/enums.ts";
import { profitAtRestAbi, rscAbi } from "../generated/abis.ts";
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
  /** The lot's date: the end of its period (none of its money arrived later). */
  datedAt: Date;
  dueAt: Date;
  /** Its exempt money (loan disbursements, USD deposits): never taxed, spent first within the lot. */
  exemptAmount: bigint;
  collected: boolean;
  /** The tax a collection would take now (0 until due). */
  taxIfCollectedNow: bigint;
  /** The open part that is taxable: `min(open, amount − exemptAmount)`. */
  taxableOpen: bigint;
  /** The tax at the cached rate if the taxable open part is still held when the lot falls due. */
  projectedTax: bigint;
}
export interface GetLotsReturnType {
  lots: LotInfo[];
  /**
   * Money still held from lots older than the ones the token keeps (its last 64): all of it
   * collected already, never taxed again.
   */
  olderOpen: bigint;
  /** Σ open parts of the lots shown, plus `olderOpen` when collected lots are included: with them, the balance. */
  totalOpen: bigint;
}

/**
 * The company's lots in FIFO order — which of its money will be taxed, and when. The token keeps
 * a company's last 64 lots (every uncollected one among them); older lots are in the events.
 * @example
 * const { lots } = await getLots(client, { company: "0x…" });
 */
export async function getLots(
  client: Pick<ConductorClient, "deployment" | "publicClient">,
  params: GetLotsParameters,
): Promise<GetLotsReturnType> {
  const p = parseInput(GetLotsParameters, params, "company");
  const address = addressOf(client, "ProfitAtRest");
  const [book, rates, kind, page] = await Promise.all([
    client.publicClient.readContract({ address, abi: profitAtRestAbi, functionName: "bookOf", args: [p.company] }),
    client.publicClient.readContract({ address, abi: profitAtRestAbi, functionName: "rates" }),
    client.publicClient.readContract({
      address: addressOf(client, "RSC"),
      abi: rscAbi,
      functionName: "kindOf",
      args: [p.company],
    }),
    // From lot 0: the contract starts at the oldest lot it keeps.
    client.publicClient.readContract({
      address,
      abi: profitAtRestAbi,
      functionName: "lotsOf",
      args: [p.company, 0n, BigInt(LOT_RING)],
    }),
  ]);
  const rate = kind === kindId("RegionalCompany") ? rates.regionalRate : rates.rate;
  const keptOpen = page.reduce((sum, l) => sum + l.open, 0n);
  const olderOpen = book.totalIn - book.totalOut - keptOpen;
  const lots: LotInfo[] = page
    .filter((l) => p.includeCollected || !l.collected)
    .map((l) => {
      const taxable = l.amount - l.exemptAmount;
      const taxableOpen = minOf(l.open, taxable);
      return {
        index: l.index,
        amount: l.amount,
        open: l.open,
        datedAt: new Date(Number(l.datedAt) * 1000),
        dueAt: new Date(Number(l.dueAt) * 1000),
        exemptAmount: l.exemptAmount,
        collected: l.collected,
        taxIfCollectedNow: l.taxIfCollectedNow,
        taxableOpen,
        projectedTax: l.collected ? 0n : (taxableOpen * BigInt(rate)) / 10n ** 18n,
      };
    });
  const shownOpen = lots.reduce((sum, l) => sum + l.open, 0n);
  return { lots, olderOpen, totalOpen: shownOpen + (p.includeCollected ? olderOpen : 0n) };
}
