import type { Address, Hash } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError, ConductorInputError } from "../errors.ts";
import { writeContract } from "../internal/writeContract.ts";
import { AddressSchema, validate } from "./schemas.ts";

export interface RecoverMemberParameters {
  /** The address whose key the member lost. */
  lost: string;
  /** Her new, unregistered address. */
  to: string;
}
export interface RecoverMemberReturnType {
  hash: Hash;
  lost: Address;
  to: Address;
}
export type RecoverMemberErrorType = ConductorInputError | ConductorContractError | ConductorError;

const Schema = z
  .object({ lost: AddressSchema, to: AddressSchema })
  .refine((p) => p.lost !== p.to, { message: "the new address must differ from the lost one", path: ["to"] });

/**
 * Registrar: moves a member who lost her key onto a new address, keeping balance, member id and vote.
 * @example
 * await recoverMember(registrarClient, { lost: oldAddress, to: newAddress });
 */
export async function recoverMember(
  client: ConductorClient,
  params: RecoverMemberParameters,
): Promise<RecoverMemberReturnType> {
  const { lost, to } = validate(Schema, params, "recovery");
  const { hash } = await writeContract(client, {
    ...coreContracts(client).registry,
    functionName: "recoverMember",
    args: [lost, to],
  });
  return { hash, lost, to };
}
