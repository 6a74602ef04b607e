import { useQuery } from "@tanstack/react-query";
import { getParameters, type RegionParameter } from "../../sdk/src/governance/getParameters.ts";
import type { Proposal } from "../../sdk/src/governance/getProposal.ts";
import { getProposals } from "../../sdk/src/governance/getProposals.ts";
import { useConductorClient } from "./useConductorClient.ts";
import { useRefetchOnBlock } from "./useRefetchOnBlock.ts";
import { useRegion } from "./useRegion.ts";

/** Every parameter today, its bounds and its history (the SDK's `getParameters`), refreshed every block. */
export function useParameterHistory() {
  const region = useRegion();
  const client = useConductorClient();
  const query = useQuery({
    queryKey: ["parameter-history", region.chainId, region.contracts.RegionParameters],
    enabled: client !== undefined,
    queryFn: (): Promise<RegionParameter[]> => getParameters(client!),
  });
  useRefetchOnBlock(query.refetch, client !== undefined);
  return query;
}

/** Every proposal with its state and tally (the SDK's `getProposals`), newest first, refreshed every block. */
export function useProposals() {
  const region = useRegion();
  const client = useConductorClient();
  const enabled = client !== undefined && region.contracts.Governor !== undefined;
  const query = useQuery({
    queryKey: ["proposals", region.chainId, region.contracts.Governor],
    enabled,
    queryFn: async (): Promise<Proposal[]> => (await getProposals(client!)).reverse(),
  });
  useRefetchOnBlock(query.refetch, enabled);
  return query;
}
