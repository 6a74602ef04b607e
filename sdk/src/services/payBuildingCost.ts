import { type Address, type Hash, type Hex, parseEventLogs, type TransactionReceipt } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { housingAbi } from "../generated/abis.ts";
import { COST_CATEGORIES } from "./housingCosts.ts";
import { AddressSchema, IdSchema, parse, serviceCall, WeiSchema, writeService } from "./shared.ts";

/** What {@link payBuildingCost} buys (property tax and maintenance wages are paid otherwise). */
export const PURCHASED_COSTS = ["Supplies", "Water", "Garbage", "Administration"] as const;

export type PayBuildingCostParameters = {
  buildingId: bigint | number | string;
  category: (typeof PURCHASED_COSTS)[number];
  /** The supplier company's treasury (Company, RegionalCompany or ExternalCompany). */
  supplier: string;
  /** The net price, RSC wei, more than 0; the regional sales tax is paid on top. */
  amount: bigint | string;
};
/** `cost` is what left the treasury (net + `salesTax`), booked for the building in `month`. */
export type PayBuildingCostReturnType = {
  hash: Hash;
  receipt: TransactionReceipt;
  costId: bigint;
  month: number;
  cost: bigint;
  salesTax: bigint;
};
export type PayBuildingCostErrorType = ConductorInputError | ConductorContractError;

const Schema = z.object({
  buildingId: IdSchema,
  category: z.enum(PURCHASED_COSTS),
  supplier: AddressSchema,
  amount: WeiSchema.refine((v) => v > 0n, { message: "a cost is more than 0" }),
});

function args(params: PayBuildingCostParameters): readonly unknown[] {
  const p = parse(Schema, params, "payBuildingCost");
  return [p.buildingId, COST_CATEGORIES.indexOf(p.category), p.supplier, p.amount];
}

/**
 * Buys supplies, water, garbage collection or administration for a building from a supplier
 * company (`Purchase`, with the regional `SalesTax` on top to the capital pool) and books what left
 * the treasury as the building's cost of the current month. Sent from the housing company's
 * treasury account; a Safe treasury uses {@link encodePayBuildingCost}.
 * @example
 * await payBuildingCost(client, { buildingId: 1, category: "Water", supplier: "0xWater…", amount: 400n * 10n ** 18n });
 */
export async function payBuildingCost(
  client: ConductorClient,
  params: PayBuildingCostParameters,
): Promise<PayBuildingCostReturnType> {
  const { hash, receipt } = await writeService(client, "Housing", "payBuildingCost", args(params));
  const [paid] = parseEventLogs({ abi: housingAbi, eventName: "BuildingCostPaid", logs: receipt.logs });
  const { costId, month, amount: cost, salesTax } = paid.args;
  return { hash, receipt, costId, month, cost, salesTax };
}

/** The `{ to, data }` of {@link payBuildingCost}, for the housing company's Safe. */
export function encodePayBuildingCost(
  client: ConductorClient,
  params: PayBuildingCostParameters,
): { to: Address; data: Hex } {
  return serviceCall(client, "Housing", "payBuildingCost", args(params));
}
