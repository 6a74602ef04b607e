import { encodeFunctionData } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { loansAbi } from "../generated/abis.ts";
import { addressOf, type ContractCall, IdSchema, parseInput, send, type WriteResult } from "./shared.ts";

export const AcceptLoanParameters = z.object({ loanId: IdSchema });
export type AcceptLoanParameters = z.input<typeof AcceptLoanParameters>;
export type AcceptLoanReturnType = WriteResult;
export type AcceptLoanErrorType = import("../errors.ts").ConductorError;

/** The call by which the borrower accepts a loan (the principal is disbursed). */
export function encodeAcceptLoan(
  client: Pick<ConductorClient, "deployment">,
  params: AcceptLoanParameters,
): ContractCall {
  const p = parseInput(AcceptLoanParameters, params, "loan");
  return {
    to: addressOf(client, "Loans"),
    data: encodeFunctionData({ abi: loansAbi, functionName: "acceptLoan", args: [p.loanId] }),
    value: 0n,
  };
}

/**
 * Accepts a loan offered to the client's account.
 * @example
 * await acceptLoan(client, { loanId: 2 });
 */
export function acceptLoan(client: ConductorClient, params: AcceptLoanParameters): Promise<AcceptLoanReturnType> {
  return send(client, encodeAcceptLoan(client, params));
}
