import { type Hash, parseEventLogs, type TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { healthcareAbi } from "../generated/abis.ts";
import { IdSchema, parse, writeService } from "./shared.ts";

export type PayVisitParameters = { visitId: bigint | number | string };
/** RSC wei: what the patient paid and what the capital pool paid. */
export type PayVisitReturnType = { hash: Hash; receipt: TransactionReceipt; patientShare: bigint; subsidy: bigint };
export type PayVisitErrorType = ConductorInputError | ConductorContractError;

/**
 * Pays a recorded visit: the patient's share (`Purchase`) and the pool's subsidy (`Subsidy`), or
 * nothing if either cannot pay. Sent from the patient's account.
 * @example
 * const { patientShare } = await payVisit(client, { visitId: 7 });
 */
export async function payVisit(client: ConductorClient, params: PayVisitParameters): Promise<PayVisitReturnType> {
  const visitId = parse(IdSchema, params.visitId, "visit id");
  const { hash, receipt } = await writeService(client, "Healthcare", "payVisit", [visitId]);
  const [paid] = parseEventLogs({ abi: healthcareAbi, eventName: "VisitPaid", logs: receipt.logs });
  return { hash, receipt, patientShare: paid.args.patientShare, subsidy: paid.args.subsidy };
}
