"use client";

import { useConnection } from "wagmi";
import { ConnectPanel } from "../../../components/ConnectPanel.tsx";
import { useRegion } from "../../../hooks/useRegion.ts";
import { ParameterHistory } from "./ParameterHistory.tsx";
import { ProposalList } from "./ProposalList.tsx";
import { ProposeForm } from "./ProposeForm.tsx";

/** Today's parameters and their history (public), proposals, and — once connected — propose and vote. */
export function VoteView() {
  const region = useRegion();
  const { status } = useConnection();
  const governed = region.contracts.Governor !== undefined;
  return (
    <div className="grid">
      <ParameterHistory />
      {!governed && (
        <p className="card muted" role="note">
          This region has no governor yet: its parameters are set by its administrators until it is handed to its
          members.
        </p>
      )}
      {governed && (
        <>
          <ProposalList connected={status === "connected"} />
          {status === "connected" ? <ProposeForm /> : status !== "reconnecting" && <ConnectPanel />}
        </>
      )}
    </div>
  );
}
