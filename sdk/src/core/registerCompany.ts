import type { Address, Hash } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError, ConductorInputError } from "../errors.ts";
import { writeContract } from "../internal/writeContract.ts";
import { AddressSchema, CompanyKindSchema, kindNumber, validate } from "./schemas.ts";

export interface RegisterCompanyParameters {
  /** The company's account, which is its treasury contract (usually a Safe); any address for an ExternalCompany. */
  treasury: string;
  kind: "Company" | "RegionalCompany" | "ExternalCompany";
  /** The industry in the region's wage schedule. */
  industryId: number | string;
  name: string;
}
export interface RegisterCompanyReturnType {
  hash: Hash;
  treasury: Address;
}
export type RegisterCompanyErrorType = ConductorInputError | ConductorContractError | ConductorError;

const Schema = z.object({
  treasury: AddressSchema,
  kind: CompanyKindSchema,
  industryId: z.coerce
    .number({ invalid_type_error: "an industry id is a whole number" })
    .int("an industry id is a whole number")
    .min(0, "an industry id must not be negative")
    .max(2 ** 32 - 1, "an industry id fits in 32 bits"),
  name: z.string().trim().min(1, "a company needs a name"),
});

/**
 * Registrar: registers a company whose account is its treasury contract.
 * @example
 * await registerCompany(registrarClient, { treasury: safeAddress, kind: "RegionalCompany", industryId: 1, name: "Northside Housing" });
 */
export async function registerCompany(
  client: ConductorClient,
  params: RegisterCompanyParameters,
): Promise<RegisterCompanyReturnType> {
  const p = validate(Schema, params, "company registration");
  const { hash } = await writeContract(client, {
    ...coreContracts(client).registry,
    functionName: "registerCompany",
    args: [p.treasury, kindNumber(p.kind), p.industryId, p.name],
  });
  return { hash, treasury: p.treasury };
}
