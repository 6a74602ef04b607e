"use client";

import { useBlock, useConnection, useReadContract, useWriteContract } from "wagmi";
import { regionGovernorAbi } from "../../../../sdk/src/generated/abis.ts";
import type { Proposal } from "../../../../sdk/src/governance/getProposal.ts";
import { VoteSupport } from "../../../../sdk/src/governance/shared.ts";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { useRefetchOnBlock } from "../../../hooks/useRefetchOnBlock.ts";
import { useRegion } from "../../../hooks/useRegion.ts";
import { useTx } from "../../../hooks/useTx.ts";
import { formatDate } from "../../../lib/format.ts";

/**
 * Vote while the proposal is active (once: a member who voted sees it instead of the buttons);
 * queue it once it has passed; execute it once the timelock allows (by the chain's clock).
 */
export function ProposalActions({ proposal: p }: { proposal: Proposal }) {
  const region = useRegion();
  const tx = useTx();
  const { mutateAsync: writeContract } = useWriteContract();
  const governor = region.contracts.Governor!;
  const { address } = useConnection();
  const voted = useReadContract({
    address: governor,
    abi: regionGovernorAbi,
    functionName: "hasVoted",
    args: [p.proposalId, address!],
    chainId: region.chainId,
    query: { enabled: p.state === "Active" && address !== undefined },
  });
  useRefetchOnBlock(voted.refetch, p.state === "Active");
  const now = useBlock({ watch: p.state === "Queued", chainId: region.chainId }).data?.timestamp;
  const executable = p.state === "Queued" && now !== undefined && p.eta <= now;
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
        {p.state === "Active" && voted.data === true && (
          <span className="muted" data-testid="proposal-voted">
            You voted on this proposal.
          </span>
        )}
        {p.state === "Active" &&
          voted.data === false &&
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
          <button
            type="button"
            disabled={busy || !executable}
            title={executable ? undefined : `the timelock allows it from ${formatDate(p.eta)} (UTC)`}
            onClick={() => void write("Execute", "execute", calls)}
          >
            Execute
          </button>
        )}
        {p.state === "Queued" && !executable && (
          <span className="muted" data-testid="proposal-waiting">
            Executable from {formatDate(p.eta)} (UTC)
          </span>
        )}
      </div>
      <TxStatus state={tx.state} testId={`proposal-tx-${p.proposalId}`} />
    </div>
  );
}
