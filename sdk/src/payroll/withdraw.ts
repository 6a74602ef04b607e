import { type Hash, parseEventLogs, type TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { payrollAbi } from "../generated/abis.ts";
import { IdSchema, parse, writePayroll } from "./shared.ts";

export type WithdrawParameters = { employmentId: bigint | number | string };
/** `gross`, `net` and `tax` in RSC wei (all 0 when nothing was owed or the company had nothing). */
export type WithdrawReturnType = {
  hash: Hash;
  receipt: TransactionReceipt;
  gross: bigint;
  net: bigint;
  tax: bigint;
  debt: bigint;
};
export type WithdrawErrorType = ConductorInputError | ConductorContractError;

/**
 * Settles and pays what the worker is owed: the net wage to her, the income tax to the capital pool.
 * Sent from the client's account, which must be the employment's worker.
 * @example
 * const { net, tax } = await withdraw(client, { employmentId });
 */
export async function withdraw(client: ConductorClient, params: WithdrawParameters): Promise<WithdrawReturnType> {
  const employmentId = parse(IdSchema, params.employmentId, "employment id");
  const { hash, receipt } = await writePayroll(client, "withdraw", [employmentId]);
  const [paid] = parseEventLogs({ abi: payrollAbi, eventName: "WagePaid", logs: receipt.logs });
  if (!paid) return { hash, receipt, gross: 0n, net: 0n, tax: 0n, debt: 0n };
  return { hash, receipt, gross: paid.args.gross, net: paid.args.net, tax: paid.args.tax, debt: paid.args.debt };
}
