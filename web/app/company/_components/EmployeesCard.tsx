"use client";

import { useQuery } from "@tanstack/react-query";
import { employmentIdHex, employmentLabel } from "../../../../sdk/src/payroll/employments.ts";
import { formatRsc, shortAddress } from "../../../lib/format.ts";
import { useCompanyClient } from "./useCompanyClient.ts";

/** The company's employees and their wages. */
export function EmployeesCard({ safe }: { safe: string }) {
  const client = useCompanyClient();
  const rows = useQuery({
    queryKey: ["payroll", safe],
    queryFn: async () => {
      const { getPayroll } = await import("../../../../sdk/src/payroll/getPayroll.ts");
      return getPayroll(client(), { company: safe });
    },
  });
  return (
    <section className="card" aria-labelledby="employees-title">
      <h2 id="employees-title">Employees</h2>
      {rows.isSuccess && rows.data.length === 0 && <p className="muted">No employees.</p>}
      {rows.isError && <p role="alert">Could not read the payroll: {rows.error.message}</p>}
      {rows.data && rows.data.length > 0 && (
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Employment</th>
                <th scope="col">Worker</th>
                <th scope="col">Hourly wage</th>
                <th scope="col">Paid</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((r) => (
                <tr key={String(r.employmentId)}>
                  <td title={employmentIdHex(r.employmentId)}>{employmentLabel(r.employmentId)}</td>
                  <td>{shortAddress(r.worker)}</td>
                  <td>{formatRsc(r.hourlyWage)}</td>
                  <td>{formatRsc(r.paid)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
