"use client";

import { useQuery } from "@tanstack/react-query";
import { formatUnits } from "viem";
import { useConductorClient } from "../../../hooks/useConductorClient.ts";
import { useRefetchOnBlock } from "../../../hooks/useRefetchOnBlock.ts";
import { formatDate, formatRsc } from "../../../lib/format.ts";

/**
 * What backs RSC: the supply, the USD reserves the custodians last attested (and when), what can
 * still be minted — and, when the attested reserves fall short of the supply, how much.
 */
export function BackingCard() {
  const client = useConductorClient();
  const status = useQuery({
    queryKey: ["backing", client?.deployment.chainId],
    enabled: client !== undefined,
    queryFn: async () => (await import("../../../../sdk/src/core/getBacking.ts")).getBacking(client!),
  });
  useRefetchOnBlock(status.refetch, client !== undefined);
  const s = status.data;
  return (
    <section className="card" aria-labelledby="backing-title" data-testid="backing">
      <h2 id="backing-title">Backing</h2>
      {status.error && (
        <p role="alert" className="error">
          Could not read the reserves: {status.error.message}
        </p>
      )}
      {s && (
        <>
          {s.shortfall > 0n && (
            <p role="alert" className="error" data-testid="shortfall">
              Under-backed: the attested reserves leave {formatRsc(s.shortfall)} of the supply uncovered. No deposit
              mints until the custodians attest enough again.
            </p>
          )}
          <dl>
            <dt>RSC in circulation</dt>
            <dd>{formatRsc(s.totalSupply)}</dd>
            <dt>USD reserves attested</dt>
            <dd>
              {Number(formatUnits(s.attestedReserves.usd, 18)).toLocaleString("en-GB")} USD
              {s.attestedReserves.asOf > 0 ? `, as of ${formatDate(s.attestedReserves.asOf)} (UTC)` : ""}
            </dd>
            <dt>Exchange rate</dt>
            <dd>{formatUnits(s.exchangeRate, 18)} RSC per USD</dd>
            <dt>Can still be minted</dt>
            <dd>{formatRsc(s.mintable)}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
