import { useQuery } from "@tanstack/react-query";
import type { Address, Hash } from "viem";
import { usePublicClient } from "wagmi";
import { rscAbi } from "../../sdk/src/generated/abis.ts";
import { Action } from "../../sdk/src/generated/enums.ts";
import { useRefetchOnBlock } from "./useRefetchOnBlock.ts";
import { useContractAddress, useRegion } from "./useRegion.ts";

/** "Direct" is a person-to-person `transfer`: a `Transfer` log with no `ActionPerformed` beside it. */
export type TransferKind = Action | "Direct";

export interface TransferRow {
  key: string;
  blockNumber: bigint;
  txHash: Hash;
  kind: TransferKind;
  from: Address;
  to: Address;
  amount: bigint;
}

/**
 * Every RSC movement since the deployment, newest first. RSC emits `ActionPerformed` right after
 * the `Transfer` of each typed action (same transaction, next log index), so a `Transfer` whose
 * next log is not an `ActionPerformed` is a direct transfer.
 */
export function useTransfers() {
  const region = useRegion();
  const rsc = useContractAddress("RSC");
  const publicClient = usePublicClient();
  const query = useQuery({
    queryKey: ["transfers", region.chainId, rsc],
    enabled: publicClient !== undefined,
    queryFn: async (): Promise<TransferRow[]> => {
      const fromBlock = BigInt(region.startBlock);
      const [transfers, actions] = await Promise.all([
        publicClient!.getContractEvents({ address: rsc, abi: rscAbi, eventName: "Transfer", fromBlock }),
        publicClient!.getContractEvents({ address: rsc, abi: rscAbi, eventName: "ActionPerformed", fromBlock }),
      ]);
      const actionAt = new Map<string, Action>();
      for (const log of actions) actionAt.set(`${log.transactionHash}:${log.logIndex}`, Action[log.args.action!]);
      return transfers
        .map((log) => ({
          key: `${log.transactionHash}:${log.logIndex}`,
          blockNumber: log.blockNumber,
          txHash: log.transactionHash,
          kind: actionAt.get(`${log.transactionHash}:${log.logIndex + 1}`) ?? ("Direct" as const),
          from: log.args.from!,
          to: log.args.to!,
          amount: log.args.value!,
        }))
        .reverse();
    },
  });
  useRefetchOnBlock(query.refetch, publicClient !== undefined);
  return query;
}
