import { type Address, type Hash, type Hex, parseEventLogs, type TransactionReceipt } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { healthcareAbi } from "../generated/abis.ts";
import { AddressSchema, IdSchema, parse, serviceCall, writeService } from "./shared.ts";

export type RecordVisitParameters = { procedureId: bigint | number | string; patient: string };
export type RecordVisitReturnType = { hash: Hash; receipt: TransactionReceipt; visitId: bigint; price: bigint };
export type RecordVisitErrorType = ConductorInputError | ConductorContractError;

const Schema = z.object({ procedureId: IdSchema, patient: AddressSchema });

function args(params: RecordVisitParameters): readonly unknown[] {
  const p = parse(Schema, params, "recordVisit");
  return [p.procedureId, p.patient];
}

/**
 * Records a member's visit or procedure at today's at-cost price. Sent from the hospital's treasury
 * account; a Safe treasury uses {@link encodeRecordVisit}.
 * @example
 * const { visitId } = await recordVisit(client, { procedureId: 1, patient: "0xAlice…" });
 */
export async function recordVisit(
  client: ConductorClient,
  params: RecordVisitParameters,
): Promise<RecordVisitReturnType> {
  const { hash, receipt } = await writeService(client, "Healthcare", "recordVisit", args(params));
  const [recorded] = parseEventLogs({ abi: healthcareAbi, eventName: "VisitRecorded", logs: receipt.logs });
  return { hash, receipt, visitId: recorded.args.visitId, price: recorded.args.price };
}

/** The `{ to, data }` of {@link recordVisit}, for the hospital's Safe. */
export function encodeRecordVisit(client: ConductorClient, params: RecordVisitParameters): { to: Address; data: Hex } {
  return serviceCall(client, "Healthcare", "recordVisit", args(params));
}
