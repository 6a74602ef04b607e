import type { Metadata } from "next";
import { WorkerView } from "./_components/WorkerView.tsx";

export const metadata: Metadata = { title: "Worker · Conductor" };

export default function WorkerPage() {
  return (
    <>
      <h1>Worker</h1>
      <WorkerView />
    </>
  );
}
