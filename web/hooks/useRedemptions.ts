import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { usePublicClient } from "wagmi";
import { reserveAbi } from "../../sdk/src/generated/abis.ts";
import { RedemptionStatus } from "../../sdk/src/generated/enums.ts";
import { useRefetchOnBlock } from "./useRefetchOnBlock.ts";
import { useContractAddress, useRegion } from "./useRegion.ts";

export interface RedemptionRow {
  id: bigint;
  amount: bigint;
  usdAmount: bigint;
  requestedAt: number;
  status: RedemptionStatus;
}

/** A holder's redemption requests (RSC → USD), newest first, with their current status. */
export function useRedemptions(holder: Address | undefined) {
  const region = useRegion();
  const reserve = useContractAddress("Reserve");
  const publicClient = usePublicClient();
  const query = useQuery({
    queryKey: ["redemptions", region.chainId, reserve, holder],
    enabled: publicClient !== undefined && holder !== undefined,
    queryFn: async (): Promise<RedemptionRow[]> => {
      const logs = await publicClient!.getContractEvents({
        address: reserve,
        abi: reserveAbi,
        eventName: "RedemptionRequested",
        args: { holder },
        fromBlock: BigInt(region.startBlock),
      });
      const rows = await Promise.all(
        logs.map(async (log) => {
          const id = log.args.redemptionId!;
          const r = await publicClient!.readContract({
            address: reserve,
            abi: reserveAbi,
            functionName: "redemptionOf",
            args: [id],
          });
          return {
            id,
            amount: r.amount,
            usdAmount: r.usdAmount,
            requestedAt: r.requestedAt,
            status: RedemptionStatus[r.status] ?? "None",
          };
        }),
      );
      return rows.reverse();
    },
  });
  useRefetchOnBlock(query.refetch, holder !== undefined);
  return query;
}
