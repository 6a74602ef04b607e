import type { Hash, TransactionReceipt } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { IdSchema, parse, writeService } from "./shared.ts";

export const UNIT_TYPES = ["Apartment", "Duplex", "House"] as const;
export type UnitTypeName = (typeof UNIT_TYPES)[number];

export type JoinWaitListParameters = { buildingId: bigint | number | string; unitType: UnitTypeName };
export type JoinWaitListReturnType = { hash: Hash; receipt: TransactionReceipt };
export type JoinWaitListErrorType = ConductorInputError | ConductorContractError;

const Schema = z.object({ buildingId: IdSchema, unitType: z.enum(UNIT_TYPES) });

/**
 * Joins the FIFO wait-list of a building's units of one type. Sent from the member's account.
 * @example
 * await joinWaitList(client, { buildingId: 1, unitType: "Apartment" });
 */
export async function joinWaitList(
  client: ConductorClient,
  params: JoinWaitListParameters,
): Promise<JoinWaitListReturnType> {
  const p = parse(Schema, params, "joinWaitList");
  return writeService(client, "Housing", "joinWaitList", [p.buildingId, UNIT_TYPES.indexOf(p.unitType)]);
}
