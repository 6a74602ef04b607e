import { formatUnits, type Hex, type LocalAccount } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import {
  type ConductorContractError,
  type ConductorError,
  type ConductorInputError,
  ConductorPreflightError,
} from "../errors.ts";
import { Param } from "../generated/enums.ts";
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
  /**
   * Record reserves that do not back the supply at the exchange rate. The chain then marks the
   * region under-backed (`ReserveShortfall`) and refuses every deposit until a later attestation
   * covers the supply. Without it such an attestation is refused before anything is sent.
   */
  acceptShortfall?: boolean;
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
 * Reserves below the supply are refused here unless `acceptShortfall` (see its note).
 * @example
 * await attestReserves(custodianA, { usdReserves: "2000000", asOf: "2026-11-29", report: "statement 2026-11", cosigners: [custodianB] });
 */
export async function attestReserves(
  client: ConductorClient,
  params: AttestReservesParameters,
): Promise<AttestReservesReturnType> {
  const p = validate(Schema, params, "reserve attestation");
  const { reserve, custodians, rsc, parameters } = coreContracts(client);
  if (!params.acceptShortfall) {
    const [supply, rate] = await Promise.all([
      client.publicClient.readContract({ ...rsc, functionName: "totalSupply" }),
      client.publicClient.readContract({ ...parameters, functionName: "get", args: [Param.indexOf("ExchangeRate")] }),
    ]);
    if ((p.usdReserves * rate) / 10n ** 18n < supply) {
      throw new ConductorPreflightError(
        "ReserveShortfall",
        { usdReserves: p.usdReserves, totalSupply: supply, exchangeRate: rate },
        `attested reserves of ${formatUnits(p.usdReserves, 18)} USD at rate ${formatUnits(rate, 18)} would not back ` +
          `the supply of ${formatUnits(supply, 18)} RSC: recording them marks the region under-backed and stops ` +
          "every deposit (pass acceptShortfall, CLI --accept-shortfall, to record them)",
      );
    }
  }
  const result = await sendSafeTransaction(client, {
    safe: custodians.address,
    ...reserve,
    functionName: "attestReserves",
    args: [p.usdReserves, p.asOf, p.report],
    cosigners: params.cosigners,
  });
  return { ...result, usdReserves: p.usdReserves, asOf: p.asOf, reportHash: p.report };
}
