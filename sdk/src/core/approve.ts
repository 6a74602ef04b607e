import type { Address, Hash } from "viem";
import { z } from "zod";
import { type ConductorClient, requireWallet } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError, ConductorInputError } from "../errors.ts";
import { writeContract } from "../internal/writeContract.ts";
import { rscAmount } from "./amount.ts";
import { AddressSchema, validate } from "./schemas.ts";

export interface ApproveParameters {
  /** Who may spend: the token still checks the rule on `transferFrom` (Person → Person only). */
  spender: string;
  /** The allowance, RSC decimal string or wei; zero revokes. */
  amount: string | bigint;
}
export interface ApproveReturnType {
  hash: Hash;
  owner: Address;
  spender: Address;
  amount: bigint;
}
export type ApproveErrorType = ConductorInputError | ConductorContractError | ConductorError;

const Schema = z.object({ spender: AddressSchema, amount: rscAmount({ allowZero: true }) });

/**
 * Sets how much `spender` may move from the client's account with `transferFrom`.
 * @example
 * await approve(client, { spender: "0x90F79bf6EB2c4f870365E785982E1f101E93b906", amount: "50" });
 */
export async function approve(client: ConductorClient, params: ApproveParameters): Promise<ApproveReturnType> {
  const { spender, amount } = validate(Schema, params, "approval");
  const owner = requireWallet(client).account.address;
  const { hash } = await writeContract(client, {
    ...coreContracts(client).rsc,
    functionName: "approve",
    args: [spender, amount],
  });
  return { hash, owner, spender, amount };
}
