import Link from "next/link";

/** Points to the audit page, where the SDK auditor runs against this chain. */
export function AuditNote() {
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit</h2>
      <p>
        The <Link href="/audit">audit page</Link> runs the Conductor SDK auditor against this chain: it rebuilds every
        balance from the logs, checks every movement against the region's rules, and lists any violation (block,
        transaction, rule, expected, found).
      </p>
    </section>
  );
}
