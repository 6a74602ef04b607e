import { expect } from "chai";
import { Action, Kind } from "../helpers/region.ts";
import { deployMarketplace, ethers, type MarketplaceFixture, networkHelpers, ONE, PRODUCT } from "./fixture.ts";

const ZERO = ethers.ZeroAddress;

describe("Company treasuries and the transfer rule", () => {
  let f: MarketplaceFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployMarketplace);
  });

  it("no path moves money from a company to a person except wages, loans and refunds", async () => {
    const allowed: string[] = [];
    for (const company of ["Company", "RegionalCompany", "ExternalCompany"] as const) {
      for (const action of Action) {
        if (await f.rsc.isAllowed(Action.indexOf(action), Kind.indexOf(company), Kind.indexOf("Person"))) {
          allowed.push(`${company}:${action}`);
        }
      }
    }
    expect(allowed).to.deep.equal([
      "Company:Wage",
      "Company:LoanDisbursement",
      "Company:Refund",
      "RegionalCompany:Wage",
      "RegionalCompany:Refund",
      "ExternalCompany:Refund",
    ]);
  });

  it("a company's Safe cannot transfer RSC directly to a person or a company", async () => {
    await f.bank.exec(f.marketplace, "createListing", [PRODUCT, "Advice", ONE, 10n]);
    for (const to of [f.alice.address, f.acme.address]) {
      const data = f.rsc.interface.encodeFunctionData("transfer", [to, ONE]);
      await expect(
        ethers.provider.call({ to: await f.rsc.getAddress(), data, from: f.bank.address }),
      ).to.be.revertedWithCustomError(f.rsc, "RSCActionNotAllowed");
    }
  });

  it("a below-threshold approval never executes", async () => {
    const [owner1] = f.acme.owners;
    await f.acme.exec(f.marketplace, "createListing", [PRODUCT, "Steel beam", ONE, 10n]);
    const safe = f.bank.safe.connect(f.bank.owners[0]);
    const data = f.marketplace.interface.encodeFunctionData("purchase", [1n, 5n, 10n ** 30n]);
    const to = await f.marketplace.getAddress();
    const nonce = await safe.nonce();
    const hash = await safe.getTransactionHash(to, 0, data, 0, 0, 0, 0, ZERO, ZERO, nonce);
    // One owner approves on-chain; the threshold is 2.
    await safe.approveHash(hash);
    const approvedSig = `0x${(await f.bank.owners[0].getAddress()).slice(2).toLowerCase().padStart(64, "0")}${"0".repeat(64)}01`;
    const balance = await f.rsc.balanceOf(f.bank.address);
    await expect(safe.execTransaction(to, 0, data, 0, 0, 0, 0, ZERO, ZERO, approvedSig)).to.be.revertedWith("GS020");
    // Whoever submits it (here a signer of another company), one approval stays below the threshold.
    await expect(
      safe.connect(owner1).execTransaction(to, 0, data, 0, 0, 0, 0, ZERO, ZERO, approvedSig),
    ).to.be.revertedWith("GS020");
    expect(await f.rsc.balanceOf(f.bank.address)).to.equal(balance);
    expect(await safe.nonce()).to.equal(nonce);
    expect((await f.marketplace.listingOf(1n)).available).to.equal(10n);
  });
});
