import type { Metadata } from "next";
import { AuditNote } from "./_components/AuditNote.tsx";
import { BackingCard } from "./_components/BackingCard.tsx";
import { ParametersTable } from "./_components/ParametersTable.tsx";
import { PoolChart } from "./_components/PoolChart.tsx";
import { TransferExplorer } from "./_components/TransferExplorer.tsx";

export const metadata: Metadata = { title: "Public · Conductor" };

/** What anyone may check: what backs RSC, the capital pool, every movement of RSC, today's parameters. */
export default function PublicPage() {
  return (
    <>
      <h1>Public record</h1>
      <p className="muted">Everything on this page is read directly from the chain; no account is needed.</p>
      <div className="grid two">
        <BackingCard />
        <PoolChart />
        <ParametersTable />
        <TransferExplorer />
        <AuditNote />
      </div>
    </>
  );
}
