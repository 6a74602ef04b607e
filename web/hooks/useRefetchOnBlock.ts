import { useEffect } from "react";
import { useBlockNumber } from "wagmi";

/** Calls `refetch` whenever the node reports a new block (polled by wagmi's transport). */
export function useRefetchOnBlock(refetch: () => unknown, enabled = true): bigint | undefined {
  const { data: blockNumber } = useBlockNumber({ watch: enabled });
  useEffect(() => {
    if (enabled && blockNumber !== undefined) refetch();
  }, [blockNumber, enabled, refetch]);
  return blockNumber;
}
