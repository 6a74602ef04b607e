"use client";

import { useQuery } from "@tanstack/react-query";
import type { AuditReport } from "../../../../sdk/src/audit/report.ts";
import { formatRsc, shortAddress } from "../../../lib/format.ts";

type AuditAnswer =
  | { status: "passed" | "violations"; report: AuditReport }
  | { status: "interrupted" | "error"; error: string };

async function fetchAudit(): Promise<AuditAnswer> {
  const response = await fetch("/api/audit", { cache: "no-store" });
  const body = (await response.json()) as AuditAnswer | { error: string };
  if (!("status" in body)) throw new Error(body.error);
  return body;
}

/** Runs the auditor on the server (bounded time) and shows whether the region passes, or each violation. */
export function AuditView() {
  const audit = useQuery({
    queryKey: ["audit"],
    queryFn: fetchAudit,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const running = audit.isFetching;
  return (
    <div className="grid">
      <section className="card wide" aria-labelledby="audit-result-title" aria-busy={running}>
        <h2 id="audit-result-title">Result</h2>
        <div className="row">
          <button type="button" onClick={() => void audit.refetch()} disabled={running}>
            {running ? "Auditing…" : "Run the audit again"}
          </button>
        </div>
        <div aria-live="polite">
          {running && <p className="muted">Reading the chain and checking every rule…</p>}
          {!running && audit.error && (
            <p role="alert" className="error">
              The audit could not run: {audit.error.message}
            </p>
          )}
          {!running && audit.data && <AuditResult answer={audit.data} />}
        </div>
      </section>
    </div>
  );
}

function AuditResult({ answer }: { answer: AuditAnswer }) {
  if (!("report" in answer)) {
    return (
      <p role="alert" className="error" data-testid="audit-status">
        The audit did not finish: {answer.error}
      </p>
    );
  }
  const r = answer.report;
  return (
    <>
      {r.ok ? (
        <p className="ok" data-testid="audit-status">
          Passed: no rule is broken from block {r.fromBlock} to block {r.toBlock}.
        </p>
      ) : (
        <p role="alert" className="error" data-testid="audit-status">
          {r.violationCount} violation{r.violationCount === 1 ? "" : "s"} found from block {r.fromBlock} to block{" "}
          {r.toBlock}.
        </p>
      )}
      <p className="muted">
        {r.events} events in {r.transactions} transactions, {r.accounts} accounts; total supply{" "}
        {formatRsc(BigInt(r.totalSupply))}; {r.rules.length} rules; {(r.durationMs / 1000).toFixed(1)} s.
      </p>
      {r.violations.length > 0 && (
        <div className="scroll">
          <table data-testid="audit-violations">
            <caption>
              Violations{r.violationCount > r.violations.length ? ` (first ${r.violations.length})` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Block</th>
                <th scope="col">Transaction</th>
                <th scope="col">Rule</th>
                <th scope="col">Expected</th>
                <th scope="col">Found</th>
              </tr>
            </thead>
            <tbody>
              {r.violations.map((v) => (
                <tr key={`${v.txHash}-${v.logIndex}-${v.rule}`}>
                  <td>{v.block}</td>
                  <td>
                    <code title={v.txHash}>{shortAddress(v.txHash)}</code>
                  </td>
                  <td>{v.rule}</td>
                  <td>{v.expected}</td>
                  <td>{v.found}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details>
        <summary>The rules checked</summary>
        <ul>
          {r.rules.map((rule) => (
            <li key={rule.name}>
              <strong>{rule.name}</strong>: {rule.description}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
