import type { Hash, TransactionReceipt } from "viem";
import type { ConductorClient } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import { type ConductorContractError, type ConductorInputError, toConductorError } from "../errors.ts";
import { payrollAbi } from "../generated/abis.ts";
import { groupWagePayments, wageMovesOf } from "./payments.ts";
import { IdSchema, parse, payrollAddress, writePayroll } from "./shared.ts";

export type WithdrawParameters = { employmentId: bigint | number | string };
/** `gross`, `net` and `tax` in RSC wei (all 0 when nothing was owed or the company had nothing);
 * `debt` what stays owed after it. */
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
 * Sent from the client's account, which must be the employment's worker. The payment is read from
 * the token's Wage and IncomeTax events in the receipt (see `groupWagePayments`), the debt left from
 * `getPayroll` at the receipt's block.
 * @example
 * const { net, tax } = await withdraw(client, { employmentId });
 */
export async function withdraw(client: ConductorClient, params: WithdrawParameters): Promise<WithdrawReturnType> {
  const employmentId = parse(IdSchema, params.employmentId, "employment id");
  const { hash, receipt } = await writePayroll(client, "withdraw", [employmentId]);
  const [paid] = groupWagePayments(
    wageMovesOf(receipt.logs, contractAddress(client.deployment, "RSC")).filter((m) => BigInt(m.ref) === employmentId),
  );
  try {
    const summary = await client.publicClient.readContract({
      address: payrollAddress(client),
      abi: payrollAbi,
      functionName: "getPayroll",
      args: [employmentId],
      blockNumber: receipt.blockNumber,
    });
    const { gross, net, tax } = paid ?? { gross: 0n, net: 0n, tax: 0n };
    return { hash, receipt, gross, net, tax, debt: summary.debt };
  } catch (error) {
    throw toConductorError(error);
  }
}
