import { type Hash, parseEventLogs, type TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { housingAbi } from "../generated/abis.ts";
import { IdSchema, parse, writeService } from "./shared.ts";

export type PayRentParameters = { unitId: bigint | number | string };
/** `amount` in RSC wei; `month` is `year × 12 + month − 1` (UTC). */
export type PayRentReturnType = { hash: Hash; receipt: TransactionReceipt; amount: bigint; month: number };
export type PayRentErrorType = ConductorInputError | ConductorContractError;

/**
 * Pays the current month's rent of a unit (the `Rent` action, tenant → housing company). Sent from
 * the tenant's account.
 * @example
 * const { amount } = await payRent(client, { unitId: 3 });
 */
export async function payRent(client: ConductorClient, params: PayRentParameters): Promise<PayRentReturnType> {
  const unitId = parse(IdSchema, params.unitId, "unit id");
  const { hash, receipt } = await writeService(client, "Housing", "payRent", [unitId]);
  const [paid] = parseEventLogs({ abi: housingAbi, eventName: "RentPaid", logs: receipt.logs });
  return { hash, receipt, amount: paid.args.amount, month: paid.args.month };
}
