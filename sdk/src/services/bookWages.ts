import { type Hash, parseEventLogs, type TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { housingAbi } from "../generated/abis.ts";
import { IdSchema, parse, writeService } from "./shared.ts";

export type BookWagesParameters = { buildingId: bigint | number | string };
/** `booked`: RSC wei of maintenance wages booked for the building in the current month. */
export type BookWagesReturnType = { hash: Hash; receipt: TransactionReceipt; booked: bigint; entries: number };
export type BookWagesErrorType = ConductorInputError | ConductorContractError;

/**
 * Books in the current month the wages Payroll paid to a building's maintenance staff since their
 * last booking. Anyone may send it (it only records what Payroll paid); run it at each month's
 * turn so each month carries its own wages.
 * @example
 * const { booked } = await bookWages(client, { buildingId: 1 });
 */
export async function bookWages(client: ConductorClient, params: BookWagesParameters): Promise<BookWagesReturnType> {
  const buildingId = parse(IdSchema, params.buildingId, "building id");
  const { hash, receipt } = await writeService(client, "Housing", "bookWages", [buildingId]);
  const logs = parseEventLogs({ abi: housingAbi, eventName: "WagesBooked", logs: receipt.logs });
  const booked = logs.reduce((s, l) => s + (l.args.toPaid - l.args.fromPaid), 0n);
  return { hash, receipt, booked, entries: logs.length };
}
