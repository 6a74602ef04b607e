import type { Hex, LocalAccount } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError, ConductorInputError } from "../errors.ts";
import { type SendSafeTransactionReturnType, sendSafeTransaction } from "../safe/sendSafeTransaction.ts";
import { rscAmount } from "./amount.ts";
import { ReferenceSchema, TimestampSchema, validate } from "./schemas.ts";

export interface AttestReservesParameters {
  /** USD held in reserve (decimal string or 18-decimal wei). */
  usdReserves: string | bigint;
  /** The date of the bank statement: unix seconds or an ISO date (not in the future). */
  asOf: number | bigint | string;
  /** The report: its 32-byte hash, or any text (hashed). */
  report: string;
  /** Other custodians' local accounts to sign with (otherwise approvals accumulate on-chain). */
  cosigners?: readonly LocalAccount[];
}
export type AttestReservesReturnType = SendSafeTransactionReturnType & {
  usdReserves: bigint;
  asOf: number;
  reportHash: Hex;
};
export type AttestReservesErrorType = ConductorInputError | ConductorContractError | ConductorError;

const Schema = z.object({
  usdReserves: rscAmount({ allowZero: true }),
  asOf: TimestampSchema,
  report: ReferenceSchema,
});

/**
 * Custodians (through their Safe): publish the USD held in reserve; it caps what can be minted.
 * @example
 * await attestReserves(custodianA, { usdReserves: "2000000", asOf: "2026-11-29", report: "statement 2026-11", cosigners: [custodianB] });
 */
export async function attestReserves(
  client: ConductorClient,
  params: AttestReservesParameters,
): Promise<AttestReservesReturnType> {
  const p = validate(Schema, params, "reserve attestation");
  const { reserve, custodians } = coreContracts(client);
  const result = await sendSafeTransaction(client, {
    safe: custodians.address,
    ...reserve,
    functionName: "attestReserves",
    args: [p.usdReserves, p.asOf, p.report],
    cosigners: params.cosigners,
  });
  return { ...result, usdReserves: p.usdReserves, asOf: p.asOf, reportHash: p.report };
}
