import { encodeFunctionData } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { jobBoardAbi } from "../generated/abis.ts";
import { addressOf, type ContractCall, parseInput, send, type WriteResult } from "./shared.ts";

export const PostJobParameters = z.object({
  occupationId: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  hoursPerWeek: z.coerce.number().int().min(1, "at least 1 hour a week").max(80, "at most 80 hours a week"),
  location: z.string().min(1, "a job needs a location").max(128, "at most 128 bytes"),
});
export type PostJobParameters = z.input<typeof PostJobParameters>;
export type PostJobReturnType = WriteResult;
export type PostJobErrorType = import("../errors.ts").ConductorError;

/** The call that posts a job opening (propose it from the company's Safe). */
export function encodePostJob(client: Pick<ConductorClient, "deployment">, params: PostJobParameters): ContractCall {
  const p = parseInput(PostJobParameters, params, "job opening");
  return {
    to: addressOf(client, "JobBoard"),
    data: encodeFunctionData({
      abi: jobBoardAbi,
      functionName: "postJob",
      args: [p.occupationId, p.hoursPerWeek, p.location],
    }),
    value: 0n,
  };
}

/**
 * Posts a job opening from the client's account (the company's treasury).
 * @example
 * await postJob(client, { occupationId: 12, hoursPerWeek: 40, location: "Northside workshop" });
 */
export function postJob(client: ConductorClient, params: PostJobParameters): Promise<PostJobReturnType> {
  return send(client, encodePostJob(client, params));
}
