import type { Address, Hash } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError, ConductorInputError } from "../errors.ts";
import { writeContract } from "../internal/writeContract.ts";
import { AddressSchema, validate } from "./schemas.ts";

export interface RestoreAccountParameters {
  account: string;
}
export interface RestoreAccountReturnType {
  hash: Hash;
  account: Address;
}
export type RestoreAccountErrorType = ConductorInputError | ConductorContractError | ConductorError;

const Schema = z.object({ account: AddressSchema });

/**
 * Registrar: lifts a suspension.
 * @example
 * await restoreAccount(registrarClient, { account: "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc" });
 */
export async function restoreAccount(
  client: ConductorClient,
  params: RestoreAccountParameters,
): Promise<RestoreAccountReturnType> {
  const { account } = validate(Schema, params, "restoration");
  const { hash } = await writeContract(client, {
    ...coreContracts(client).registry,
    functionName: "restore",
    args: [account],
  });
  return { hash, account };
}
