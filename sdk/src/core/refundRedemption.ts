import type { LocalAccount } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError, ConductorInputError } from "../errors.ts";
import { type SendSafeTransactionReturnType, sendSafeTransaction } from "../safe/sendSafeTransaction.ts";
import { IdSchema, validate } from "./schemas.ts";

export interface RefundRedemptionParameters {
  redemptionId: bigint | number | string;
  /** Why the USD could not be paid; recorded in the `RedemptionRefunded` event. */
  reason: string;
  cosigners?: readonly LocalAccount[];
}
export type RefundRedemptionReturnType = SendSafeTransactionReturnType & { redemptionId: bigint };
export type RefundRedemptionErrorType = ConductorInputError | ConductorContractError | ConductorError;

const Schema = z.object({ redemptionId: IdSchema, reason: z.string().trim().min(1, "give a reason for the refund") });

/**
 * Custodians (through their Safe): the USD cannot be paid; the escrowed RSC returns to the holder.
 * @example
 * await refundRedemption(custodianA, { redemptionId: 1n, reason: "bank account closed", cosigners: [custodianB] });
 */
export async function refundRedemption(
  client: ConductorClient,
  params: RefundRedemptionParameters,
): Promise<RefundRedemptionReturnType> {
  const p = validate(Schema, params, "redemption refund");
  const { reserve, custodians } = coreContracts(client);
  const result = await sendSafeTransaction(client, {
    safe: custodians.address,
    ...reserve,
    functionName: "refundRedemption",
    args: [p.redemptionId, p.reason],
    cosigners: params.cosigners,
  });
  return { ...result, redemptionId: p.redemptionId };
}
