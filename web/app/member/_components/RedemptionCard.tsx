"use client";

import { useId, useState } from "react";
import type { Address } from "viem";
import { useWriteContract } from "wagmi";
import { reserveAbi } from "../../../../sdk/src/generated/abis.ts";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { useRedemptions } from "../../../hooks/useRedemptions.ts";
import { useContractAddress, useRegion } from "../../../hooks/useRegion.ts";
import { useTx } from "../../../hooks/useTx.ts";
import { formatDate, formatRsc } from "../../../lib/format.ts";
import { firstIssue, RscAmount } from "../../../lib/forms.ts";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** RSC → USD: request a redemption (the RSC waits in escrow until the custodians pay out) and list mine. */
export function RedemptionCard({ holder, onRequested }: { holder: Address; onRequested: () => void }) {
  const amountId = useId();
  const region = useRegion();
  const reserve = useContractAddress("Reserve");
  const redemptions = useRedemptions(holder);
  const tx = useTx();
  const { mutateAsync: writeContract } = useWriteContract();
  const [problem, setProblem] = useState<string>();

  async function submit(form: FormData) {
    setProblem(undefined);
    const amount = RscAmount.safeParse(String(form.get("amount") ?? ""));
    if (!amount.success) return setProblem(firstIssue(amount.error));
    const ok = await tx.run("Redemption request", () =>
      writeContract({
        address: reserve,
        abi: reserveAbi,
        functionName: "requestRedemption",
        args: [amount.data],
        chainId: region.chainId,
      }),
    );
    if (ok) {
      onRequested();
      void redemptions.refetch();
    }
  }

  return (
    <section className="card wide" aria-labelledby="usd-title">
      <h2 id="usd-title">RSC ↔ USD</h2>
      <p className="muted">
        USD becomes RSC when the reserve custodians attest your deposit. To turn RSC back into USD, request a
        redemption: the RSC is held by the reserve until the custodians pay you.
      </p>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(new FormData(event.currentTarget));
        }}
      >
        <label htmlFor={amountId}>Redeem (RSC)</label>
        <input id={amountId} name="amount" inputMode="decimal" placeholder="100" required />
        <button type="submit" disabled={tx.state.status === "pending" || tx.state.status === "signing"}>
          Request redemption
        </button>
      </form>
      {problem && (
        <p role="alert" className="error">
          Amount: {problem}
        </p>
      )}
      <TxStatus state={tx.state} />
      <h3>My redemptions</h3>
      {redemptions.data?.length ? (
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Requested</th>
                <th scope="col">RSC</th>
                <th scope="col">USD</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {redemptions.data.map((r) => (
                <tr key={r.id.toString()}>
                  <td>{r.id.toString()}</td>
                  <td>{formatDate(r.requestedAt)}</td>
                  <td>{formatRsc(r.amount)}</td>
                  <td>{usd.format(Number(r.usdAmount / 10n ** 14n) / 10_000)}</td>
                  <td>{r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{redemptions.isPending ? "Loading…" : "No redemption requests yet."}</p>
      )}
    </section>
  );
}
