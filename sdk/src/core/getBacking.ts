import type { Hex } from "viem";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import { type ConductorError, toConductorError } from "../errors.ts";

export interface GetBackingReturnType {
  /** RSC wei in circulation (escrowed redemptions included). */
  totalSupply: bigint;
  attestedReserves: { usd: bigint; asOf: number; reportHash: Hex };
  /** RSC per USD, 1e18 = 1:1 (the regional ExchangeRate). */
  exchangeRate: bigint;
  /** RSC wei that can still be minted against the attested reserves. */
  mintable: bigint;
  /**
   * RSC wei of supply the attested reserves do not back at the exchange rate (0 when backed):
   * custodians attested less than the supply, and no deposit mints until it is covered again.
   */
  shortfall: bigint;
}
export type GetBackingErrorType = ConductorError;

/**
 * What backs RSC, read at one block (the latest unless given): supply, attested reserves,
 * exchange rate, what can still be minted, and any shortfall.
 * @example
 * const { shortfall } = await getBacking(client);
 */
export async function getBacking(
  client: Pick<ConductorClient, "deployment" | "publicClient">,
  blockNumber?: bigint,
): Promise<GetBackingReturnType> {
  const { rsc, reserve, parameters } = coreContracts(client);
  const read = client.publicClient;
  try {
    const at = { blockNumber: blockNumber ?? (await read.getBlockNumber({ cacheTime: 0 })) };
    const [totalSupply, reserves, mintable, exchangeRate] = await Promise.all([
      read.readContract({ ...rsc, functionName: "totalSupply", ...at }),
      read.readContract({ ...reserve, functionName: "attestedReserves", ...at }),
      read.readContract({ ...reserve, functionName: "mintable", ...at }),
      read.readContract({ ...parameters, functionName: "exchangeRate", ...at }),
    ]);
    const backing = (reserves[0] * exchangeRate) / 10n ** 18n;
    return {
      totalSupply,
      attestedReserves: { usd: reserves[0], asOf: reserves[1], reportHash: reserves[2] },
      exchangeRate,
      mintable,
      shortfall: totalSupply > backing ? totalSupply - backing : 0n,
    };
  } catch (error) {
    throw toConductorError(error);
  }
}
