import type { Metadata } from "next";
import { AuditView } from "./_components/AuditView.tsx";

export const metadata: Metadata = { title: "Audit · Conductor" };

export default function AuditPage() {
  return (
    <>
      <h1>Audit</h1>
      <p className="muted">
        The SDK's auditor rebuilds every balance, parameter, reserve figure and UBI claim from the chain's logs alone,
        checks every movement against the region's rules, and cross-checks the contracts' own figures. Anyone can run
        it: <code>conductor audit --rpc URL</code>.
      </p>
      <AuditView />
    </>
  );
}
