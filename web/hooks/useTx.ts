import { useCallback, useState } from "react";
import type { Hash } from "viem";
import { usePublicClient } from "wagmi";
import { explainError } from "../lib/shortError.ts";

/** Where one transaction stands, as the page shows it. */
export type TxState =
  | { status: "idle" }
  | { status: "signing"; label: string }
  | { status: "pending"; label: string; hash: Hash }
  | { status: "confirmed"; label: string; hash: Hash; blockNumber: bigint }
  | { status: "failed"; label: string; message: string; hash?: Hash };

/**
 * Runs one transaction and tracks it: signing → pending (sent, waiting for a block) → confirmed
 * or failed, with the failure decoded into plain words. `send` signs and returns the hash.
 */
export function useTx() {
  const publicClient = usePublicClient();
  const [state, setState] = useState<TxState>({ status: "idle" });
  const run = useCallback(
    async (label: string, send: () => Promise<Hash>): Promise<boolean> => {
      setState({ status: "signing", label });
      let hash: Hash | undefined;
      try {
        hash = await send();
        setState({ status: "pending", label, hash });
        if (!publicClient) throw new Error("not connected to the region's node");
        const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 250 });
        if (receipt.status !== "success") {
          setState({ status: "failed", label, hash, message: "the transaction was reverted on chain" });
          return false;
        }
        setState({ status: "confirmed", label, hash, blockNumber: receipt.blockNumber });
        return true;
      } catch (error) {
        setState({ status: "failed", label, hash, message: await explainError(error) });
        return false;
      }
    },
    [publicClient],
  );
  const reset = useCallback(() => setState({ status: "idle" }), []);
  return { state, run, reset };
}
