"use client";

import { useConnection, useReadContract } from "wagmi";
import { regionParametersAbi } from "../../../../sdk/src/generated/abis.ts";
import { ConnectPanel } from "../../../components/ConnectPanel.tsx";
import { PayStubs } from "../../../components/PayStubs.tsx";
import { useEmployments } from "../../../hooks/useEmployments.ts";
import { useContractAddress, useRegion } from "../../../hooks/useRegion.ts";
import { EmploymentCard } from "./EmploymentCard.tsx";

/** The worker's page: each employment with its live pay, shift or timesheet, withdraw; pay stubs. */
export function WorkerView() {
  const region = useRegion();
  const { address, status } = useConnection();
  const employments = useEmployments(address);
  const incomeTaxRate = useReadContract({
    address: useContractAddress("RegionParameters"),
    abi: regionParametersAbi,
    functionName: "incomeTaxRate",
  }).data;
  if (!region.contracts.Payroll) {
    return <p className="card muted">This region runs no payroll contract: there is nothing to clock in to.</p>;
  }
  if (status !== "connected" || !address) {
    return status === "reconnecting" ? <p className="muted">Connecting…</p> : <ConnectPanel />;
  }
  return (
    <div className="grid">
      {employments.error && (
        <p role="alert" className="error">
          Could not read your employments: {employments.error.message}
        </p>
      )}
      {employments.isPending && <p className="muted">Loading your employments…</p>}
      {employments.data?.length === 0 && (
        <p className="card muted" data-testid="no-employment">
          This account has no employment in the region. A company hires you from its signer page.
        </p>
      )}
      {employments.data?.map((e) => (
        <EmploymentCard key={String(e.employmentId)} employment={e} incomeTaxRate={incomeTaxRate} />
      ))}
      <PayStubs worker={address} />
    </div>
  );
}
