import { encodeFunctionData } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { profitAtRestAbi } from "../generated/abis.ts";
import { AddressSchema, addressOf, type ContractCall, parseInput, send, type WriteResult } from "./shared.ts";

export const CollectProfitAtRestParameters = z.object({
  company: AddressSchema,
  maxLots: z.coerce.number().int().min(1).max(256).default(64),
});
export type CollectProfitAtRestParameters = z.input<typeof CollectProfitAtRestParameters>;
export type CollectProfitAtRestReturnType = WriteResult;
export type CollectProfitAtRestErrorType = import("../errors.ts").ConductorError;

/** The call that collects up to `maxLots` due lots of a company (anyone may send it). */
export function encodeCollectProfitAtRest(
  client: Pick<ConductorClient, "deployment">,
  params: CollectProfitAtRestParameters,
): ContractCall {
  const p = parseInput(CollectProfitAtRestParameters, params, "collection");
  return {
    to: addressOf(client, "ProfitAtRest"),
    data: encodeFunctionData({ abi: profitAtRestAbi, functionName: "collect", args: [p.company, BigInt(p.maxLots)] }),
    value: 0n,
  };
}

/**
 * Collects the profit-at-rest tax of a company's due lots into the capital pool.
 * @example
 * await collectProfitAtRest(client, { company: "0x…" });
 */
export function collectProfitAtRest(
  client: ConductorClient,
  params: CollectProfitAtRestParameters,
): Promise<CollectProfitAtRestReturnType> {
  return send(client, encodeCollectProfitAtRest(client, params));
}
