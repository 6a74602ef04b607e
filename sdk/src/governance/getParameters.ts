import type { ConductorClient } from "../client.ts";
import { regionParametersAbi } from "../generated/abis.ts";
import { Param, Unit } from "../generated/enums.ts";
import { governanceAddresses } from "./shared.ts";

export type GetParametersParameters = {
  /** First block to read history from (default: the deployment's start block). */
  fromBlock?: bigint;
};

/** One value a parameter took, from its {ParameterChanged} event. */
export type ParameterChange = {
  oldValue: bigint;
  newValue: bigint;
  blockNumber: bigint;
  timestamp: bigint;
  transactionHash: `0x${string}`;
};

/** A parameter today, its bounds and unit, and its full history (the initial value first). */
export type RegionParameter = {
  param: Param;
  value: bigint;
  min: bigint;
  max: bigint;
  unit: Unit;
  history: ParameterChange[];
};

export type GetParametersReturnType = RegionParameter[];
export type GetParametersErrorType = Error;

/**
 * Every regional parameter: current value, bounds, unit, and its history read from the
 * {ParameterChanged} events (with block timestamps).
 * @example
 * const params = await getParameters(client);
 * params.find((p) => p.param === "SalesTaxRate")?.value; // 80000000000000000n (8 %)
 */
export async function getParameters(
  client: ConductorClient,
  params: GetParametersParameters = {},
): Promise<GetParametersReturnType> {
  const address = governanceAddresses(client).regionParameters;
  const reader = client.publicClient;
  const current = await Promise.all(
    Param.map(async (name, i) => {
      const [value, [min, max, unit]] = await Promise.all([
        reader.readContract({ address, abi: regionParametersAbi, functionName: "get", args: [i] }),
        reader.readContract({ address, abi: regionParametersAbi, functionName: "boundsOf", args: [i] }),
      ]);
      return { param: name, value, min, max, unit: Unit[unit], history: [] as ParameterChange[] };
    }),
  );
  const events = await reader.getContractEvents({
    address,
    abi: regionParametersAbi,
    eventName: "ParameterChanged",
    fromBlock: params.fromBlock ?? BigInt(client.deployment.startBlock),
    strict: true,
  });
  const timestamps = new Map<bigint, bigint>();
  for (const e of events) {
    if (!timestamps.has(e.blockNumber)) {
      timestamps.set(e.blockNumber, (await reader.getBlock({ blockNumber: e.blockNumber })).timestamp);
    }
    current[e.args.param].history.push({
      oldValue: e.args.oldValue,
      newValue: e.args.newValue,
      blockNumber: e.blockNumber,
      timestamp: timestamps.get(e.blockNumber) ?? 0n,
      transactionHash: e.transactionHash,
    });
  }
  return current;
}
