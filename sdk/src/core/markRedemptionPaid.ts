import type { Hex, LocalAccount } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError, ConductorInputError } from "../errors.ts";
import { type SendSafeTransactionReturnType, sendSafeTransaction } from "../safe/sendSafeTransaction.ts";
import { IdSchema, ReferenceSchema, validate } from "./schemas.ts";

export interface MarkRedemptionPaidParameters {
  redemptionId: bigint | number | string;
  /** The USD payout's reference: a 32-byte hash or any text (hashed). */
  payoutRef: string;
  cosigners?: readonly LocalAccount[];
}
export type MarkRedemptionPaidReturnType = SendSafeTransactionReturnType & { redemptionId: bigint; payoutRef: Hex };
export type MarkRedemptionPaidErrorType = ConductorInputError | ConductorContractError | ConductorError;

const Schema = z.object({ redemptionId: IdSchema, payoutRef: ReferenceSchema });

/**
 * Custodians (through their Safe): the USD was paid out; the escrowed RSC is burned and the
 * attested reserves fall by the USD paid.
 * @example
 * await markRedemptionPaid(custodianA, { redemptionId: 0n, payoutRef: "wire 2026-11-30 #8", cosigners: [custodianB] });
 */
export async function markRedemptionPaid(
  client: ConductorClient,
  params: MarkRedemptionPaidParameters,
): Promise<MarkRedemptionPaidReturnType> {
  const p = validate(Schema, params, "redemption payout");
  const { reserve, custodians } = coreContracts(client);
  const result = await sendSafeTransaction(client, {
    safe: custodians.address,
    ...reserve,
    functionName: "markRedemptionPaid",
    args: [p.redemptionId, p.payoutRef],
    cosigners: params.cosigners,
  });
  return { ...result, redemptionId: p.redemptionId, payoutRef: p.payoutRef };
}
