import { useQuery } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";
import { regionParametersAbi } from "../../sdk/src/generated/abis.ts";
import { Param, type Unit } from "../../sdk/src/generated/enums.ts";
import { unitName } from "../lib/format.ts";
import { useRefetchOnBlock } from "./useRefetchOnBlock.ts";
import { useContractAddress, useRegion } from "./useRegion.ts";

export interface ParameterRow {
  param: Param;
  value: bigint;
  min: bigint;
  max: bigint;
  unit: Unit;
}

/** Today's value of every regional parameter, with its bounds and unit (`RegionParameters.get`). */
export function useParameters() {
  const region = useRegion();
  const address = useContractAddress("RegionParameters");
  const publicClient = usePublicClient();
  const query = useQuery({
    queryKey: ["parameters", region.chainId, address],
    enabled: publicClient !== undefined,
    queryFn: () =>
      Promise.all(
        Param.map(async (param, i): Promise<ParameterRow> => {
          const [value, [min, max, unit]] = await Promise.all([
            publicClient!.readContract({ address, abi: regionParametersAbi, functionName: "get", args: [i] }),
            publicClient!.readContract({ address, abi: regionParametersAbi, functionName: "boundsOf", args: [i] }),
          ]);
          return { param, value, min, max, unit: unitName(unit) };
        }),
      ),
  });
  useRefetchOnBlock(query.refetch, publicClient !== undefined);
  return query;
}
