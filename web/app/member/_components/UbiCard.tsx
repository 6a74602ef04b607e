"use client";

import { useWriteContract } from "wagmi";
import { capitalPoolAbi } from "../../../../sdk/src/generated/abis.ts";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { useContractAddress, useRegion } from "../../../hooks/useRegion.ts";
import { useTx } from "../../../hooks/useTx.ts";
import { useUbi } from "../../../hooks/useUbi.ts";
import { formatDate, formatRsc } from "../../../lib/format.ts";

/** Claim this period's universal basic income from the capital pool. */
export function UbiCard({ memberId, onClaimed }: { memberId: bigint; onClaimed: () => void }) {
  const region = useRegion();
  const pool = useContractAddress("CapitalPool");
  const ubi = useUbi(memberId);
  const tx = useTx();
  const { mutateAsync: writeContract } = useWriteContract();
  const now = Math.floor(Date.now() / 1000);
  const next = ubi.nextClaimAt === undefined ? undefined : Number(ubi.nextClaimAt);
  const canClaim = next !== undefined && next <= now;

  async function claim() {
    const ok = await tx.run("UBI claim", () =>
      writeContract({ address: pool, abi: capitalPoolAbi, functionName: "claimUbi", chainId: region.chainId }),
    );
    if (ok) {
      onClaimed();
      void ubi.refetch();
    }
  }

  return (
    <section className="card" aria-labelledby="ubi-title">
      <h2 id="ubi-title">Universal basic income</h2>
      <p>{ubi.amount === undefined ? "…" : formatRsc(ubi.amount)} per period, paid by the region's capital pool.</p>
      <p data-testid="ubi-next">
        {next === undefined ? "…" : canClaim ? "You can claim now." : `Next claim: ${formatDate(next)} (UTC).`}
      </p>
      <button type="button" onClick={() => void claim()} disabled={!canClaim || tx.state.status === "pending"}>
        Claim UBI
      </button>
      <TxStatus state={tx.state} />
    </section>
  );
}
