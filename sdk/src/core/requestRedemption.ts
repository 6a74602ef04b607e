import { type Hash, parseEventLogs } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError, ConductorInputError } from "../errors.ts";
import { writeContract } from "../internal/writeContract.ts";
import { rscAmount } from "./amount.ts";
import { validate } from "./schemas.ts";

export interface RequestRedemptionParameters {
  /** RSC to turn back into USD, decimal string or wei. */
  amount: string | bigint;
}
export interface RequestRedemptionReturnType {
  hash: Hash;
  redemptionId: bigint;
  /** RSC wei now in escrow at the reserve. */
  amount: bigint;
  /** USD (18 decimals) the custodians owe at today's exchange rate. */
  usdAmount: bigint;
}
export type RequestRedemptionErrorType = ConductorInputError | ConductorContractError | ConductorError;

const Schema = z.object({ amount: rscAmount() });

/**
 * Asks the custodians to pay out USD for RSC: the RSC moves into escrow at the reserve until
 * they mark the redemption paid (burned) or refund it.
 * @example
 * const { redemptionId } = await requestRedemption(client, { amount: "100" });
 */
export async function requestRedemption(
  client: ConductorClient,
  params: RequestRedemptionParameters,
): Promise<RequestRedemptionReturnType> {
  const { amount } = validate(Schema, params, "redemption request");
  const { reserve } = coreContracts(client);
  const { hash, receipt } = await writeContract(client, {
    ...reserve,
    functionName: "requestRedemption",
    args: [amount],
  });
  const [event] = parseEventLogs({ abi: reserve.abi, logs: receipt.logs, eventName: "RedemptionRequested" });
  return { hash, redemptionId: event.args.redemptionId, amount: event.args.amount, usdAmount: event.args.usdAmount };
}
