"use client";

import { useQuery } from "@tanstack/react-query";
import { formatRsc } from "../../../lib/format.ts";
import { useCompanyClient } from "./useCompanyClient.ts";

/** Profit at rest: the company's open lots, when each falls due and the tax it would then pay. */
export function LotsCard({ safe }: { safe: string }) {
  const client = useCompanyClient();
  const lots = useQuery({
    queryKey: ["lots", safe],
    queryFn: async () => {
      const { getLots } = await import("../../../../sdk/src/marketplace/getLots.ts");
      return getLots(client(), { company: safe });
    },
  });
  const open = (lots.data?.lots ?? []).filter((l) => !l.collected && l.open > 0n);
  const next = open.filter((l) => l.taxableOpen > 0n).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  return (
    <section className="card" aria-labelledby="lots-title">
      <h2 id="lots-title">Profit at rest</h2>
      {lots.isError && <p role="alert">Could not read the lots: {lots.error.message}</p>}
      {next && (
        <p data-testid="next-tax">
          Next tax: {formatRsc(next.projectedTax)} on {next.dueAt.toISOString().slice(0, 10)}
        </p>
      )}
      {lots.isSuccess && open.length === 0 && <p className="muted">No money at rest.</p>}
      {open.length > 0 && (
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Lot</th>
                <th scope="col">Open</th>
                <th scope="col">Exempt</th>
                <th scope="col">Due</th>
                <th scope="col">Tax then</th>
              </tr>
            </thead>
            <tbody>
              {open.map((l) => (
                <tr key={String(l.index)}>
                  <td>{String(l.index)}</td>
                  <td>{formatRsc(l.open)}</td>
                  <td>{l.exemptAmount > 0n ? formatRsc(l.exemptAmount) : "—"}</td>
                  <td>{l.taxableOpen === 0n ? "nothing taxable" : l.dueAt.toISOString().slice(0, 10)}</td>
                  <td>{l.taxableOpen === 0n ? "—" : formatRsc(l.projectedTax)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
