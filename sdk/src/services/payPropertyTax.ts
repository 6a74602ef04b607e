import { type Address, type Hash, type Hex, parseEventLogs, type TransactionReceipt } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { housingAbi } from "../generated/abis.ts";
import { IdSchema, parse, serviceCall, WeiSchema, writeService } from "./shared.ts";

export type PayPropertyTaxParameters = {
  buildingId: bigint | number | string;
  /** RSC wei, more than 0. */
  amount: bigint | string;
};
export type PayPropertyTaxReturnType = { hash: Hash; receipt: TransactionReceipt; costId: bigint; month: number };
export type PayPropertyTaxErrorType = ConductorInputError | ConductorContractError;

const Schema = z.object({
  buildingId: IdSchema,
  amount: WeiSchema.refine((v) => v > 0n, { message: "a cost is more than 0" }),
});

function args(params: PayPropertyTaxParameters): readonly unknown[] {
  const p = parse(Schema, params, "payPropertyTax");
  return [p.buildingId, p.amount];
}

/**
 * Pays a building's property tax from the housing company's treasury to the capital pool (the
 * `Rent` action) and books it as the building's cost of the current month (next month's rents
 * derive from it). Sent from the housing company's treasury account; a Safe treasury uses
 * {@link encodePayPropertyTax}.
 * @example
 * const { costId } = await payPropertyTax(client, { buildingId: 1, amount: 1000n * 10n ** 18n });
 */
export async function payPropertyTax(
  client: ConductorClient,
  params: PayPropertyTaxParameters,
): Promise<PayPropertyTaxReturnType> {
  const { hash, receipt } = await writeService(client, "Housing", "payPropertyTax", args(params));
  const [paid] = parseEventLogs({ abi: housingAbi, eventName: "BuildingCostPaid", logs: receipt.logs });
  return { hash, receipt, costId: paid.args.costId, month: paid.args.month };
}

/** The `{ to, data }` of {@link payPropertyTax}, for the housing company's Safe. */
export function encodePayPropertyTax(
  client: ConductorClient,
  params: PayPropertyTaxParameters,
): { to: Address; data: Hex } {
  return serviceCall(client, "Housing", "payPropertyTax", args(params));
}
