"use client";

import { useParameterHistory } from "../../../hooks/useGovernance.ts";
import { formatDate, formatParam } from "../../../lib/format.ts";

/** Today's parameters, their bounds, and every change each went through (from `ParameterChanged` events). */
export function ParameterHistory() {
  const { data, error, isPending } = useParameterHistory();
  return (
    <section className="card wide" aria-labelledby="vote-params-title">
      <h2 id="vote-params-title">Today's parameters</h2>
      {error && (
        <p role="alert" className="error">
          Could not read the parameters: {error.message}
        </p>
      )}
      {isPending ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="scroll">
          <table data-testid="vote-parameters">
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Today</th>
                <th scope="col">Bounds</th>
                <th scope="col">History</th>
              </tr>
            </thead>
            <tbody>
              {(data ?? []).map((p) => (
                <tr key={p.param} data-param={p.param}>
                  <th scope="row">{p.param}</th>
                  <td data-testid={`param-${p.param}`}>{formatParam(p.value, p.unit)}</td>
                  <td className="muted">
                    {formatParam(p.min, p.unit)} – {formatParam(p.max, p.unit)}
                  </td>
                  <td>
                    {p.history.length === 0 ? (
                      <span className="muted">unchanged since the region began</span>
                    ) : (
                      <ul className="plain">
                        {p.history.map((h) => (
                          <li key={`${h.transactionHash}-${h.newValue}`}>
                            {formatDate(h.timestamp)}: {formatParam(h.oldValue, p.unit)} →{" "}
                            {formatParam(h.newValue, p.unit)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
