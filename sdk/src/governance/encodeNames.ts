import { type Address, encodeFunctionData, type Hex } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import type { ConductorInputError } from "../errors.ts";
import { wageScheduleAbi } from "../generated/abis.ts";
import { parse } from "./shared.ts";

/** The longest name the wage schedule takes, in UTF-8 bytes (`MAX_NAME_BYTES` in IWageSchedule.sol). */
export const MAX_NAME_BYTES = 64;

const NameSchema = z
  .string()
  .min(1, "a name is not empty")
  .refine((s) => new TextEncoder().encode(s).length <= MAX_NAME_BYTES, {
    message: `a name is at most ${MAX_NAME_BYTES} bytes of UTF-8`,
  });
const Id32Schema = z.coerce
  .number({ message: "an id is a whole number" })
  .int("an id is a whole number")
  .min(1, "an id is at least 1")
  .max(2 ** 32 - 1, "an id fits in 32 bits");

export const EncodeNamesSchema = z
  .object({
    industries: z.array(z.object({ industryId: Id32Schema, name: NameSchema })).default([]),
    occupations: z.array(z.object({ occupationId: Id32Schema, name: NameSchema })).default([]),
  })
  .refine((v) => v.industries.length + v.occupations.length > 0, { message: "name at least one thing" });

export type EncodeNamesParameters = z.input<typeof EncodeNamesSchema>;
export type EncodeNamesReturnType = { targets: Address[]; values: bigint[]; calldatas: Hex[] };
export type EncodeNamesErrorType = ConductorInputError;

/**
 * The governance executor's calls that name (or rename) industries and occupations of the wage
 * schedule — `setIndustryName`/`setOccupationName`, industries first — for a Governor proposal
 * (`propose(targets, values, calldatas, description)`, alone or after the calls that add them) or
 * the council's timelock batch. Validated (zod) before encoding: the contract would refuse an empty
 * name or one over 64 bytes.
 *
 * To add a new industry or occupation with its name, propose `addNamedIndustry(need, name)` or
 * `addNamedOccupation(params, name)` instead: one call, no id to guess (ids are given at execution,
 * so naming an id a pending proposal will create could land on another one).
 * @example
 * const { targets, values, calldatas } = encodeNames(client, {
 *   occupations: [{ occupationId: 2, name: "Nurse" }],
 * });
 */
export function encodeNames(client: ConductorClient, params: EncodeNamesParameters): EncodeNamesReturnType {
  const { industries, occupations } = parse(EncodeNamesSchema, params, "names");
  const schedule = contractAddress(client.deployment, "WageSchedule");
  const calldatas: Hex[] = [
    ...industries.map((i) =>
      encodeFunctionData({ abi: wageScheduleAbi, functionName: "setIndustryName", args: [i.industryId, i.name] }),
    ),
    ...occupations.map((o) =>
      encodeFunctionData({ abi: wageScheduleAbi, functionName: "setOccupationName", args: [o.occupationId, o.name] }),
    ),
  ];
  return { targets: calldatas.map(() => schedule), values: calldatas.map(() => 0n), calldatas };
}
