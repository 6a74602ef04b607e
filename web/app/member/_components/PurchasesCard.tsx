"use client";

import type { Address } from "viem";
import { usePublicClient, useSendTransaction } from "wagmi";
import { marketplaceAbi } from "../../../../sdk/src/generated/abis.ts";
import { encodePurchaseData } from "../../../../sdk/src/marketplace/packedPurchase.ts";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { useAddressNames } from "../../../hooks/useAddressNames.ts";
import { useListings, usePurchases } from "../../../hooks/useMemberServices.ts";
import { useRegion } from "../../../hooks/useRegion.ts";
import { useTx } from "../../../hooks/useTx.ts";
import { formatRsc, shortAddress } from "../../../lib/format.ts";

/** Buy from a company (price plus sales tax, quoted before signing) and the member's purchases so far. */
export function PurchasesCard({ buyer, onBought }: { buyer: Address; onBought: () => void }) {
  const region = useRegion();
  const marketplace = region.contracts.Marketplace;
  const listings = useListings();
  const purchases = usePurchases(buyer);
  const nameOf = useAddressNames();
  const publicClient = usePublicClient();
  const tx = useTx();
  const { mutateAsync: sendTransaction } = useSendTransaction();
  if (!marketplace) return null;
  const busy = tx.state.status === "signing" || tx.state.status === "pending";
  const seller = (a: Address) => nameOf(a) ?? shortAddress(a);
  const active = (listings.data ?? []).filter((l) => l.active && l.available !== 0n);

  async function buy(listingId: bigint, name: string) {
    const ok = await tx.run(`Purchase of ${name}`, async () => {
      // Today's quote is the most the buyer pays: a price rise before the block is refused on chain.
      const [net, tax] = await publicClient!.readContract({
        address: marketplace!,
        abi: marketplaceAbi,
        functionName: "quote",
        args: [listingId, 1n],
      });
      // The SDK's purchase call: 32 bytes (listing id | quantity | maximum), as `encodePurchase` sends it.
      return sendTransaction({
        to: marketplace!,
        data: encodePurchaseData({ listingId, quantity: 1n, maxTotal: net + tax }),
        chainId: region.chainId,
      });
    });
    if (ok) onBought();
  }

  return (
    <section className="card" aria-labelledby="purchases-title">
      <h2 id="purchases-title">Buy from companies</h2>
      <p className="muted">
        Prices exclude the regional sales tax, which is added at purchase and goes to the capital pool.
      </p>
      {listings.isPending ? (
        <p className="muted">Loading…</p>
      ) : active.length === 0 ? (
        <p className="muted">Nothing is listed for sale.</p>
      ) : (
        <ul className="plain stack" data-testid="listings">
          {active.slice(0, 8).map((l) => (
            <li key={String(l.listingId)} className="row">
              <span>
                {l.name} from {seller(l.seller)}: {formatRsc(l.unitPrice)}
              </span>
              <button type="button" disabled={busy} onClick={() => void buy(l.listingId, l.name)}>
                Buy one<span className="sr-only"> {l.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <TxStatus state={tx.state} testId="purchase-status" />
      <h3>Your purchases</h3>
      {purchases.data?.length ? (
        <div className="scroll">
          <table data-testid="purchases">
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Quantity</th>
                <th scope="col">Price</th>
                <th scope="col">Sales tax</th>
              </tr>
            </thead>
            <tbody>
              {purchases.data.map((p) => (
                <tr key={`${p.transactionHash}-${p.listingId}`}>
                  <td>{seller(p.seller)}</td>
                  <td>{String(p.quantity)}</td>
                  <td>{formatRsc(p.net)}</td>
                  <td>{formatRsc(p.tax)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No purchase yet.</p>
      )}
    </section>
  );
}
