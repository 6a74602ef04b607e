"use client";

import type { Proposal } from "../../../../sdk/src/governance/getProposal.ts";
import { useAddressNames } from "../../../hooks/useAddressNames.ts";
import { useParameterHistory, useProposals } from "../../../hooks/useGovernance.ts";
import { formatDate, formatParam, shortAddress } from "../../../lib/format.ts";
import { ProposalActions } from "./ProposalActions.tsx";

/** Every proposal, newest first: what it changes, where it stands, its tally, and what can be done next. */
export function ProposalList({ connected }: { connected: boolean }) {
  const proposals = useProposals();
  const parameters = useParameterHistory().data;
  const nameOf = useAddressNames();
  const unitOf = (param: string) => parameters?.find((p) => p.param === param)?.unit ?? "Count";
  return (
    <section className="card wide" aria-labelledby="proposals-title">
      <h2 id="proposals-title">Proposals</h2>
      {proposals.error && (
        <p role="alert" className="error">
          Could not read the proposals: {proposals.error.message}
        </p>
      )}
      {proposals.isPending ? (
        <p className="muted">Loading…</p>
      ) : proposals.data?.length === 0 ? (
        <p className="muted">No proposal yet.</p>
      ) : (
        <ol className="plain stack" data-testid="proposals">
          {proposals.data?.map((p: Proposal) => (
            <li
              key={String(p.proposalId)}
              className="proposal"
              data-testid="proposal"
              data-state={p.state}
              data-id={String(p.proposalId)}
            >
              <h3>{p.description}</h3>
              <p>
                <strong data-testid="proposal-state">{p.state}</strong> · proposed by{" "}
                {nameOf(p.proposer) ?? shortAddress(p.proposer)}
              </p>
              <ul>
                {p.changes.map((c) => (
                  <li key={c.param}>
                    {c.param} → {formatParam(c.value, unitOf(c.param))}
                  </li>
                ))}
                {p.changes.length === 0 && <li>{p.targets.length} call(s) that are not parameter changes</li>}
              </ul>
              <p data-testid="proposal-tally">
                For {String(p.votes.for)} · Against {String(p.votes.against)} · Abstain {String(p.votes.abstain)} ·
                quorum {String(p.quorum)}
              </p>
              <p className="muted">
                Voting {formatDate(p.snapshot)} – {formatDate(p.deadline)} (UTC)
                {p.eta > 0n ? `; executable from ${formatDate(p.eta)} (UTC)` : ""}
              </p>
              {connected && <ProposalActions proposal={p} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
