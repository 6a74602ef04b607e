import type { Address } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import { type ConductorError, type ConductorInputError, toConductorError } from "../errors.ts";
import { AddressSchema, validate } from "./schemas.ts";

export interface GetBalanceParameters {
  /** Whose balance; defaults to the client's account. */
  address?: string;
}
/** The balance in RSC wei (format it with `formatRsc`). */
export type GetBalanceReturnType = bigint;
export type GetBalanceErrorType = ConductorInputError | ConductorError;

const Schema = z.object({ address: AddressSchema });

/**
 * Reads an account's RSC balance.
 * @example
 * const wei = await getBalance(client, { address: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" });
 * console.log(`${formatRsc(wei)} RSC`);
 */
export async function getBalance(
  client: ConductorClient,
  params: GetBalanceParameters = {},
): Promise<GetBalanceReturnType> {
  const { address } = validate(Schema, { address: params.address ?? client.account?.address }, "balance query");
  try {
    return await client.publicClient.readContract({
      ...coreContracts(client).rsc,
      functionName: "balanceOf",
      args: [address as Address],
    });
  } catch (error) {
    throw toConductorError(error);
  }
}
