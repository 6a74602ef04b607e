"use client";

import dynamic from "next/dynamic";
import { useConnection } from "wagmi";
import { ConnectPanel } from "../../../components/ConnectPanel.tsx";
import { useRscAccount } from "../../../hooks/useRscAccount.ts";
import { BalanceCard } from "./BalanceCard.tsx";
import { LaterCard } from "./LaterCard.tsx";
import { RedemptionCard } from "./RedemptionCard.tsx";
import { SendForm } from "./SendForm.tsx";
import { UbiCard } from "./UbiCard.tsx";

// Shown only once a member is connected: loaded then, so the page's first load stays small.
const PurchasesCard = dynamic(() => import("./PurchasesCard.tsx").then((m) => m.PurchasesCard));
const PayStubs = dynamic(() => import("../../../components/PayStubs.tsx").then((m) => m.PayStubs));
const WaitListsCard = dynamic(() => import("./WaitListsCard.tsx").then((m) => m.WaitListsCard));

/** The member's page: balance, send, UBI, USD redemption, purchases, pay stubs, wait-lists — or the way to connect. */
export function MemberView() {
  const { address, status } = useConnection();
  const account = useRscAccount(address);
  if (status !== "connected" || !address) {
    // While connecting, the panel stays mounted so that a failure can be shown in it.
    return status === "reconnecting" ? <p className="muted">Connecting…</p> : <ConnectPanel />;
  }
  const isMember = account.data?.kind === "Person";
  return (
    <div className="grid">
      <BalanceCard address={address} account={account.data} loading={account.isPending} />
      {account.data && !isMember && (
        <p role="note" className="card warn">
          This account is not a member of the region ({account.data.kind}). Member actions need a member's key.
        </p>
      )}
      {isMember && (
        <>
          <SendForm from={address} onSent={() => account.refetch()} />
          <UbiCard memberId={account.data!.memberId} onClaimed={() => account.refetch()} />
          <RedemptionCard holder={address} onRequested={() => account.refetch()} />
          <PurchasesCard buyer={address} onBought={() => account.refetch()} />
          <PayStubs worker={address} />
          <WaitListsCard member={address} />
        </>
      )}
      <LaterCard />
    </div>
  );
}
