import { type Address, getAddress, type Hash, parseAbiItem } from "viem";
import type { ConductorClient } from "../client.ts";
import { actionId } from "../core/enums.ts";
import { contractAddress } from "../deployment.ts";
import { housingAbi } from "../generated/abis.ts";

const ACTION_PERFORMED = parseAbiItem(
  "event ActionPerformed(uint8 indexed action, address indexed from, address indexed to, uint256 amount, bytes32 ref)",
);
const TRANSFER = parseAbiItem("event Transfer(address indexed from, address indexed to, uint256 value)");

/** The cost categories of a building, as `IHousing.CostCategory` numbers them. */
export const COST_CATEGORIES = [
  "PropertyTax",
  "MaintenanceWages",
  "Supplies",
  "Water",
  "Garbage",
  "Administration",
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** The housing company's costs of one category booked in the period. */
export type CostLine = { category: CostCategory; amount: bigint; entries: number };

/**
 * One booked cost and the token movements it reconciles to: for a paid cost, the `Transfer`s out
 * of the company in the same transaction with ref = the cost id; for booked wages, the `Wage` and
 * `IncomeTax` `Transfer`s of ref = the employment id since the employment's previous booking.
 */
export type CostEntry = {
  buildingId: bigint;
  category: CostCategory;
  amount: bigint;
  /** `paid`: {payPropertyTax}/{payBuildingCost} (id = cost id); `wages`: {bookWages} (id = employment id). */
  source: "paid" | "wages";
  id: bigint;
  transactionHash: Hash;
  /** The sum of the matching `Transfer`s out of the company, RSC wei. */
  transferred: bigint;
  transfers: number;
  /** `transferred == amount`, every `Transfer` paired with its `ActionPerformed` (same from, to, amount). */
  reconciles: boolean;
};

const WAGE = actionId("Wage");
const INCOME_TAX = actionId("IncomeTax");

type Positioned = { blockNumber: bigint; logIndex: number };
const before = (a: Positioned, b: Positioned) =>
  a.blockNumber < b.blockNumber || (a.blockNumber === b.blockNumber && a.logIndex < b.logIndex);

/**
 * The housing company's building costs booked for month index `month` (`year × 12 + month − 1`),
 * by category and entry by entry, each entry reconciled to the token's `Transfer` logs to the wei.
 * Empty when `company` is not the housing company or the deployment has no Housing.
 * @example
 * const { lines, entries } = await getHousingCosts(client, "0xHousingCo…", 2026 * 12 + 10, 0n);
 */
export async function getHousingCosts(
  client: ConductorClient,
  company: Address,
  month: number,
  fromBlock: bigint,
): Promise<{ lines: CostLine[]; entries: CostEntry[] }> {
  const housing = client.deployment.contracts.Housing;
  if (!housing) return { lines: [], entries: [] };
  const pc = client.publicClient;
  const current = (await pc.readContract({
    address: housing,
    abi: housingAbi,
    functionName: "housingCompany",
  })) as Address;
  if (getAddress(current) !== company) return { lines: [], entries: [] };
  const rsc = contractAddress(client.deployment, "RSC");
  const events = (eventName: "BuildingCostPaid" | "WagesBooked" | "MaintenanceAssigned", args?: object) =>
    pc.getContractEvents({ address: housing, abi: housingAbi, eventName, args, fromBlock } as never) as Promise<
      (Positioned & { args: Record<string, unknown>; transactionHash: Hash })[]
    >;
  const [paid, allWages, assigned, moves, transfers] = await Promise.all([
    events("BuildingCostPaid"),
    events("WagesBooked"),
    events("MaintenanceAssigned"),
    pc.getLogs({ address: rsc, event: ACTION_PERFORMED, args: { from: company }, fromBlock }),
    pc.getLogs({ address: rsc, event: TRANSFER, args: { from: company }, fromBlock }),
  ]);
  const transferAt = new Map(transfers.map((t) => [`${t.blockNumber}:${t.logIndex}`, t]));
  /** The `Transfer` just before an `ActionPerformed` (the token emits them as a pair), if it matches. */
  const paired = (m: (typeof moves)[number]) => {
    const t = transferAt.get(`${m.blockNumber}:${(m.logIndex ?? 0) - 1}`);
    return t !== undefined && t.args.to === m.args.to && t.args.value === m.args.amount
      ? (t.args.value as bigint)
      : -1n;
  };
  const entries: CostEntry[] = [];

  for (const log of paid.filter((l) => Number(l.args.month) === month)) {
    const costId = log.args.costId as bigint;
    const ref = `0x${costId.toString(16).padStart(64, "0")}`;
    const matched = moves.filter((m) => m.transactionHash === log.transactionHash && m.args.ref === ref);
    const amounts = matched.map(paired);
    const transferred = amounts.reduce((s, a) => s + (a < 0n ? 0n : a), 0n);
    entries.push({
      buildingId: log.args.buildingId as bigint,
      category: COST_CATEGORIES[Number(log.args.category)],
      amount: log.args.amount as bigint,
      source: "paid",
      id: costId,
      transactionHash: log.transactionHash,
      transferred,
      transfers: matched.length,
      reconciles: transferred === log.args.amount && amounts.every((a) => a >= 0n),
    });
  }

  for (const log of allWages.filter((l) => Number(l.args.month) === month)) {
    const employmentId = log.args.employmentId as bigint;
    // the employment's previous booking (or assignment): its wages since then are this entry's
    const marks = [...allWages, ...assigned].filter(
      (l) => (l.args.employmentId as bigint) === employmentId && before(l, log),
    );
    const since = marks.reduce<Positioned | undefined>((p, l) => (p === undefined || before(p, l) ? l : p), undefined);
    const ref = `0x${employmentId.toString(16).padStart(64, "0")}`;
    const matched = moves.filter(
      (m) =>
        (m.args.action === WAGE || m.args.action === INCOME_TAX) &&
        m.args.ref === ref &&
        before(m as Positioned, log) &&
        (since === undefined || before(since, m as Positioned)),
    );
    const amounts = matched.map(paired);
    const transferred = amounts.reduce((s, a) => s + (a < 0n ? 0n : a), 0n);
    const amount = (log.args.toPaid as bigint) - (log.args.fromPaid as bigint);
    entries.push({
      buildingId: log.args.buildingId as bigint,
      category: "MaintenanceWages",
      amount,
      source: "wages",
      id: employmentId,
      transactionHash: log.transactionHash,
      transferred,
      transfers: matched.length,
      reconciles: transferred === amount && amounts.every((a) => a >= 0n),
    });
  }

  const byCategory = new Map<CostCategory, CostLine>();
  for (const e of entries) {
    const line = byCategory.get(e.category) ?? { category: e.category, amount: 0n, entries: 0 };
    line.amount += e.amount;
    line.entries += 1;
    byCategory.set(e.category, line);
  }
  const lines = COST_CATEGORIES.flatMap((c) => {
    const line = byCategory.get(c);
    return line ? [line] : [];
  });
  return { lines, entries };
}
