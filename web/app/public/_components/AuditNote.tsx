/**
 * The audit page runs the SDK auditor (sdk/src/audit), which is not part of this build yet; this
 * section says so instead of pretending to audit.
 */
export function AuditNote() {
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit</h2>
      <p>
        Audit page: not available yet. It will run the Conductor SDK auditor (<code>sdk/src/audit</code>) in your
        browser against this chain and show its result; this build of the dashboard does not include the auditor. Until
        then, the transfer explorer above lists every movement of RSC for your own checks.
      </p>
    </section>
  );
}
