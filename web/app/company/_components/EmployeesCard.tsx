"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { PayMode } from "../../../../sdk/src/generated/enums.ts";
import { employmentIdHex, employmentLabel } from "../../../../sdk/src/payroll/employments.ts";
import { OccupationSelect } from "../../../components/OccupationSelect.tsx";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { formatRsc, shortAddress } from "../../../lib/format.ts";
import { ProposalForm } from "./ProposalForm.tsx";
import { useCompanyClient } from "./useCompanyClient.ts";
import { useProposer } from "./useProposer.ts";

/** The company's employees and their wages; hiring is a Safe proposal like any company action. */
export function EmployeesCard({ safe }: { safe: string }) {
  const ids = { worker: useId(), occupation: useId(), productivity: useId(), mode: useId() };
  const client = useCompanyClient();
  const rows = useQuery({
    queryKey: ["payroll", safe],
    queryFn: async () => {
      const { getPayroll } = await import("../../../../sdk/src/payroll/getPayroll.ts");
      return getPayroll(client(), { company: safe });
    },
  });
  const { state, propose } = useProposer(safe, () => undefined);
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
      <h3>Hire</h3>
      <ProposalForm
        onFields={(form) => {
          const params = {
            worker: String(form.get("worker") ?? ""),
            occupationId: String(form.get("occupation") ?? ""),
            productivity: String(form.get("productivity") ?? ""),
            mode: String(form.get("mode") ?? "Shift") as PayMode,
          };
          // encodeHire checks every field (zod) before anything is proposed.
          void propose("Hiring proposal", async (c) => ({
            ...(await import("../../../../sdk/src/payroll/hire.ts")).encodeHire(c, params),
            value: 0n,
          }));
        }}
      >
        <label htmlFor={ids.worker}>Worker (a member's address)</label>
        <input id={ids.worker} name="worker" required spellCheck={false} autoComplete="off" />
        <label htmlFor={ids.occupation}>Occupation</label>
        <OccupationSelect id={ids.occupation} />
        <label htmlFor={ids.productivity}>Productivity (0 to 1, within the regional range)</label>
        <input id={ids.productivity} name="productivity" inputMode="decimal" defaultValue="0.5" required />
        <label htmlFor={ids.mode}>Pay</label>
        <select id={ids.mode} name="mode" defaultValue="Shift">
          {PayMode.map((m) => (
            <option key={m} value={m}>
              {m === "Shift" ? "by the second on shift" : "approved timesheets"}
            </option>
          ))}
        </select>
        <button type="submit">Propose hiring</button>
      </ProposalForm>
      <TxStatus state={state} testId="hire-status" />
    </section>
  );
}
