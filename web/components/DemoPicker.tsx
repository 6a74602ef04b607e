"use client";

import { useEffect, useId, useState } from "react";
import type { Hex } from "viem";
import { useConnect } from "wagmi";
import { useDemoAccounts } from "../hooks/useDemoAccounts.ts";
import { useRegion } from "../hooks/useRegion.ts";
import { demoConnector } from "../lib/demoConnector.ts";
import { shortError } from "../lib/shortError.ts";

const REMEMBER = "conductor.demoAccount";

/** Local demo only: act as one of the seeded demo people, signing with their (public, worthless) keys. */
export function DemoPicker() {
  const region = useRegion();
  const id = useId();
  const { data: accounts, error: loadError } = useDemoAccounts();
  const { mutate: connect, error, isPending } = useConnect();
  const [chosen, setChosen] = useState("");

  const connectAs = (name: string) => {
    const account = accounts?.find((a) => a.name === name);
    if (!account) return;
    sessionStorage.setItem(REMEMBER, name);
    connect({
      connector: demoConnector({ name, privateKey: account.privateKey as Hex, rpcUrl: region.rpcUrl }),
      chainId: region.chainId,
    });
  };

  // A reload keeps the demo person of this tab (the key is never stored, only the name).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reconnect once, when the accounts arrive
  useEffect(() => {
    const remembered = sessionStorage.getItem(REMEMBER);
    if (remembered && accounts?.some((a) => a.name === remembered)) connectAs(remembered);
  }, [accounts]);

  return (
    <fieldset className="demo">
      <legend>Demo account — local demo only</legend>
      <p className="muted">
        This chain ({region.chainId}) is the local demo region of <code>npm start</code>. Its keys are public test keys:
        never use them anywhere else. This picker does not exist on any other chain.
      </p>
      {loadError && (
        <p role="alert" className="error">
          {shortError(loadError)}
        </p>
      )}
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          connectAs(chosen);
        }}
      >
        <label htmlFor={id}>Act as</label>
        <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)} required>
          <option value="">Choose a demo person…</option>
          {(accounts ?? []).map((a) => (
            <option key={a.address} value={a.name}>
              {a.name} ({a.role})
            </option>
          ))}
        </select>
        <button type="submit" disabled={isPending || !chosen}>
          Use demo account
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          Could not connect: {shortError(error)}
        </p>
      )}
    </fieldset>
  );
}
