import { encodeFunctionData } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { loansAbi } from "../generated/abis.ts";
import {
  AddressSchema,
  addressOf,
  type ContractCall,
  parseInput,
  RscAmountSchema,
  send,
  type WriteResult,
} from "./shared.ts";

export const OfferLoanParameters = z.object({
  borrower: AddressSchema,
  principal: RscAmountSchema.refine((v) => v > 0n, { message: "a loan lends something" }),
  interest: RscAmountSchema,
  instalments: z.coerce.number().int().min(1).max(65_535),
  /** Seconds between instalments. */
  periodSeconds: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 32 - 1),
});
export type OfferLoanParameters = z.input<typeof OfferLoanParameters>;
export type OfferLoanReturnType = WriteResult;
export type OfferLoanErrorType = import("../errors.ts").ConductorError;

/** The call by which a bank (propose it from the bank's Safe) offers a loan. */
export function encodeOfferLoan(
  client: Pick<ConductorClient, "deployment">,
  params: OfferLoanParameters,
): ContractCall {
  const p = parseInput(OfferLoanParameters, params, "loan offer");
  return {
    to: addressOf(client, "Loans"),
    data: encodeFunctionData({
      abi: loansAbi,
      functionName: "offerLoan",
      args: [p.borrower, p.principal, p.interest, p.instalments, p.periodSeconds],
    }),
    value: 0n,
  };
}

/**
 * Offers a loan from the client's account (a bank's treasury).
 * @example
 * await offerLoan(client, { borrower: "0x…", principal: "5000", interest: "250", instalments: 12, periodSeconds: 2592000 });
 */
export function offerLoan(client: ConductorClient, params: OfferLoanParameters): Promise<OfferLoanReturnType> {
  return send(client, encodeOfferLoan(client, params));
}
