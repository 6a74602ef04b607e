"use client";

import { useId, useState } from "react";
import type { Address } from "viem";
import { useWriteContract } from "wagmi";
import { housingAbi } from "../../../../sdk/src/generated/abis.ts";
import { UNIT_TYPES } from "../../../../sdk/src/services/joinWaitList.ts";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { useWaitLists, type WaitListPlace } from "../../../hooks/useMemberServices.ts";
import { useRegion } from "../../../hooks/useRegion.ts";
import { useTx } from "../../../hooks/useTx.ts";

/**
 * The region's housing wait-lists (first come, first served): the member's place on each, leaving
 * one, and joining one.
 */
export function WaitListsCard({ member }: { member: Address }) {
  const region = useRegion();
  const housing = region.contracts.Housing;
  const lists = useWaitLists(member);
  const tx = useTx();
  const { mutateAsync: writeContract } = useWriteContract();
  const selectId = useId();
  const [choice, setChoice] = useState("");
  if (!housing) return null;
  const mine = (lists.data ?? []).filter((l) => l.position !== undefined);
  const open = (lists.data ?? []).filter((l) => l.position === undefined);
  const busy = tx.state.status === "signing" || tx.state.status === "pending";

  /** Joins or leaves the wait-list `place` (its building and unit type). */
  const write = (verb: "Joining" | "Leaving", functionName: "joinWaitList" | "leaveWaitList", place: WaitListPlace) =>
    tx.run(`${verb} the ${place.unitType} wait-list of ${place.buildingName}`, () =>
      writeContract({
        address: housing!,
        abi: housingAbi,
        functionName,
        args: [place.buildingId, UNIT_TYPES.indexOf(place.unitType)],
        chainId: region.chainId,
      }),
    );

  async function join() {
    const place = open.find((l) => `${l.buildingId}-${l.unitType}` === choice) ?? open[0];
    if (place) await write("Joining", "joinWaitList", place);
  }

  return (
    <section className="card" aria-labelledby="waitlists-title">
      <h2 id="waitlists-title">Housing wait-lists</h2>
      {lists.isPending ? (
        <p className="muted">Loading…</p>
      ) : mine.length === 0 ? (
        <p className="muted" data-testid="waitlist-places">
          You are on no wait-list.
        </p>
      ) : (
        <ul data-testid="waitlist-places">
          {mine.map((l) => (
            <li key={`${l.buildingId}-${l.unitType}`}>
              {l.buildingName}, {l.unitType}: place {l.position} of {l.length}{" "}
              <button
                type="button"
                disabled={busy}
                aria-label={`Leave the ${l.unitType} wait-list of ${l.buildingName}`}
                onClick={() => void write("Leaving", "leaveWaitList", l)}
              >
                Leave
              </button>
            </li>
          ))}
        </ul>
      )}
      {open.length > 0 && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void join();
          }}
        >
          <label htmlFor={selectId}>Wait-list to join</label>
          <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
            {open.map((l) => (
              <option key={`${l.buildingId}-${l.unitType}`} value={`${l.buildingId}-${l.unitType}`}>
                {l.buildingName}, {l.unitType} ({l.length} waiting)
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            Join wait-list
          </button>
        </form>
      )}
      <TxStatus state={tx.state} testId="waitlist-status" />
    </section>
  );
}
