import { type Address, type Hex, type LocalAccount, parseEventLogs } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError, ConductorInputError } from "../errors.ts";
import { type SendSafeTransactionReturnType, sendSafeTransaction } from "../safe/sendSafeTransaction.ts";
import { rscAmount } from "./amount.ts";
import { AddressSchema, ReferenceSchema, validate } from "./schemas.ts";

export interface AttestDepositParameters {
  /** The bank transfer's reference: a 32-byte hash or any text (hashed); each is attested once. */
  depositRef: string;
  /** Who deposited the USD and receives the RSC. */
  depositor: string;
  /** USD deposited (decimal string or 18-decimal wei). */
  usdAmount: string | bigint;
  cosigners?: readonly LocalAccount[];
}
export type AttestDepositReturnType = SendSafeTransactionReturnType & {
  depositRef: Hex;
  depositor: Address;
  usdAmount: bigint;
  /** RSC wei minted (only once executed). */
  rscAmount: bigint | null;
};
export type AttestDepositErrorType = ConductorInputError | ConductorContractError | ConductorError;

const Schema = z.object({ depositRef: ReferenceSchema, depositor: AddressSchema, usdAmount: rscAmount() });

/**
 * Custodians (through their Safe): attest a USD deposit, minting RSC to the depositor at the
 * region's exchange rate; refused past the attested reserves.
 * @example
 * await attestDeposit(custodianA, { depositRef: "bank tx 4411", depositor: member, usdAmount: "500", cosigners: [custodianB] });
 */
export async function attestDeposit(
  client: ConductorClient,
  params: AttestDepositParameters,
): Promise<AttestDepositReturnType> {
  const p = validate(Schema, params, "deposit attestation");
  const { reserve, custodians } = coreContracts(client);
  const result = await sendSafeTransaction(client, {
    safe: custodians.address,
    ...reserve,
    functionName: "attestDeposit",
    args: [p.depositRef, p.depositor, p.usdAmount],
    cosigners: params.cosigners,
  });
  let minted: bigint | null = null;
  if (result.status === "executed") {
    const [event] = parseEventLogs({ abi: reserve.abi, logs: result.receipt.logs, eventName: "DepositAttested" });
    minted = event.args.rscAmount;
  }
  return { ...result, depositRef: p.depositRef, depositor: p.depositor, usdAmount: p.usdAmount, rscAmount: minted };
}
