"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { formatRsc } from "../../../lib/format.ts";
import { useCompanyClient } from "./useCompanyClient.ts";
import { useProposer } from "./useProposer.ts";

/** Propose a purchase from another company's listing (the other signers approve it). */
export function PurchaseForm({ safe }: { safe: string }) {
  const ids = { listing: useId(), quantity: useId() };
  const client = useCompanyClient();
  const listings = useQuery({
    queryKey: ["listings", "all"],
    queryFn: async () => {
      const { getListings } = await import("../../../../sdk/src/marketplace/getListings.ts");
      return getListings(client(), {});
    },
  });
  const { state, propose } = useProposer(safe, () => undefined);
  const others = (listings.data ?? []).filter((l) => l.seller.toLowerCase() !== safe.toLowerCase());
  return (
    <section className="card" aria-labelledby="buy-title">
      <h2 id="buy-title">Propose a purchase</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const listingId = String(form.get("listing") ?? "");
          const quantity = String(form.get("quantity") ?? "");
          void propose("Purchase proposal", async (c) => {
            const { encodePurchase } = await import("../../../../sdk/src/marketplace/purchase.ts");
            return encodePurchase(c, { listingId, quantity });
          });
        }}
      >
        <label htmlFor={ids.listing}>Listing</label>
        <select id={ids.listing} name="listing" required>
          {others.map((l) => (
            <option key={String(l.listingId)} value={String(l.listingId)}>
              #{String(l.listingId)} {l.name} — {formatRsc(l.unitPrice)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.quantity}>Quantity</label>
        <input id={ids.quantity} name="quantity" inputMode="numeric" required defaultValue="1" />
        <button type="submit" disabled={state.status === "signing" || state.status === "pending"}>
          Propose purchase
        </button>
      </form>
      <TxStatus state={state} testId="purchase-status" />
    </section>
  );
}
