"use client";

import { optionLabel, useOccupations } from "../hooks/useOccupations.ts";

/**
 * A `<select name="occupation">` of the occupations that take new hires (retired ones are not
 * offered), each shown by name with the wage at productivity 0.5; the value is the occupation id.
 */
export function OccupationSelect({ id }: { id: string }) {
  const occupations = useOccupations();
  const hiring = (occupations.data ?? []).filter((o) => !o.retired);
  return (
    <>
      <select id={id} name="occupation" required defaultValue="">
        <option value="" disabled>
          {occupations.isPending ? "Reading the wage schedule…" : "Choose an occupation"}
        </option>
        {hiring.map((o) => (
          <option key={o.occupationId} value={String(o.occupationId)}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
      {occupations.isError && <p role="alert">Could not read the wage schedule: {occupations.error.message}</p>}
      {occupations.isSuccess && hiring.length === 0 && (
        <p className="muted">The wage schedule has no occupation taking new hires.</p>
      )}
    </>
  );
}
