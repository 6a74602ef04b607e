"use client";

import { useId, useState } from "react";
import type { Address } from "viem";
import { useWriteContract } from "wagmi";
import { rscAbi } from "../../../../sdk/src/generated/abis.ts";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { useCompanies } from "../../../hooks/useCompanies.ts";
import { useDemoAccounts } from "../../../hooks/useDemoAccounts.ts";
import { useRecipientCheck } from "../../../hooks/useRecipientCheck.ts";
import { useContractAddress, useRegion } from "../../../hooks/useRegion.ts";
import { useTx } from "../../../hooks/useTx.ts";
import { AddressInput, firstIssue, RscAmount } from "../../../lib/forms.ts";
import { explainError } from "../../../lib/shortError.ts";

/** Pay a person. The recipient's kind is read on chain first; a non-person is refused before signing. */
export function SendForm({ from, onSent }: { from: Address; onSent: () => void }) {
  const ids = { to: useId(), amount: useId(), list: useId() };
  const region = useRegion();
  const rsc = useContractAddress("RSC");
  const checkRecipient = useRecipientCheck();
  const { mutateAsync: writeContract } = useWriteContract();
  const tx = useTx();
  const [refusal, setRefusal] = useState<string>();
  const [checking, setChecking] = useState(false);
  const companies = useCompanies().data ?? [];
  const people = (useDemoAccounts().data ?? []).filter((a) => a.role === "member" && a.address !== from);

  async function submit(form: FormData) {
    setRefusal(undefined);
    tx.reset();
    const to = AddressInput.safeParse(String(form.get("to") ?? ""));
    if (!to.success) return setRefusal(`Recipient: ${firstIssue(to.error)}`);
    const amount = RscAmount.safeParse(String(form.get("amount") ?? ""));
    if (!amount.success) return setRefusal(`Amount: ${firstIssue(amount.error)}`);
    setChecking(true);
    try {
      const check = await checkRecipient(to.data);
      if (!check.ok) return setRefusal(check.reason);
    } catch (error) {
      return setRefusal(await explainError(error));
    } finally {
      setChecking(false);
    }
    const sent = await tx.run("Payment", () =>
      writeContract({
        address: rsc,
        abi: rscAbi,
        functionName: "transfer",
        args: [to.data, amount.data],
        chainId: region.chainId,
      }),
    );
    if (sent) onSent();
  }

  const busy = checking || tx.state.status === "signing" || tx.state.status === "pending";
  return (
    <section className="card" aria-labelledby="send-title">
      <h2 id="send-title">Send to a person</h2>
      <p className="muted">RSC moves directly only between persons. To pay a company, buy through a purchase.</p>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(new FormData(event.currentTarget));
        }}
      >
        <label htmlFor={ids.to}>Recipient address</label>
        <input id={ids.to} name="to" list={ids.list} autoComplete="off" placeholder="0x…" required spellCheck={false} />
        <datalist id={ids.list}>
          {people.map((p) => (
            <option key={p.address} value={p.address}>
              {p.name}
            </option>
          ))}
          {companies.map((c) => (
            <option key={c.address} value={c.address}>
              {c.name} (company)
            </option>
          ))}
        </datalist>
        <label htmlFor={ids.amount}>Amount (RSC)</label>
        <input id={ids.amount} name="amount" inputMode="decimal" placeholder="25.00" required />
        <button type="submit" disabled={busy}>
          {checking ? "Checking recipient…" : "Send"}
        </button>
      </form>
      {refusal && (
        <p role="alert" className="error" data-testid="send-refusal">
          Not sent: {refusal}
        </p>
      )}
      <TxStatus state={tx.state} testId="send-status" />
    </section>
  );
}
