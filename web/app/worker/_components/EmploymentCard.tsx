"use client";

import { useId, useState } from "react";
import { useWriteContract } from "wagmi";
import { z } from "zod";
import { payrollAbi } from "../../../../sdk/src/generated/abis.ts";
import { employmentIdHex, employmentLabel } from "../../../../sdk/src/payroll/employments.ts";
import { incomeTax } from "../../../../sdk/src/payroll/wage.ts";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { useAddressNames } from "../../../hooks/useAddressNames.ts";
import type { EmploymentView } from "../../../hooks/useEmployments.ts";
import { labelOf, useOccupations } from "../../../hooks/useOccupations.ts";
import { useRegion } from "../../../hooks/useRegion.ts";
import { useTx } from "../../../hooks/useTx.ts";
import { formatRsc, shortAddress } from "../../../lib/format.ts";
import { firstIssue } from "../../../lib/forms.ts";
import { LiveAccrual } from "./LiveAccrual.tsx";

/** Hours worked, as a worker types them on a timesheet: at most 24 × 31 per submission. */
const TimesheetHours = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,2})?$/, "write hours like 8 or 7.5")
  .transform(Number)
  .refine((h) => h > 0, "at least some time worked")
  .refine((h) => h <= 744, "at most 744 hours (a month) per timesheet")
  .transform((h) => Math.round(h * 3600));

type PayrollWrite = "clockIn" | "clockOut" | "withdraw" | "submitTimesheet";

/** One employment: live pay, shift or timesheet, and withdraw with the tax shown before signing. */
export function EmploymentCard({
  employment: e,
  incomeTaxRate,
}: {
  employment: EmploymentView;
  incomeTaxRate: bigint | undefined;
}) {
  const region = useRegion();
  const nameOf = useAddressNames();
  const occupations = useOccupations();
  const tx = useTx();
  const { mutateAsync: writeContract } = useWriteContract();
  const hoursId = useId();
  const [hoursError, setHoursError] = useState<string>();
  const id = e.employmentId;
  /** The full id in hex, for test ids (the id carries the company; people see `#<seq>`). */
  const key = employmentIdHex(id);
  const titleId = `employment-${key}`;
  const company = nameOf(e.company) ?? shortAddress(e.company);
  const tax = incomeTaxRate === undefined ? undefined : incomeTax(e.debt, incomeTaxRate);
  const busy = tx.state.status === "signing" || tx.state.status === "pending";

  const send = (label: string, functionName: PayrollWrite, args: readonly unknown[]) =>
    tx.run(label, () =>
      writeContract({
        address: region.contracts.Payroll!,
        abi: payrollAbi,
        functionName,
        args,
        chainId: region.chainId,
      } as never),
    );

  return (
    <section className="card" aria-labelledby={titleId} data-testid={`employment-${key}`}>
      <h2 id={titleId}>
        {company} <span className="muted">· employment {employmentLabel(id)}</span>
      </h2>
      <p>
        {formatRsc(e.hourlyWage)} an hour as{" "}
        <span data-testid={`occupation-${key}`}>{labelOf(occupations.data, e.occupationId)}</span>, paid by{" "}
        {e.mode === "Shift" ? "the shift" : "approved timesheet"}.{e.ended && " This employment has ended."}
      </p>
      <p className="muted">
        Owed to you now (gross){e.onShift ? ", accruing by the second while you are on shift" : ""}:
      </p>
      <LiveAccrual employment={e} />
      <p className="muted" data-testid={`withdraw-preview-${key}`}>
        Withdrawing now pays you{" "}
        {tax === undefined
          ? "…"
          : `${formatRsc(e.debt - tax)} net; ${formatRsc(tax)} income tax goes to the capital pool`}
        {e.onShift ? " (plus what accrues until the transaction is in a block)" : ""}.
      </p>
      <div className="row">
        {e.mode === "Shift" && !e.ended && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void (e.onShift ? send("Clock out", "clockOut", [id]) : send("Clock in", "clockIn", [id]))}
          >
            {e.onShift ? "Clock out" : "Clock in"}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void send("Withdraw", "withdraw", [id])}>
          Withdraw
        </button>
      </div>
      <p data-testid={`shift-${key}`}>
        {e.mode === "Shift"
          ? e.onShift
            ? "On shift."
            : "Off shift."
          : `Timesheet: ${(e.pendingSeconds / 3600).toFixed(2)} hours awaiting approval.`}
      </p>
      {e.mode === "Timesheet" && !e.ended && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            setHoursError(undefined);
            const hours = TimesheetHours.safeParse(String(new FormData(event.currentTarget).get("hours") ?? ""));
            if (!hours.success) return setHoursError(firstIssue(hours.error));
            void send("Timesheet", "submitTimesheet", [id, hours.data]);
          }}
        >
          <label htmlFor={hoursId}>Hours worked</label>
          <input id={hoursId} name="hours" inputMode="decimal" placeholder="8" required />
          <button type="submit" disabled={busy}>
            Submit timesheet
          </button>
          {hoursError && (
            <p role="alert" className="error">
              Not submitted: {hoursError}
            </p>
          )}
        </form>
      )}
      <TxStatus state={tx.state} testId={`tx-${key}`} />
    </section>
  );
}
