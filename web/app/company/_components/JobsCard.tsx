"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { OccupationSelect } from "../../../components/OccupationSelect.tsx";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { labelOf, useOccupations } from "../../../hooks/useOccupations.ts";
import { ProposalForm } from "./ProposalForm.tsx";
import { useCompanyClient } from "./useCompanyClient.ts";
import { useProposer } from "./useProposer.ts";

/** The company's open job postings; posting and closing one are Safe proposals. */
export function JobsCard({ safe }: { safe: string }) {
  const ids = { occupation: useId(), hours: useId(), location: useId() };
  const client = useCompanyClient();
  const jobs = useQuery({
    queryKey: ["jobs", safe],
    queryFn: async () => {
      const { getJobs } = await import("../../../../sdk/src/marketplace/getJobs.ts");
      return getJobs(client(), { company: safe });
    },
  });
  const occupations = useOccupations();
  const { state, propose } = useProposer(safe, () => undefined);
  const open = (jobs.data ?? []).filter((j) => j.open);
  return (
    <section className="card" aria-labelledby="jobs-title">
      <h2 id="jobs-title">Job postings</h2>
      {jobs.isSuccess && open.length === 0 && <p className="muted">No open postings.</p>}
      <ul className="stack">
        {open.map((j) => (
          <li key={String(j.jobId)}>
            #{String(j.jobId)} {labelOf(occupations.data, j.occupationId)}, {j.hoursPerWeek} h/week at {j.location}{" "}
            <button
              type="button"
              onClick={() =>
                void propose(`Closing job #${j.jobId}`, async (c) =>
                  (await import("../../../../sdk/src/marketplace/closeJob.ts")).encodeCloseJob(c, { jobId: j.jobId }),
                )
              }
            >
              Propose closing #{String(j.jobId)}
            </button>
          </li>
        ))}
      </ul>
      <h3>New posting</h3>
      <ProposalForm
        onFields={(form) => {
          const params = {
            occupationId: Number(form.get("occupation") ?? ""),
            hoursPerWeek: Number(form.get("hours") ?? ""),
            location: String(form.get("location") ?? ""),
          };
          void propose("Job posting", async (c) =>
            (await import("../../../../sdk/src/marketplace/postJob.ts")).encodePostJob(c, params),
          );
        }}
      >
        <label htmlFor={ids.occupation}>Occupation</label>
        <OccupationSelect id={ids.occupation} />
        <label htmlFor={ids.hours}>Hours per week</label>
        <input id={ids.hours} name="hours" inputMode="numeric" required />
        <label htmlFor={ids.location}>Location</label>
        <input id={ids.location} name="location" required />
        <button type="submit">Propose posting</button>
      </ProposalForm>
      <TxStatus state={state} testId="job-status" />
    </section>
  );
}
