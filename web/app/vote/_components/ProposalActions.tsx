"use client";

import { useWriteContract } from "wagmi";
import { regionGovernorAbi } from "../../../../sdk/src/generated/abis.ts";
import type { Proposal } from "../../../../sdk/src/governance/getProposal.ts";
import { VoteSupport } from "../../../../sdk/src/governance/shared.ts";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { useRegion } from "../../../hooks/useRegion.ts";
import { useTx } from "../../../hooks/useTx.ts";

/** Vote while the proposal is active; queue it once it has passed; execute it once the timelock allows. */
export function ProposalActions({ proposal: p }: { proposal: Proposal }) {
  const region = useRegion();
  const tx = useTx();
  const { mutateAsync: writeContract } = useWriteContract();
  const governor = region.contracts.Governor!;
  const busy = tx.state.status === "signing" || tx.state.status === "pending";
  const calls = [p.targets, p.values, p.calldatas, p.descriptionHash] as const;
  const write = (label: string, functionName: "castVote" | "queue" | "execute", args: readonly unknown[]) =>
    tx.run(label, () =>
      writeContract({
        address: governor,
        abi: regionGovernorAbi,
        functionName,
        args,
        chainId: region.chainId,
      } as never),
    );
  return (
    <div>
      <div className="row">
        {p.state === "Active" &&
          VoteSupport.map((support, i) => (
            <button
              key={support}
              type="button"
              disabled={busy}
              onClick={() => void write(`Vote ${support}`, "castVote", [p.proposalId, i])}
            >
              Vote {support}
            </button>
          ))}
        {p.state === "Succeeded" && (
          <button type="button" disabled={busy} onClick={() => void write("Queue", "queue", calls)}>
            Queue
          </button>
        )}
        {p.state === "Queued" && (
          <button type="button" disabled={busy} onClick={() => void write("Execute", "execute", calls)}>
            Execute
          </button>
        )}
      </div>
      <TxStatus state={tx.state} testId={`proposal-tx-${p.proposalId}`} />
    </div>
  );
}
