import type { Account, Address, Chain, PublicClient, Transport, WalletClient } from "viem";
import { regionGovernorAbi, regionParametersAbi, timelockControllerAbi } from "../generated/abis.ts";

/** The addresses the governance actions need. */
export interface GovernanceAddresses {
  governor: Address;
  regionParameters: Address;
}

export type Reader = PublicClient<Transport, Chain | undefined>;
export type Writer = WalletClient<Transport, Chain | undefined, Account>;

/** The governor's ABI with the errors of the contracts it calls, so reverts decode by name. */
export const governorCallAbi = [
  ...regionGovernorAbi,
  ...regionParametersAbi.filter((i) => i.type === "error" && i.name.startsWith("RegionParameters")),
  ...timelockControllerAbi.filter((i) => i.type === "error" && i.name.startsWith("Timelock")),
] as const;

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
