"use client";

import Link from "next/link";
import { useConnection } from "wagmi";
import { ConnectPanel } from "../../components/ConnectPanel.tsx";

/** The connect panel, or a way on once connected. */
export function HomeConnect() {
  const { status } = useConnection();
  if (status === "connected")
    return (
      <p>
        Connected. Go to <Link href="/member">your member page</Link>.
      </p>
    );
  return <ConnectPanel />;
}
