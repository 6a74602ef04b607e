import type { Address } from "viem";
import { regionParametersAbi } from "../generated/abis.ts";
import { Param, Unit } from "../generated/enums.ts";
import type { Reader } from "./types.ts";

export interface GetParametersParameters {
  regionParameters: Address;
  /** First block to read history from (default: the chain's first). */
  fromBlock?: bigint;
}

/** One value a parameter took, from its {ParameterChanged} event. */
export interface ParameterChange {
  oldValue: bigint;
  newValue: bigint;
  blockNumber: bigint;
  timestamp: bigint;
  transactionHash: `0x${string}`;
}

/** A parameter today, its bounds and its full history (the initial value first). */
export interface RegionParameter {
  param: Param;
  value: bigint;
  min: bigint;
  max: bigint;
  unit: Unit;
  history: ParameterChange[];
}

export type GetParametersReturnType = RegionParameter[];
export type GetParametersErrorType = Error;

/**
 * Every regional parameter: current value, bounds, unit, and its history read from the
 * {ParameterChanged} events (with block timestamps).
 *
 * @example
 * const params = await getParameters(publicClient, { regionParameters: "0x…" });
 * params.find((p) => p.param === "SalesTaxRate")?.value; // 80000000000000000n (8 %)
 */
export async function getParameters(
  client: Reader,
  { regionParameters, fromBlock = 0n }: GetParametersParameters,
): Promise<GetParametersReturnType> {
  const address = regionParameters;
  const current = await Promise.all(
    Param.map(async (name, i) => {
      const [value, [min, max, unit]] = await Promise.all([
        client.readContract({ address, abi: regionParametersAbi, functionName: "get", args: [i] }),
        client.readContract({ address, abi: regionParametersAbi, functionName: "boundsOf", args: [i] }),
      ]);
      return { param: name, value, min, max, unit: Unit[unit] } as RegionParameter;
    }),
  );
  const events = await client.getContractEvents({
    address,
    abi: regionParametersAbi,
    eventName: "ParameterChanged",
    fromBlock,
    strict: true,
  });
  const timestamps = new Map<bigint, bigint>();
  for (const e of events) {
    if (!timestamps.has(e.blockNumber)) {
      timestamps.set(e.blockNumber, (await client.getBlock({ blockNumber: e.blockNumber })).timestamp);
    }
  }
  const byParam = new Map<number, ParameterChange[]>();
  for (const e of events) {
    const list = byParam.get(e.args.param) ?? [];
    list.push({
      oldValue: e.args.oldValue,
      newValue: e.args.newValue,
      blockNumber: e.blockNumber,
      timestamp: timestamps.get(e.blockNumber) ?? 0n,
      transactionHash: e.transactionHash,
    });
    byParam.set(e.args.param, list);
  }
  return current.map((p, i) => ({ ...p, history: byParam.get(i) ?? [] }));
}
