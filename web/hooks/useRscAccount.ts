import type { Address } from "viem";
import { useReadContract } from "wagmi";
import { rscAbi } from "../../sdk/src/generated/abis.ts";
import { Kind } from "../../sdk/src/generated/enums.ts";
import { useRefetchOnBlock } from "./useRefetchOnBlock.ts";
import { useContractAddress } from "./useRegion.ts";

export interface RscAccount {
  balance: bigint;
  kind: Kind;
  suspended: boolean;
  /** Person: the member id (stable across key recovery). */
  memberId: bigint;
}

/** An account's RSC word (balance, kind, suspension, member id), live: refetched on every new block. */
export function useRscAccount(address: Address | undefined) {
  const rsc = useContractAddress("RSC");
  const query = useReadContract({
    address: rsc,
    abi: rscAbi,
    functionName: "accountOf",
    args: address ? [address] : undefined,
    query: {
      enabled: address !== undefined,
      select: (a): RscAccount => ({
        balance: a.balance,
        kind: Kind[a.kind] ?? "None",
        suspended: a.suspended,
        memberId: a.tag,
      }),
    },
  });
  useRefetchOnBlock(query.refetch, address !== undefined);
  return query;
}
