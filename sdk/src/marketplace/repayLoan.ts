import { encodeFunctionData } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { loansAbi } from "../generated/abis.ts";
import {
  addressOf,
  type ContractCall,
  IdSchema,
  parseInput,
  RscAmountSchema,
  send,
  type WriteResult,
} from "./shared.ts";

export const RepayLoanParameters = z.object({
  loanId: IdSchema,
  amount: RscAmountSchema.refine((v) => v > 0n, { message: "repay a positive amount" }),
});
export type RepayLoanParameters = z.input<typeof RepayLoanParameters>;
export type RepayLoanReturnType = WriteResult;
export type RepayLoanErrorType = import("../errors.ts").ConductorError;

/** The call by which the borrower repays part or all of a loan. */
export function encodeRepayLoan(
  client: Pick<ConductorClient, "deployment">,
  params: RepayLoanParameters,
): ContractCall {
  const p = parseInput(RepayLoanParameters, params, "repayment");
  return {
    to: addressOf(client, "Loans"),
    data: encodeFunctionData({ abi: loansAbi, functionName: "repayLoan", args: [p.loanId, p.amount] }),
    value: 0n,
  };
}

/**
 * Repays `amount` of a loan from the client's account.
 * @example
 * await repayLoan(client, { loanId: 2, amount: "437.50" });
 */
export function repayLoan(client: ConductorClient, params: RepayLoanParameters): Promise<RepayLoanReturnType> {
  return send(client, encodeRepayLoan(client, params));
}
