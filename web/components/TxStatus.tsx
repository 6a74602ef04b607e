"use client";

import type { TxState } from "../hooks/useTx.ts";
import { shortAddress } from "../lib/format.ts";

/** One transaction's state, announced to screen readers as it changes. */
export function TxStatus({ state, testId }: { state: TxState; testId?: string }) {
  if (state.status === "idle") return <p aria-live="polite" className="tx" data-testid={testId} />;
  const text = {
    signing: `${state.label}: waiting for your signature…`,
    pending: `${state.label}: pending — sent${"hash" in state && state.hash ? ` (${shortAddress(state.hash)})` : ""}, waiting for a block…`,
    confirmed: `${state.label}: confirmed${"blockNumber" in state ? ` in block ${state.blockNumber}` : ""}.`,
    failed: `${state.label}: failed — ${"message" in state ? state.message : ""}`,
  }[state.status];
  return (
    <p
      aria-live="polite"
      role={state.status === "failed" ? "alert" : "status"}
      className={`tx tx-${state.status}`}
      data-testid={testId}
    >
      {text}
    </p>
  );
}
