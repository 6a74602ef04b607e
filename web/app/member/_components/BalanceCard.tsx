import type { Address } from "viem";
import type { RscAccount } from "../../../hooks/useRscAccount.ts";
import { formatRsc } from "../../../lib/format.ts";

/** The live balance (refetched on every new block). */
export function BalanceCard({
  address,
  account,
  loading,
}: {
  address: Address;
  account: RscAccount | undefined;
  loading: boolean;
}) {
  return (
    <section className="card" aria-labelledby="balance-title">
      <h2 id="balance-title">Balance</h2>
      <p className="big" data-testid="balance" aria-live="polite">
        {loading || !account ? "…" : formatRsc(account.balance)}
      </p>
      <p className="muted mono">{address}</p>
      {account?.kind === "Person" && (
        <p className="muted">
          Member #{account.memberId.toString()}
          {account.suspended && " — suspended: you can neither send nor receive RSC"}
        </p>
      )}
    </section>
  );
}
