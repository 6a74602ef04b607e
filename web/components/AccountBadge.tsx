"use client";

import { useConnection, useDisconnect } from "wagmi";
import { DEMO_CONNECTOR_TYPE } from "../lib/demoConnector.ts";
import { shortAddress } from "../lib/format.ts";

/** Who is connected (demo name or address), with a way out. */
export function AccountBadge() {
  const { address, connector, status } = useConnection();
  const { mutate: disconnect } = useDisconnect();
  if (status !== "connected" || !address) return <span className="badge muted">Not connected</span>;
  const demo = connector?.type === DEMO_CONNECTOR_TYPE;
  return (
    <span className="badge">
      <span data-testid="connected-as" title={address}>
        {demo ? `${connector.name} (demo)` : shortAddress(address)}
      </span>
      <button type="button" className="link" onClick={() => disconnect()}>
        Disconnect
      </button>
    </span>
  );
}
