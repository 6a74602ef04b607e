"use client";

import { useConnect, useConnectors } from "wagmi";
import { useRegion } from "../hooks/useRegion.ts";
import { DEMO_CONNECTOR_TYPE } from "../lib/demoConnector.ts";
import { shortError } from "../lib/shortError.ts";
import { DemoPicker } from "./DemoPicker.tsx";

/** Connect: any injected EIP-1193 wallet; on the local demo chain also the demo-account picker. */
export function ConnectPanel() {
  const region = useRegion();
  const connectors = useConnectors().filter((c) => c.type !== DEMO_CONNECTOR_TYPE);
  const { mutate: connect, error, isPending } = useConnect();
  return (
    <section className="card" aria-labelledby="connect-title">
      <h2 id="connect-title">Connect</h2>
      <p>Connect the wallet that holds your member key (MetaMask or any browser wallet).</p>
      <div className="row">
        {connectors.map((connector) => (
          <button
            key={connector.uid}
            type="button"
            disabled={isPending}
            onClick={() => connect({ connector, chainId: region.chainId })}
          >
            {connector.name === "Injected" ? "Browser wallet" : connector.name}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="error">
          Could not connect: {shortError(error)}
        </p>
      )}
      {region.demo && <DemoPicker />}
    </section>
  );
}
