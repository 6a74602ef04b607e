import type { Address, Hash, Hex, TransactionReceipt } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { PeriodSchema } from "./books.ts";
import { IdSchema, parse, serviceCall, WeiSchema, writeService } from "./shared.ts";

export const COST_CATEGORIES = [
  "PropertyTax",
  "MaintenanceWages",
  "Supplies",
  "Water",
  "Garbage",
  "Administration",
] as const;

export type RecordCostParameters = {
  buildingId: bigint | number | string;
  /** The month the cost belongs to, "YYYY-MM" (not in the future). */
  period: string;
  category: (typeof COST_CATEGORIES)[number];
  /** RSC wei. */
  amount: bigint | string;
  /** The `ref` of the `ActionPerformed` that paid the cost (default: none). */
  paymentRef?: Hex;
};
export type RecordCostReturnType = { hash: Hash; receipt: TransactionReceipt };
export type RecordCostErrorType = ConductorInputError | ConductorContractError;

const Schema = z.object({
  buildingId: IdSchema,
  period: PeriodSchema,
  category: z.enum(COST_CATEGORIES),
  amount: WeiSchema.refine((v) => v > 0n, { message: "a cost is more than 0" }),
  paymentRef: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, "a ref is 0x followed by 64 hex digits")
    .default(`0x${"00".repeat(32)}`),
});

function args(params: RecordCostParameters): readonly unknown[] {
  const p = parse(Schema, params, "recordCost");
  return [p.buildingId, p.period.monthIndex, COST_CATEGORIES.indexOf(p.category), p.amount, p.paymentRef];
}

/**
 * Books a building's cost for a month (rents of the next month use it). Sent from the housing
 * company's treasury account; a Safe treasury uses {@link encodeRecordCost}.
 * @example
 * await recordCost(client, { buildingId: 1, period: "2026-11", category: "Water", amount: 400n * 10n ** 18n });
 */
export async function recordCost(client: ConductorClient, params: RecordCostParameters): Promise<RecordCostReturnType> {
  return writeService(client, "Housing", "recordCost", args(params));
}

/** The `{ to, data }` of {@link recordCost}, for the housing company's Safe. */
export function encodeRecordCost(client: ConductorClient, params: RecordCostParameters): { to: Address; data: Hex } {
  return serviceCall(client, "Housing", "recordCost", args(params));
}
