import type { Hex } from "viem";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import { type ConductorError, toConductorError } from "../errors.ts";
import { Param, Unit } from "../generated/enums.ts";
import { getBacking } from "./getBacking.ts";

export type GetStatusParameters = Record<string, never>;

export interface GetStatusReturnType {
  regionName: string;
  /** The token's ERC-20 name. */
  tokenName: string;
  chainId: number;
  blockNumber: bigint;
  /** RSC wei in circulation (escrowed redemptions included). */
  totalSupply: bigint;
  attestedReserves: { usd: bigint; asOf: number; reportHash: Hex };
  /** RSC wei that can still be minted against the attested reserves. */
  mintable: bigint;
  /**
   * RSC wei of supply the attested reserves do not back at the exchange rate (0 when backed):
   * custodians attested less than the supply, and no deposit mints until it is covered again.
   */
  shortfall: bigint;
  /** RSC wei held by the capital pool (the region's account). */
  poolBalance: bigint;
  /** Active (not suspended) members. */
  memberCount: bigint;
  redemptionCount: bigint;
  /** Every regional parameter (1e18 = 100 % for fractions; seconds; counts; RSC wei). */
  parameters: Record<Param, bigint>;
  /** The unit of each parameter: Fraction (1e18 = 100 %), Seconds, Count or RscWei. */
  units: Record<Param, Unit>;
}
export type GetStatusErrorType = ConductorError;

/**
 * Reads the region at a glance: supply, reserves, pool, members and every parameter.
 * @example
 * const status = await getStatus(client);
 * console.log(`${status.regionName}: ${formatRsc(status.totalSupply)} RSC, ${status.memberCount} members`);
 */
export async function getStatus(
  client: ConductorClient,
  _params: GetStatusParameters = {},
): Promise<GetStatusReturnType> {
  const { rsc, registry, reserve, capitalPool, parameters } = coreContracts(client);
  const read = client.publicClient;
  try {
    const blockNumber = await read.getBlockNumber({ cacheTime: 0 });
    const at = { blockNumber };
    const [tokenName, backing, poolBalance, memberCount, redemptionCount, values, bounds] = await Promise.all([
      read.readContract({ ...rsc, functionName: "name", ...at }),
      getBacking(client, blockNumber),
      read.readContract({ ...capitalPool, functionName: "balance", ...at }),
      read.readContract({ ...registry, functionName: "memberCount", ...at }),
      read.readContract({ ...reserve, functionName: "redemptionCount", ...at }),
      Promise.all(Param.map((_, i) => read.readContract({ ...parameters, functionName: "get", args: [i], ...at }))),
      Promise.all(Param.map((_, i) => read.readContract({ ...parameters, functionName: "boundsOf", args: [i] }))),
    ]);
    return {
      regionName: client.deployment.regionName,
      tokenName,
      chainId: client.chain.id,
      blockNumber,
      totalSupply: backing.totalSupply,
      attestedReserves: backing.attestedReserves,
      mintable: backing.mintable,
      shortfall: backing.shortfall,
      poolBalance,
      memberCount,
      redemptionCount,
      parameters: Object.fromEntries(Param.map((p, i) => [p, values[i]])) as Record<Param, bigint>,
      units: Object.fromEntries(Param.map((p, i) => [p, Unit[bounds[i][2]] ?? "Count"])) as Record<Param, Unit>,
    };
  } catch (error) {
    throw toConductorError(error);
  }
}
