"use client";

import { useId, useState } from "react";
import type { Address } from "viem";
import { Action } from "../../../../sdk/src/generated/enums.ts";
import { useAddressNames } from "../../../hooks/useAddressNames.ts";
import { type TransferKind, useTransfers } from "../../../hooks/useTransfers.ts";
import { formatRsc, shortAddress } from "../../../lib/format.ts";

const SHOWN = 200;
const KINDS: readonly TransferKind[] = ["Direct", ...Action.filter((a) => a !== "Transfer")];

/** Every movement of RSC, newest first, filterable by action. */
export function TransferExplorer() {
  const filterId = useId();
  const [filter, setFilter] = useState<TransferKind | "All">("All");
  const { data, error, isPending } = useTransfers();
  const nameOf = useAddressNames();
  const rows = (data ?? []).filter((r) => filter === "All" || r.kind === filter);
  const who = (a: Address) => nameOf(a) ?? shortAddress(a);
  return (
    <section className="card wide" aria-labelledby="explorer-title">
      <h2 id="explorer-title">Transfer explorer</h2>
      <div className="row">
        <label htmlFor={filterId}>Action</label>
        <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as TransferKind | "All")}>
          <option value="All">All actions</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k === "Direct" ? "Direct transfer (person to person)" : k}
            </option>
          ))}
        </select>
        <span className="muted" aria-live="polite" data-testid="explorer-count">
          {isPending ? "Loading…" : `${rows.length} movement${rows.length === 1 ? "" : "s"}`}
        </span>
      </div>
      {error && (
        <p role="alert" className="error">
          Could not read the logs: {error.message}
        </p>
      )}
      <div className="scroll">
        <table data-testid="explorer">
          <thead>
            <tr>
              <th scope="col">Block</th>
              <th scope="col">Action</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((r) => (
              <tr key={r.key}>
                <td>
                  <span title={r.txHash}>{r.blockNumber.toString()}</span>
                </td>
                <td>{r.kind === "Direct" ? "Direct" : r.kind}</td>
                <td title={r.from}>{who(r.from)}</td>
                <td title={r.to}>{who(r.to)}</td>
                <td className="num">{formatRsc(r.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN && (
        <p className="muted">
          Showing the newest {SHOWN} of {rows.length}.
        </p>
      )}
    </section>
  );
}
