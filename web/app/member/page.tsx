import type { Metadata } from "next";
import { MemberView } from "./_components/MemberView.tsx";

export const metadata: Metadata = { title: "Member · Conductor" };

export default function MemberPage() {
  return (
    <>
      <h1>Member</h1>
      <MemberView />
    </>
  );
}
