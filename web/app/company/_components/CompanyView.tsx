"use client";

import { useId, useState } from "react";
import { useConnection } from "wagmi";
import { ConnectPanel } from "../../../components/ConnectPanel.tsx";
import { EmployeesCard } from "./EmployeesCard.tsx";
import { JobsCard } from "./JobsCard.tsx";
import { ListingsCard } from "./ListingsCard.tsx";
import { LotsCard } from "./LotsCard.tsx";
import { ProposalsCard } from "./ProposalsCard.tsx";
import { PurchaseForm } from "./PurchaseForm.tsx";
import { TreasuryCard } from "./TreasuryCard.tsx";
import { useMyCompanies } from "./useMyCompanies.ts";

/** The company signer's page: pick one of your companies, then its treasury and its proposals. */
export function CompanyView() {
  const { address, status } = useConnection();
  const companies = useMyCompanies(address);
  const [picked, setPicked] = useState<string>();
  const selectId = useId();
  if (status !== "connected" || !address) {
    return status === "reconnecting" ? <p className="muted">Connecting…</p> : <ConnectPanel />;
  }
  if (companies.isPending) return <p className="muted">Looking for the companies you sign for…</p>;
  const mine = companies.data ?? [];
  if (mine.length === 0) {
    return (
      <p role="note" className="card warn">
        This account is not a signer of any company's treasury. Connect as a company signer.
      </p>
    );
  }
  const company = mine.find((c) => c.address === picked) ?? mine[0];
  return (
    <div className="grid">
      {mine.length > 1 && (
        <p>
          <label htmlFor={selectId}>Company</label>{" "}
          <select id={selectId} value={company.address} onChange={(e) => setPicked(e.target.value)}>
            {mine.map((c) => (
              <option key={c.address} value={c.address}>
                {c.name}
              </option>
            ))}
          </select>
        </p>
      )}
      <TreasuryCard company={company} />
      <ProposalsCard safe={company.address} me={address} />
      <PurchaseForm safe={company.address} />
      <ListingsCard safe={company.address} />
      <JobsCard safe={company.address} />
      <EmployeesCard safe={company.address} />
      <LotsCard safe={company.address} />
    </div>
  );
}
