import type { Address, Hash } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError, ConductorInputError } from "../errors.ts";
import { writeContract } from "../internal/writeContract.ts";
import { AddressSchema, validate } from "./schemas.ts";

export interface SuspendAccountParameters {
  account: string;
  /** Why; recorded in the `AccountSuspended` event for everyone to read. */
  reason: string;
}
export interface SuspendAccountReturnType {
  hash: Hash;
  account: Address;
}
export type SuspendAccountErrorType = ConductorInputError | ConductorContractError | ConductorError;

const Schema = z.object({
  account: AddressSchema,
  reason: z.string().trim().min(1, "give a reason for the suspension"),
});

/**
 * Registrar: suspends an account (it can neither send nor receive; a member loses her vote meanwhile).
 * @example
 * await suspendAccount(registrarClient, { account: "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc", reason: "reported lost key" });
 */
export async function suspendAccount(
  client: ConductorClient,
  params: SuspendAccountParameters,
): Promise<SuspendAccountReturnType> {
  const { account, reason } = validate(Schema, params, "suspension");
  const { hash } = await writeContract(client, {
    ...coreContracts(client).registry,
    functionName: "suspend",
    args: [account, reason],
  });
  return { hash, account };
}
