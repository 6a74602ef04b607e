"use client";

import type { Address } from "viem";
import { employmentLabel } from "../../sdk/src/payroll/employments.ts";
import { useAddressNames } from "../hooks/useAddressNames.ts";
import { usePayStubs } from "../hooks/useEmployments.ts";
import { useRegion } from "../hooks/useRegion.ts";
import { formatDate, formatRsc, shortAddress } from "../lib/format.ts";

/** A worker's pay stubs (gross, income tax withheld, net), from the token's Wage and IncomeTax moves of her employments. */
export function PayStubs({ worker }: { worker: Address }) {
  const region = useRegion();
  const stubs = usePayStubs(worker);
  const nameOf = useAddressNames();
  if (!region.contracts.Payroll) return null;
  return (
    <section className="card" aria-labelledby="stubs-title">
      <h2 id="stubs-title">Pay stubs</h2>
      {stubs.error && (
        <p role="alert" className="error">
          Could not read pay stubs: {stubs.error.message}
        </p>
      )}
      {stubs.isPending ? (
        <p className="muted">Loading…</p>
      ) : stubs.data?.length === 0 ? (
        <p className="muted">No wage paid to this account yet.</p>
      ) : (
        <div className="scroll">
          <table data-testid="paystubs">
            <thead>
              <tr>
                <th scope="col">Paid</th>
                <th scope="col">Employer</th>
                <th scope="col">Gross</th>
                <th scope="col">Income tax</th>
                <th scope="col">Net</th>
              </tr>
            </thead>
            <tbody>
              {stubs.data?.map((s) => (
                <tr key={`${s.transactionHash}-${s.logIndex}`}>
                  <td>{formatDate(s.timestamp)}</td>
                  <td>
                    {nameOf(s.company) ?? shortAddress(s.company)}{" "}
                    <span className="muted">{employmentLabel(s.employmentId)}</span>
                  </td>
                  <td>{formatRsc(s.gross)}</td>
                  <td>{formatRsc(s.tax)}</td>
                  <td>{formatRsc(s.net)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
