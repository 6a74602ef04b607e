import type { ConductorClient } from "../../../../sdk/src/client.ts";
import type { ContractCall } from "../../../../sdk/src/marketplace/shared.ts";
import { useTx } from "../../../hooks/useTx.ts";
import { useCompanyClient } from "./useCompanyClient.ts";

/**
 * Proposes a company transaction on the board (signed by the connected signer) and tracks it.
 * `encode` builds the call; a refusal (bad input, a call that would fail) shows as "failed".
 */
export function useProposer(safe: string, onDone: () => void) {
  const client = useCompanyClient();
  const tx = useTx();
  async function propose(label: string, encode: (c: ConductorClient) => Promise<ContractCall> | ContractCall) {
    const ok = await tx.run(label, async () => {
      const c = client();
      const { proposeCompanyTransaction } = await import("../../../../sdk/src/treasury/proposeCompanyTransaction.ts");
      const r = await proposeCompanyTransaction(c, { safe, call: await encode(c) });
      if (r.hash === null) throw new Error(`already proposed: ${r.description} — approve it below`);
      return r.hash;
    });
    if (ok) onDone();
    return ok;
  }
  return { state: tx.state, propose };
}
