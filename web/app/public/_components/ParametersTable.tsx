"use client";

import { useParameters } from "../../../hooks/useParameters.ts";
import { formatParam } from "../../../lib/format.ts";

/** Today's regional parameters with their units and the bounds governance may move them within. */
export function ParametersTable() {
  const { data, error, isPending } = useParameters();
  return (
    <section className="card" aria-labelledby="params-title">
      <h2 id="params-title">Today's parameters</h2>
      {error && (
        <p role="alert" className="error">
          Could not read the parameters: {error.message}
        </p>
      )}
      {isPending ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="scroll">
          <table data-testid="parameters">
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Value</th>
                <th scope="col">Bounds</th>
              </tr>
            </thead>
            <tbody>
              {(data ?? []).map((p) => (
                <tr key={p.param}>
                  <th scope="row">{p.param}</th>
                  <td>{formatParam(p.value, p.unit)}</td>
                  <td className="muted">
                    {formatParam(p.min, p.unit)} – {formatParam(p.max, p.unit)}
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
