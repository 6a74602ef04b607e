import type { Address } from "viem";
import type { ConductorClient } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import { housingAbi } from "../generated/abis.ts";
import { COST_CATEGORIES, type CostCategory } from "./housingCosts.ts";
import { UNIT_TYPES, type UnitTypeName } from "./joinWaitList.ts";
import { IdSchema, parse } from "./shared.ts";

export type BuildingRentsParameters = { buildingId: bigint | number | string };

export type UnitRent = {
  unitId: bigint;
  unitType: UnitTypeName;
  /** m² */
  area: number;
  /** Zero address when vacant. */
  tenant: Address;
  marketRate: boolean;
  /** This month's rent, RSC wei (the market rent when let at market rate). */
  rent: bigint;
};

export type BuildingRents = {
  buildingId: bigint;
  name: string;
  totalArea: bigint;
  /** The current month index (`year × 12 + month − 1`, UTC) and the closed month its rents derive from. */
  month: number;
  costMonth: number;
  /** The building's costs of `costMonth`, by category (RSC wei), and their total. */
  costs: { category: CostCategory; amount: bigint }[];
  totalCosts: bigint;
  units: UnitRent[];
};

/**
 * A building's rents this month and the costs of the last closed month they derive from (each
 * cost paid from the housing company's treasury through Housing, or wages Payroll paid).
 * @example
 * const { costs, units } = await getBuildingRents(client, { buildingId: 1 });
 */
export async function getBuildingRents(
  client: ConductorClient,
  params: BuildingRentsParameters,
): Promise<BuildingRents> {
  const buildingId = parse(IdSchema, params.buildingId, "building id");
  const address = contractAddress(client.deployment, "Housing");
  const read = (functionName: string, args: readonly unknown[] = []) =>
    client.publicClient.readContract({ address, abi: housingAbi, functionName, args } as never) as Promise<unknown>;
  const b = (await read("building", [buildingId])) as { name: string; totalArea: bigint };
  const month = Number(await read("currentMonth"));
  const costMonth = month - 1;
  const costs = await Promise.all(
    COST_CATEGORIES.map(async (category, i) => ({
      category,
      amount: (await read("costOf", [buildingId, costMonth, i])) as bigint,
    })),
  );
  const unitCount = (await read("unitCount")) as bigint;
  const units: UnitRent[] = [];
  for (let unitId = 1n; unitId <= unitCount; ++unitId) {
    const u = (await read("unit", [unitId])) as {
      buildingId: bigint;
      unitType: number;
      area: number;
      tenant: Address;
      marketRate: boolean;
    };
    if (u.buildingId !== buildingId) continue;
    const rent = (await read("rentOf", [unitId, month])) as bigint;
    units.push({
      unitId,
      unitType: UNIT_TYPES[u.unitType],
      area: Number(u.area),
      tenant: u.tenant,
      marketRate: u.marketRate,
      rent,
    });
  }
  return {
    buildingId,
    name: b.name,
    totalArea: BigInt(b.totalArea),
    month,
    costMonth,
    costs: costs.filter((c) => c.amount > 0n),
    totalCosts: costs.reduce((s, c) => s + c.amount, 0n),
    units,
  };
}
