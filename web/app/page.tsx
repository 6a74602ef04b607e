import Link from "next/link";
import { HomeConnect } from "./_components/HomeConnect.tsx";

/** The front door: what this is, where to go, and how to connect. */
export default function Home() {
  return (
    <>
      <h1>Your region's economy, in the open</h1>
      <p>
        Conductor runs a regional co-op economy: RSC, a credit backed one to one by US dollars, moves between members
        under one public rule, and every regional parameter is set by the members' vote.
      </p>
      <div className="grid">
        <section className="card">
          <h2>
            <Link href="/member">Member</Link>
          </h2>
          <p>Your balance, paying another member, your UBI, turning RSC back into USD.</p>
        </section>
        <section className="card">
          <h2>
            <Link href="/public">Public record</Link>
          </h2>
          <p>The capital pool over time, every movement of RSC, today's parameters. No account needed.</p>
        </section>
      </div>
      <HomeConnect />
    </>
  );
}
