"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { formatRsc } from "../../../lib/format.ts";
import { ProposalForm } from "./ProposalForm.tsx";
import { useCompanyClient } from "./useCompanyClient.ts";
import { useProposer } from "./useProposer.ts";

/** The company's listings; creating one or changing price, quantity or active is a Safe proposal. */
export function ListingsCard({ safe }: { safe: string }) {
  const ids = { name: useId(), price: useId(), quantity: useId(), kind: useId() };
  const client = useCompanyClient();
  const listings = useQuery({
    queryKey: ["listings", safe],
    queryFn: async () => {
      const { getListings } = await import("../../../../sdk/src/marketplace/getListings.ts");
      return getListings(client(), { seller: safe, includeInactive: true });
    },
  });
  const { state, propose } = useProposer(safe, () => undefined);
  return (
    <section className="card" aria-labelledby="listings-title">
      <h2 id="listings-title">Listings</h2>
      {listings.data?.length === 0 && <p className="muted">No listings yet.</p>}
      <ul className="stack">
        {(listings.data ?? []).map((l) => (
          <li key={String(l.listingId)}>
            <form
              className="stack"
              aria-label={`Change listing ${l.name}`}
              onSubmit={(event) => {
                event.preventDefault();
                const form = new FormData(event.currentTarget);
                const params = {
                  listingId: l.listingId,
                  unitPrice: String(form.get("price") ?? ""),
                  quantity: String(form.get("quantity") ?? "") || "unlimited",
                  active: form.get("active") === "on",
                };
                void propose(`Change of ${l.name}`, async (c) =>
                  (await import("../../../../sdk/src/marketplace/setListing.ts")).encodeSetListing(c, params),
                );
              }}
            >
              <strong>
                #{String(l.listingId)} {l.name} ({l.kind.toLowerCase()}) — {formatRsc(l.unitPrice)},{" "}
                {l.available === undefined ? "unlimited" : `${l.available} left`}
                {l.active ? "" : " · inactive"}
              </strong>
              <label>
                Price (RSC){" "}
                <input name="price" inputMode="decimal" defaultValue={formatRsc(l.unitPrice).replace(/[^0-9.]/g, "")} />
              </label>
              <label>
                Quantity (empty: unlimited){" "}
                <input
                  name="quantity"
                  inputMode="numeric"
                  defaultValue={l.available === undefined ? "" : String(l.available)}
                />
              </label>
              <label>
                <input type="checkbox" name="active" defaultChecked={l.active} /> Active
              </label>
              <button type="submit">Propose change</button>
            </form>
          </li>
        ))}
      </ul>
      <h3>New listing</h3>
      <ProposalForm
        onFields={(form) => {
          const params = {
            kind: form.get("kind") === "Service" ? ("Service" as const) : ("Product" as const),
            name: String(form.get("name") ?? ""),
            unitPrice: String(form.get("price") ?? ""),
            quantity: String(form.get("quantity") ?? "") || "unlimited",
          };
          void propose(`New listing ${params.name}`, async (c) =>
            (await import("../../../../sdk/src/marketplace/createListing.ts")).encodeCreateListing(c, params),
          );
        }}
      >
        <label htmlFor={ids.name}>Name</label>
        <input id={ids.name} name="name" required />
        <label htmlFor={ids.kind}>Kind</label>
        <select id={ids.kind} name="kind">
          <option>Product</option>
          <option>Service</option>
        </select>
        <label htmlFor={ids.price}>Unit price (RSC)</label>
        <input id={ids.price} name="price" inputMode="decimal" required />
        <label htmlFor={ids.quantity}>Quantity (empty: unlimited)</label>
        <input id={ids.quantity} name="quantity" inputMode="numeric" />
        <button type="submit">Propose listing</button>
      </ProposalForm>
      <TxStatus state={state} testId="listing-status" />
    </section>
  );
}
