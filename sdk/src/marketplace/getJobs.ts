import type { Address } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { jobBoardAbi } from "../generated/abis.ts";
import { AddressSchema, addressOf, parseInput } from "./shared.ts";

export const GetJobsParameters = z.object({
  company: AddressSchema.optional(),
  includeClosed: z.boolean().default(false),
});
export type GetJobsParameters = z.input<typeof GetJobsParameters>;

/** A job opening. The wage is the wage schedule's for `occupationId` (the SDK's wage calculator). */
export interface JobInfo {
  jobId: bigint;
  company: Address;
  occupationId: number;
  hoursPerWeek: number;
  location: string;
  open: boolean;
  postedAt: Date;
}
export type GetJobsReturnType = JobInfo[];

/**
 * The region's job openings (optionally one company's).
 * @example
 * const jobs = await getJobs(client);
 */
export async function getJobs(
  client: Pick<ConductorClient, "deployment" | "publicClient">,
  params: GetJobsParameters = {},
): Promise<GetJobsReturnType> {
  const p = parseInput(GetJobsParameters, params, "job filter");
  const address = addressOf(client, "JobBoard");
  const count = await client.publicClient.readContract({ address, abi: jobBoardAbi, functionName: "jobCount" });
  const out: JobInfo[] = [];
  for (let id = 1n; id <= count; id++) {
    const j = await client.publicClient.readContract({ address, abi: jobBoardAbi, functionName: "jobOf", args: [id] });
    if (p.company && j.company !== p.company) continue;
    if (!p.includeClosed && !j.open) continue;
    out.push({
      jobId: id,
      company: j.company,
      occupationId: j.occupationId,
      hoursPerWeek: j.hoursPerWeek,
      location: j.location,
      open: j.open,
      postedAt: new Date(Number(j.postedAt) * 1000),
    });
  }
  return out;
}
