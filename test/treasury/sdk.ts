import { expect } from "chai";
import type { Address } from "viem";
import type { ConductorClient } from "../../sdk/src/client.ts";
import { ConductorContractError, ConductorInputError, ConductorPreflightError } from "../../sdk/src/errors.ts";
import { encodePurchase } from "../../sdk/src/marketplace/purchase.ts";
import { approveProposal } from "../../sdk/src/treasury/approveProposal.ts";
import { executeProposal } from "../../sdk/src/treasury/executeProposal.ts";
import { listPendingProposals } from "../../sdk/src/treasury/listPendingProposals.ts";
import { proposeCompanyTransaction } from "../../sdk/src/treasury/proposeCompanyTransaction.ts";
import { deploymentOf, clientFor as viemClientFor } from "../helpers/viem.ts";
import { marketplaceContracts } from "../marketplace/fixture.ts";
import { deployTreasury, networkHelpers, ONE, type TreasuryFixture } from "./fixture.ts";

/** Runs `fn` and returns what it threw (or undefined). */
async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("SDK: company transactions through the proposal board", () => {
  let f: TreasuryFixture;
  let deployment: ConductorClient["deployment"];
  const clientFor = (account?: string) => viemClientFor(deployment, account);
  let signers: Address[];

  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployTreasury);
    deployment = await deploymentOf({ ...marketplaceContracts(f), SafeProposals: f.board });
    signers = (await Promise.all(f.bank.owners.map((o) => o.getAddress()))) as Address[];
  });

  it("one signer proposes a purchase, a second approves (2 of 3), a third executes; the list empties", async () => {
    const safe = f.bank.address as Address;
    const call = await encodePurchase(clientFor(), { listingId: 1, quantity: 10 });
    const proposed = await proposeCompanyTransaction(clientFor(signers[0]), { safe, call });
    expect(proposed.status).to.equal("proposed");
    expect(proposed.description).to.equal(
      "buy 10 × Steel beam from Acme Steel for 1,200.00 RSC (+96.00 RSC sales tax; at most 1,296.00 RSC)",
    );
    // Proposing the same again sends nothing.
    const again = await proposeCompanyTransaction(clientFor(signers[1]), { safe, call });
    expect([again.status, again.hash, again.safeTxHash]).to.deep.equal(["exists", null, proposed.safeTxHash]);

    let [pending] = await listPendingProposals(clientFor(), { safe });
    expect(pending.description).to.equal(proposed.description);
    expect([pending.approvals, pending.threshold, pending.executable]).to.deep.equal([[signers[0]], 2, false]);

    // Below the threshold, execution is refused before anything is sent.
    const refused = await thrown(() =>
      executeProposal(clientFor(f.outsider.address), { safeTxHash: proposed.safeTxHash }),
    );
    expect(refused).to.be.instanceOf(ConductorPreflightError);
    expect((refused as ConductorPreflightError).code).to.equal("SafeThresholdNotMet");
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(0n);

    const approved = await approveProposal(clientFor(signers[1]), { safeTxHash: proposed.safeTxHash });
    expect([approved.approvals, approved.threshold]).to.deep.equal([2, 2]);
    [pending] = await listPendingProposals(clientFor(), { safe });
    expect(pending.executable).to.equal(true);
    expect(
      await thrown(() => approveProposal(clientFor(signers[1]), { safeTxHash: proposed.safeTxHash })),
    ).to.have.property("code", "AlreadyApproved");

    // Someone who is neither proposer nor approver executes with the gathered approvals.
    const executed = await executeProposal(clientFor(f.outsider.address), { safeTxHash: proposed.safeTxHash });
    expect(executed.receipt.status).to.equal("success");
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(1_200n * ONE);
    expect(await listPendingProposals(clientFor(), { safe })).to.deep.equal([]);
  });

  it("approvals by posted signature execute too, sorted by owner", async () => {
    const safe = f.bank.address as Address;
    const call = await encodePurchase(clientFor(), { listingId: 1, quantity: 2 });
    const { safeTxHash } = await proposeCompanyTransaction(clientFor(signers[2]), { safe, call, sign: false });
    expect((await listPendingProposals(clientFor(), { safe }))[0].approvals).to.deep.equal([]);
    await approveProposal(clientFor(signers[0]), { safeTxHash, method: "signature" });
    await approveProposal(clientFor(signers[2]), { safeTxHash, method: "signature" });
    const [pending] = await listPendingProposals(clientFor(), { safe });
    expect(pending.signatures.map((s) => s.signer)).to.deep.equal([signers[0], signers[2]]);
    await executeProposal(clientFor(f.outsider.address), { safeTxHash });
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(240n * ONE);
  });

  it("refuses non-signers, bad input, calls that would fail, and stale proposals", async () => {
    const safe = f.bank.address as Address;
    const call = await encodePurchase(clientFor(), { listingId: 1, quantity: 10 });
    const notOwner = await thrown(() => proposeCompanyTransaction(clientFor(f.outsider.address), { safe, call }));
    expect(notOwner).to.have.property("code", "NotSafeOwner");
    expect(
      await thrown(() => proposeCompanyTransaction(clientFor(signers[0]), { safe: "0x12", call })),
    ).to.be.instanceOf(ConductorInputError);
    expect(await thrown(() => approveProposal(clientFor(signers[0]), { safeTxHash: "0xabc" }))).to.be.instanceOf(
      ConductorInputError,
    );
    // Acme holds no RSC: its purchase would fail, so it is not proposed.
    const acmeSigner = (await f.acme.owners[0].getAddress()) as Address;
    const broke = await thrown(() =>
      proposeCompanyTransaction(clientFor(acmeSigner), {
        safe: f.acme.address as Address,
        call,
      }),
    );
    expect(broke).to.be.instanceOf(ConductorContractError);
    expect(await f.board.proposalCount(f.acme.address)).to.equal(0n);

    // Another transaction takes the nonce: the proposal is no longer pending.
    const { safeTxHash } = await proposeCompanyTransaction(clientFor(signers[0]), { safe, call });
    await f.bank.exec(f.jobBoard, "postJob", [1, 30, "Main Street"]);
    expect(await listPendingProposals(clientFor(), { safe })).to.deep.equal([]);
    expect(await thrown(() => approveProposal(clientFor(signers[1]), { safeTxHash }))).to.have.property(
      "code",
      "ProposalNotPending",
    );
    expect(await thrown(() => executeProposal(clientFor(signers[1]), { safeTxHash }))).to.have.property(
      "code",
      "ProposalNotPending",
    );
  });
});
