import type { Address, Hash } from "viem";
import type { ConductorClient } from "../client.ts";
import { type ConductorError, toConductorError } from "../errors.ts";
import { safeAbi } from "../generated/abis.ts";

export interface GetSafeApprovalsParameters {
  safe: Address;
  safeTxHash: Hash;
}
export interface GetSafeApprovalsReturnType {
  owners: Address[];
  threshold: number;
  /** Owners who approved `safeTxHash` on-chain. */
  approvedBy: Address[];
}

export type GetSafeApprovalsErrorType = ConductorError;

/**
 * Reads a Safe's owners, threshold and who has approved a transaction hash on-chain.
 * @example
 * const { approvedBy, threshold } = await getSafeApprovals(client, { safe, safeTxHash });
 */
export async function getSafeApprovals(
  client: ConductorClient,
  params: GetSafeApprovalsParameters,
): Promise<GetSafeApprovalsReturnType> {
  const safe = { address: params.safe, abi: safeAbi } as const;
  try {
    const [owners, threshold] = await Promise.all([
      client.publicClient.readContract({ ...safe, functionName: "getOwners" }),
      client.publicClient.readContract({ ...safe, functionName: "getThreshold" }),
    ]);
    const approved = await Promise.all(
      owners.map((o) =>
        client.publicClient.readContract({ ...safe, functionName: "approvedHashes", args: [o, params.safeTxHash] }),
      ),
    );
    return {
      owners: [...owners],
      threshold: Number(threshold),
      approvedBy: owners.filter((_, i) => approved[i] !== 0n),
    };
  } catch (error) {
    throw toConductorError(error);
  }
}
