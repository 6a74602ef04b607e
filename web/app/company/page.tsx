import type { Metadata } from "next";
import { CompanyView } from "./_components/CompanyView.tsx";

export const metadata: Metadata = { title: "Company · Conductor" };

export default function CompanyPage() {
  return (
    <>
      <h1>Company</h1>
      <CompanyView />
    </>
  );
}
