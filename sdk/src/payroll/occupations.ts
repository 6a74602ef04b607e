import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import { ConductorInputError, toConductorError } from "../errors.ts";
import { wageScheduleAbi } from "../generated/abis.ts";
import { ONE } from "./wage.ts";

/** The productivity `hourlyWageAtHalf` is quoted at (0.5, the middle of the band). */
export const HALF = ONE / 2n;

/** One occupation of the region's wage schedule, with its industry, as {@link listOccupations} reads it. */
export type Occupation = {
  occupationId: number;
  /** Its on-chain name ("" while governance has not named it). */
  name: string;
  industryId: number;
  /** The industry's on-chain name ("" while unnamed). */
  industryName: string;
  /** Retired (itself or through its industry): it takes no new hires. */
  retired: boolean;
  /** What a new hire at productivity 0.5 earns now, RSC wei per hour (`finalWageOf(id, 0.5e18)`). */
  hourlyWageAtHalf: bigint;
};

/**
 * "Nurse (#2)", or "#2" while the occupation is unnamed.
 * @example
 * occupationLabel({ occupationId: 2, name: "Nurse" }); // "Nurse (#2)"
 */
export function occupationLabel(o: { occupationId: number | bigint; name: string }): string {
  return o.name ? `${o.name} (#${o.occupationId})` : `#${o.occupationId}`;
}

/**
 * Every occupation of the region's wage schedule, in id order, with names, industry and the wage of
 * a new hire at productivity 0.5 (read from the schedule's views).
 * @example
 * const open = (await listOccupations(client)).filter((o) => !o.retired);
 */
export async function listOccupations(client: ConductorClient): Promise<Occupation[]> {
  const address = contractAddress(client.deployment, "WageSchedule");
  const read = client.publicClient;
  const call = <T>(functionName: string, args: readonly unknown[] = []) =>
    read.readContract({ address, abi: wageScheduleAbi, functionName, args } as never) as Promise<T>;
  try {
    const [occupationCount, industryCount] = await Promise.all([
      call<number>("occupationCount"),
      call<number>("industryCount"),
    ]);
    const industryIds = Array.from({ length: Number(industryCount) }, (_, i) => i + 1);
    const industries = await Promise.all(
      industryIds.map(async (id) => {
        const [industry, name] = await Promise.all([
          call<{ retired: boolean }>("industry", [id]),
          call<string>("industryName", [id]),
        ]);
        return { retired: industry.retired, name };
      }),
    );
    const ids = Array.from({ length: Number(occupationCount) }, (_, i) => i + 1);
    return await Promise.all(
      ids.map(async (occupationId) => {
        const [[params, retired], name, hourlyWageAtHalf] = await Promise.all([
          call<readonly [{ industryId: number }, boolean]>("occupation", [occupationId]),
          call<string>("occupationName", [occupationId]),
          call<bigint>("finalWageOf", [occupationId, HALF]),
        ]);
        const industry = industries[params.industryId - 1];
        return {
          occupationId,
          name,
          industryId: params.industryId,
          industryName: industry.name,
          retired: retired || industry.retired,
          hourlyWageAtHalf,
        };
      }),
    );
  } catch (error) {
    throw toConductorError(error);
  }
}

/** An occupation given by id ("2", 2) or by exact name ("Nurse"). */
export const OccupationRefSchema = z.union([
  z.coerce
    .number()
    .int()
    .positive()
    .refine((n) => n < 2 ** 32),
  z.string().trim().min(1, "an occupation is an id or a name"),
]);

/** No occupation of the schedule has this id or exact name; nothing was sent. */
export class UnknownOccupationError extends ConductorInputError {
  override name = "UnknownOccupationError";
  constructor(
    readonly occupation: string,
    readonly known: readonly string[],
  ) {
    super(`no occupation "${occupation}" in the wage schedule (known: ${known.join(", ") || "none"})`, [
      { path: "occupation", message: "no such occupation" },
    ]);
  }
}

/**
 * The occupation an id or exact (case-sensitive) name refers to, from `occupations` (e.g.
 * {@link listOccupations}); throws {@link UnknownOccupationError} for an unknown id or name.
 * @example
 * const nurse = resolveOccupation(await listOccupations(client), "Nurse");
 */
export function resolveOccupation(occupations: readonly Occupation[], ref: string | number): Occupation {
  const parsed = OccupationRefSchema.safeParse(ref);
  if (!parsed.success) throw ConductorInputError.fromZod(parsed.error, "occupation");
  const found =
    typeof parsed.data === "number"
      ? occupations.find((o) => o.occupationId === parsed.data)
      : occupations.find((o) => o.name === parsed.data);
  if (!found) throw new UnknownOccupationError(String(ref), occupations.map(occupationLabel));
  return found;
}
