import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { usePublicClient } from "wagmi";
import { useContractAddress } from "./useRegion.ts";
import { useTransfers } from "./useTransfers.ts";

export interface PoolPoint {
  blockNumber: bigint;
  /** Block time, seconds. */
  time: number;
  /** The pool's balance after this block, RSC wei. */
  balance: bigint;
}

const MAX_POINTS = 300;

/** The capital pool's balance over time, from the `Transfer` logs to and from it. */
export function usePoolHistory() {
  const pool = useContractAddress("CapitalPool").toLowerCase();
  const publicClient = usePublicClient();
  const transfers = useTransfers();
  const steps = useMemo(() => {
    const byBlock = new Map<bigint, bigint>();
    for (const r of [...(transfers.data ?? [])].reverse()) {
      const delta = (r.to.toLowerCase() === pool ? r.amount : 0n) - (r.from.toLowerCase() === pool ? r.amount : 0n);
      if (delta !== 0n) byBlock.set(r.blockNumber, (byBlock.get(r.blockNumber) ?? 0n) + delta);
    }
    let balance = 0n;
    const all = [...byBlock.entries()].map(([blockNumber, delta]) => {
      balance += delta;
      return { blockNumber, balance };
    });
    return all.slice(-MAX_POINTS);
  }, [transfers.data, pool]);
  const blocksKey = steps.map((s) => s.blockNumber.toString()).join(",");
  return useQuery({
    queryKey: ["pool-history", pool, blocksKey],
    enabled: publicClient !== undefined && transfers.data !== undefined,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<PoolPoint[]> => {
      const blocks = await Promise.all(steps.map((s) => publicClient!.getBlock({ blockNumber: s.blockNumber })));
      return steps.map((s, i) => ({ ...s, time: Number(blocks[i].timestamp) }));
    },
  });
}
