import { useReadContract } from "wagmi";
import { capitalPoolAbi, regionParametersAbi } from "../../sdk/src/generated/abis.ts";
import { useRefetchOnBlock } from "./useRefetchOnBlock.ts";
import { useContractAddress } from "./useRegion.ts";

/** A member's UBI: the amount per period and when she may next claim (0: now). */
export function useUbi(memberId: bigint | undefined) {
  const pool = useContractAddress("CapitalPool");
  const parameters = useContractAddress("RegionParameters");
  const next = useReadContract({
    address: pool,
    abi: capitalPoolAbi,
    functionName: "nextUbiClaimAt",
    args: memberId !== undefined ? [memberId] : undefined,
    query: { enabled: memberId !== undefined },
  });
  const amount = useReadContract({ address: parameters, abi: regionParametersAbi, functionName: "ubiAmount" });
  useRefetchOnBlock(next.refetch, memberId !== undefined);
  return { nextClaimAt: next.data, amount: amount.data, refetch: next.refetch };
}
