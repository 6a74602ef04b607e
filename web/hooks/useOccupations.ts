import { useQuery } from "@tanstack/react-query";
import { listOccupations, type Occupation, occupationLabel } from "../../sdk/src/payroll/occupations.ts";
import { formatRsc } from "../lib/format.ts";
import { useConductorClient } from "./useConductorClient.ts";
import { useRegion } from "./useRegion.ts";

/**
 * The wage schedule's occupations with their on-chain names (the SDK's `listOccupations`). Names
 * change only by governance, so the list is read once and refetched when the page regains focus.
 */
export function useOccupations() {
  const region = useRegion();
  const client = useConductorClient();
  const schedule = region.contracts.WageSchedule;
  return useQuery({
    queryKey: ["occupations", region.chainId, schedule],
    enabled: client !== undefined && schedule !== undefined,
    queryFn: () => listOccupations(client!),
  });
}

/** "Nurse (#2)" for occupation `occupationId` of `list`, or "#2" while unnamed or not yet read. */
export function labelOf(list: readonly Occupation[] | undefined, occupationId: number): string {
  return occupationLabel({ occupationId, name: list?.find((o) => o.occupationId === occupationId)?.name ?? "" });
}

/** A hiring form's option: "Nurse (#2) — 31.20 RSC/h at productivity 0.5". */
export function optionLabel(o: Occupation): string {
  return `${occupationLabel(o)} — ${formatRsc(o.hourlyWageAtHalf)}/h at productivity 0.5`;
}
