import type { Metadata } from "next";
import { VoteView } from "./_components/VoteView.tsx";

export const metadata: Metadata = { title: "Vote · Conductor" };

export default function VotePage() {
  return (
    <>
      <h1>Vote</h1>
      <p className="muted">
        The region's parameters are set by its members: one member, one vote. A proposal opens for voting after the
        voting delay, passes with a majority and quorum, waits in the timelock, then anyone executes it.
      </p>
      <VoteView />
    </>
  );
}
