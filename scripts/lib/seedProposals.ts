import { Contract, type Signer } from "ethers";
import type { Deployment } from "../../sdk/src/deployment.ts";
import * as abis from "../../sdk/src/generated/abis.ts";
import { encodePurchaseData } from "../../sdk/src/marketplace/packedPurchase.ts";
import type { DemoCompany } from "./seed.ts";

const ZERO = "0x0000000000000000000000000000000000000000";
const SAFE_TX = {
  SafeTx: [
    { name: "to", type: "address" },
    { name: "value", type: "uint256" },
    { name: "data", type: "bytes" },
    { name: "operation", type: "uint8" },
    { name: "safeTxGas", type: "uint256" },
    { name: "baseGas", type: "uint256" },
    { name: "gasPrice", type: "uint256" },
    { name: "gasToken", type: "address" },
    { name: "refundReceiver", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
};

/**
 * Leaves one company transaction waiting on the proposal board: the first signer of Riverside
 * Clinic proposes (and signs) buying 10 steel beams from Acme Steel; a second signer's approval
 * is needed (2 of 3). The dashboard's company page and `conductor company proposals` show it.
 */
export async function seedPendingProposal(
  deployment: Deployment,
  signers: Map<string, Signer>,
  companies: DemoCompany[],
): Promise<void> {
  const clinic = companies.find((c) => c.name === "Riverside Clinic");
  if (!clinic || !deployment.contracts.SafeProposals || !deployment.contracts.Marketplace) return;
  const proposer = signers.get(clinic.signers[0])!;
  const market = new Contract(deployment.contracts.Marketplace, abis.marketplaceAbi as never, proposer);
  let beam: bigint | undefined;
  for (let id = 1n; id <= ((await market.listingCount()) as bigint); id++) {
    if ((await market.listingOf(id)).name === "Steel beam") beam = id;
  }
  if (beam === undefined) return;
  const [net, tax] = (await market.quote(beam, 10n)) as [bigint, bigint];
  const safe = new Contract(clinic.address, abis.safeAbi as never, proposer);
  const call = {
    to: deployment.contracts.Marketplace,
    value: 0n,
    data: encodePurchaseData({ listingId: beam, quantity: 10n, maxTotal: net + tax }),
    operation: 0,
    nonce: (await safe.nonce()) as bigint,
  };
  const chainId = (await proposer.provider!.getNetwork()).chainId;
  const signature = await proposer.signTypedData({ chainId, verifyingContract: clinic.address }, SAFE_TX, {
    ...call,
    safeTxGas: 0,
    baseGas: 0,
    gasPrice: 0,
    gasToken: ZERO,
    refundReceiver: ZERO,
  });
  const board = new Contract(deployment.contracts.SafeProposals, abis.safeProposalsAbi as never, proposer);
  await (await board.propose(clinic.address, call, signature)).wait();
}
