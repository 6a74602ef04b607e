import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import { type ConductorContractError, type ConductorInputError, toConductorError } from "../errors.ts";
import { regionParametersAbi, wageScheduleAbi } from "../generated/abis.ts";
import { Param } from "../generated/enums.ts";
import { FractionSchema, IdSchema, parse } from "./shared.ts";
import { wageFormula } from "./wage.ts";

export type ComputeWageParameters = {
  occupationId: bigint | number | string;
  /** A fraction in [0, 1] ("0.75" or fixed point). */
  productivity: bigint | string;
};
/** The wage a new hire gets now, RSC wei per hour, recomputed from the schedule by the SDK. */
export type ComputeWageReturnType = {
  occupationId: number;
  industryId: number;
  startingWage: bigint;
  index: bigint;
  base: bigint;
  final: bigint;
  /** What the contract computes for the same inputs (equal to `final`, or the SDK is wrong). */
  onChainFinal: bigint;
};
export type ComputeWageErrorType = ConductorInputError | ConductorContractError;

const Schema = z.object({
  occupationId: IdSchema.refine((v) => v < 2n ** 32n, { message: "an occupation id fits in 32 bits" }),
  productivity: FractionSchema,
});

/**
 * Computes an occupation's hourly wage with the seed's formula from the region's schedule and
 * STARTING_WAGE, and cross-checks it against the contract (the auditor's recomputation).
 * @example
 * const { final } = await computeWage(client, { occupationId: 3, productivity: "0.8" });
 */
export async function computeWage(
  client: ConductorClient,
  params: ComputeWageParameters,
): Promise<ComputeWageReturnType> {
  const p = parse(Schema, params, "wage query");
  const occupationId = Number(p.occupationId);
  const schedule = contractAddress(client.deployment, "WageSchedule");
  const parameters = contractAddress(client.deployment, "RegionParameters");
  try {
    const read = client.publicClient;
    const [occupation] = await read.readContract({
      address: schedule,
      abi: wageScheduleAbi,
      functionName: "occupation",
      args: [occupationId],
    });
    const industry = await read.readContract({
      address: schedule,
      abi: wageScheduleAbi,
      functionName: "industry",
      args: [occupation.industryId],
    });
    const startingWage = await read.readContract({
      address: parameters,
      abi: regionParametersAbi,
      functionName: "get",
      args: [Param.indexOf("StartingWage")],
    });
    const onChainFinal = await read.readContract({
      address: schedule,
      abi: wageScheduleAbi,
      functionName: "finalWageOf",
      args: [occupationId, p.productivity],
    });
    const w = wageFormula({
      startingWage,
      industryNeed: industry.need,
      industryWeight: occupation.industryWeight,
      skill: occupation.skill,
      need: occupation.need,
      stress: occupation.stress,
      danger: occupation.danger,
      productivity: p.productivity,
      productivityRange: occupation.productivityRange,
    });
    return { occupationId, industryId: occupation.industryId, startingWage, ...w, onChainFinal };
  } catch (error) {
    throw toConductorError(error);
  }
}
