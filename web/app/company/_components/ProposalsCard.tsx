"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { useRefetchOnBlock } from "../../../hooks/useRefetchOnBlock.ts";
import { useTx } from "../../../hooks/useTx.ts";
import { shortAddress } from "../../../lib/format.ts";
import { useCompanyClient } from "./useCompanyClient.ts";

/** What waits for the company's signers, in words, with approve and execute. */
export function ProposalsCard({ safe, me }: { safe: Address; me: Address }) {
  const client = useCompanyClient();
  const tx = useTx();
  const query = useQuery({
    queryKey: ["proposals", safe],
    queryFn: async () => {
      const { listPendingProposals } = await import("../../../../sdk/src/treasury/listPendingProposals.ts");
      return listPendingProposals(client(), { safe });
    },
  });
  useRefetchOnBlock(query.refetch);
  const busy = tx.state.status === "signing" || tx.state.status === "pending";

  async function approve(safeTxHash: `0x${string}`) {
    await tx.run("Approval", async () => {
      const { approveProposal } = await import("../../../../sdk/src/treasury/approveProposal.ts");
      return (await approveProposal(client(), { safeTxHash })).hash;
    });
    void query.refetch();
  }
  async function execute(safeTxHash: `0x${string}`) {
    await tx.run("Execution", async () => {
      const { executeProposal } = await import("../../../../sdk/src/treasury/executeProposal.ts");
      return (await executeProposal(client(), { safeTxHash })).hash;
    });
    void query.refetch();
  }

  const list = query.data ?? [];
  return (
    <section className="card" aria-labelledby="proposals-title">
      <h2 id="proposals-title">Waiting for approval</h2>
      {query.isPending && <p className="muted">Reading the proposal board…</p>}
      {query.isError && <p role="alert">Could not read the proposals: {String(query.error.message)}</p>}
      {query.isSuccess && list.length === 0 && <p data-testid="no-proposals">Nothing is waiting for approval.</p>}
      <ul className="stack" data-testid="proposals">
        {list.map((p) => {
          const approvedByMe = p.approvals.some((a) => a.toLowerCase() === me.toLowerCase());
          return (
            <li key={p.safeTxHash} data-testid="proposal" className="wrap">
              <p>
                <strong>{p.description}</strong>
              </p>
              <p className="muted">
                {p.approvals.length} of {p.threshold} approvals · proposed by {shortAddress(p.proposer)} · Safe nonce{" "}
                {String(p.nonce)}
                {approvedByMe ? " · you approved" : ""}
              </p>
              {!approvedByMe && (
                <button type="button" disabled={busy} onClick={() => void approve(p.safeTxHash)}>
                  Approve
                </button>
              )}{" "}
              {p.executable && (
                <button type="button" disabled={busy} onClick={() => void execute(p.safeTxHash)}>
                  Execute
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <TxStatus state={tx.state} testId="proposal-status" />
    </section>
  );
}
