"use client";

import { useEffect, useState } from "react";
import { employmentIdHex } from "../../../../sdk/src/payroll/employments.ts";
import type { EmploymentView } from "../../../hooks/useEmployments.ts";
import { formatRscPrecise } from "../../../lib/format.ts";

/**
 * What the employer owes now (gross), ticking by the second while on shift: the SDK's `getPayroll`
 * row (the contract's accrual view, open shift included) plus the hourly wage for the time since it was read.
 */
export function owedAt(e: EmploymentView, nowMs: number): bigint {
  if (!e.onShift || nowMs <= e.readAtMs) return e.debt;
  return e.debt + (e.hourlyWage * BigInt(Math.floor(nowMs - e.readAtMs))) / 3_600_000n;
}

export function LiveAccrual({ employment }: { employment: EmploymentView }) {
  const [now, setNow] = useState<number>();
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    if (!employment.onShift) return;
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [employment.onShift]);
  const owed = now === undefined ? employment.debt : owedAt(employment, now);
  return (
    <p className="big" data-testid={`owed-${employmentIdHex(employment.employmentId)}`} aria-live="off">
      {formatRscPrecise(owed)}
    </p>
  );
}
