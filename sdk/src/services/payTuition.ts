import { type Hash, parseEventLogs, type TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { educationAbi } from "../generated/abis.ts";
import { IdSchema, parse, writeService } from "./shared.ts";

export type PayTuitionParameters = { programmeId: bigint | number | string };
/** RSC wei: what the student paid and what the capital pool paid. */
export type PayTuitionReturnType = { hash: Hash; receipt: TransactionReceipt; studentShare: bigint; subsidy: bigint };
export type PayTuitionErrorType = ConductorInputError | ConductorContractError;

/**
 * Pays this month's period of an enrolment: the student's share (`Purchase`) and the pool's
 * subsidy (`Subsidy`), or nothing at all if either cannot pay. Sent from the student's account.
 * @example
 * const { studentShare, subsidy } = await payTuition(client, { programmeId: 2 });
 */
export async function payTuition(client: ConductorClient, params: PayTuitionParameters): Promise<PayTuitionReturnType> {
  const programmeId = parse(IdSchema, params.programmeId, "programme id");
  const { hash, receipt } = await writeService(client, "Education", "payTuition", [programmeId]);
  const [paid] = parseEventLogs({ abi: educationAbi, eventName: "TuitionPaid", logs: receipt.logs });
  return { hash, receipt, studentShare: paid.args.studentShare, subsidy: paid.args.subsidy };
}
