"use client";

import type { CompanyEntry } from "../../../hooks/useCompanies.ts";
import { useRscAccount } from "../../../hooks/useRscAccount.ts";
import { formatRsc } from "../../../lib/format.ts";

/** The company's name, kind and treasury balance (live). */
export function TreasuryCard({ company }: { company: CompanyEntry }) {
  const account = useRscAccount(company.address);
  return (
    <section className="card" aria-labelledby="treasury-title">
      <h2 id="treasury-title">{company.name}</h2>
      <p className="muted">{company.kind} · treasury</p>
      <p className="mono">{company.address}</p>
      <p>
        Treasury balance:{" "}
        <strong data-testid="treasury-balance">{account.data ? formatRsc(account.data.balance) : "…"}</strong>
      </p>
    </section>
  );
}
