import type { Address, Hash, TransactionReceipt } from "viem";
import { z } from "zod";
import { type ConductorClient, requireWallet } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import { ConductorInputError, toConductorError } from "../errors.ts";
import { regionGovernorAbi } from "../generated/abis.ts";

/** `IGovernor.ProposalState`, in order. */
export const ProposalState = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;
export type ProposalState = (typeof ProposalState)[number];

/** Bravo vote types, in order. */
export const VoteSupport = ["against", "for", "abstain"] as const;
export type VoteSupport = (typeof VoteSupport)[number];

/** A proposal id, from a bigint or a decimal string. */
export const ProposalIdSchema = z.coerce.bigint({ message: "a proposal id is a whole number" });

/** Validates `input` with `schema`, throwing a {@link ConductorInputError} that names each bad field. */
export function parse<T extends z.ZodTypeAny>(schema: T, input: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ConductorInputError.fromZod(parsed.error, what);
  return parsed.data;
}

/** The region's governor (deployment name "Governor") and parameters. */
export function governanceAddresses(client: ConductorClient): { governor: Address; regionParameters: Address } {
  return {
    governor: contractAddress(client.deployment, "Governor"),
    regionParameters: contractAddress(client.deployment, "RegionParameters"),
  };
}

type GovernorWrite = "propose" | "castVote" | "castVoteWithReason" | "queue" | "execute";

/**
 * Simulates a governor write from the client's account (so a refusal surfaces as a typed
 * {@link ConductorContractError} before anything is sent), sends it and waits for the receipt.
 */
export async function writeGovernor(
  client: ConductorClient,
  functionName: GovernorWrite,
  args: readonly unknown[],
): Promise<{ hash: Hash; receipt: TransactionReceipt; result: unknown }> {
  const wallet = requireWallet(client);
  try {
    const { request, result } = await client.publicClient.simulateContract({
      address: governanceAddresses(client).governor,
      abi: regionGovernorAbi,
      functionName,
      args,
      account: wallet.account,
    } as never);
    const hash = await wallet.writeContract(request as never);
    const receipt = await client.publicClient.waitForTransactionReceipt({ hash });
    return { hash, receipt, result };
  } catch (error) {
    throw toConductorError(error);
  }
}
