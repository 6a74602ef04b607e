import { expect } from "chai";
import { Action, ethers } from "../helpers/region.ts";
import { deployMarketplace, type MarketplaceFixture, networkHelpers, ONE, PRODUCT, SERVICE } from "./fixture.ts";

const TAX = (net: bigint) => (net * 8n) / 100n; // default SalesTaxRate 8 %

describe("Marketplace", () => {
  let f: MarketplaceFixture;
  let beamId: bigint;

  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployMarketplace);
    await f.acme.exec(f.marketplace, "createListing", [PRODUCT, "Steel beam", 120n * ONE, 50n]);
    beamId = await f.marketplace.listingCount();
  });

  describe("listings", () => {
    it("a company treasury (Safe) lists a product", async () => {
      const l = await f.marketplace.listingOf(beamId);
      expect(l.seller).to.equal(f.acme.address);
      expect(l.name).to.equal("Steel beam");
      expect(l.unitPrice).to.equal(120n * ONE);
      expect(l.available).to.equal(50n);
      expect(l.active).to.equal(true);
      expect(l.kind).to.equal(BigInt(PRODUCT));
    });

    it("regional and external companies list; services may be unlimited", async () => {
      await f.clinic.exec(f.marketplace, "createListing", [SERVICE, "Check-up", 30n * ONE, 2n ** 64n - 1n]);
      await f.external.exec(f.marketplace, "createListing", [PRODUCT, "Imported copper", 9n * ONE, 10n]);
      expect((await f.marketplace.listingOf(2n)).seller).to.equal(f.clinic.address);
      expect((await f.marketplace.listingOf(3n)).seller).to.equal(f.external.address);
      expect(await f.marketplace.UNLIMITED()).to.equal(2n ** 64n - 1n);
    });

    it("emits ListingCreated", async () => {
      await expect(f.marketplace.connect(f.alice).createListing(PRODUCT, "x", 1n, 1n)).to.be.revertedWithCustomError(
        f.marketplace,
        "MarketplaceNotACompany",
      );
      const tx = f.grocer.exec(f.marketplace, "createListing", [PRODUCT, "Apples", ONE, 100n]);
      await tx;
      const events = await f.marketplace.queryFilter(f.marketplace.filters.ListingCreated(2n));
      expect(events).to.have.length(1);
      expect(events[0].args.seller).to.equal(f.grocer.address);
      expect(events[0].args.unitPrice).to.equal(ONE);
    });

    it("refuses a non-company lister: a person and an unregistered account", async () => {
      await expect(f.marketplace.connect(f.alice).createListing(PRODUCT, "Bike", ONE, 1n))
        .to.be.revertedWithCustomError(f.marketplace, "MarketplaceNotACompany")
        .withArgs(f.alice.address, 1);
      await expect(f.marketplace.connect(f.outsider).createListing(PRODUCT, "Bike", ONE, 1n))
        .to.be.revertedWithCustomError(f.marketplace, "MarketplaceNotACompany")
        .withArgs(f.outsider.address, 0);
      expect(await f.marketplace.listingCount()).to.equal(1n);
    });

    it("refuses an empty or too long name", async () => {
      await expect(f.acme.exec(f.marketplace, "createListing", [PRODUCT, "", ONE, 1n])).to.be.rejected;
      const data = f.marketplace.interface.encodeFunctionData("createListing", [PRODUCT, "a".repeat(129), ONE, 1n]);
      await expect(
        ethers.provider.call({ to: await f.marketplace.getAddress(), data, from: f.acme.address }),
      ).to.be.revertedWithCustomError(f.marketplace, "MarketplaceInvalidName");
      expect(await f.marketplace.listingCount()).to.equal(1n);
    });

    it("only the seller changes a listing", async () => {
      await expect(f.marketplace.connect(f.alice).setListing(beamId, ONE, 1n, true))
        .to.be.revertedWithCustomError(f.marketplace, "MarketplaceNotSeller")
        .withArgs(beamId, f.alice.address, f.acme.address);
      await f.acme.exec(f.marketplace, "setListing", [beamId, 100n * ONE, 7n, false]);
      const l = await f.marketplace.listingOf(beamId);
      expect([l.unitPrice, l.available, l.active]).to.deep.equal([100n * ONE, 7n, false]);
    });

    it("unknown listing ids are refused", async () => {
      await expect(f.marketplace.listingOf(99n))
        .to.be.revertedWithCustomError(f.marketplace, "MarketplaceUnknownListing")
        .withArgs(99n);
      await expect(f.marketplace.connect(f.alice).purchase(99n, 1n, ONE))
        .to.be.revertedWithCustomError(f.marketplace, "MarketplaceUnknownListing")
        .withArgs(99n);
    });
  });

  describe("purchase", () => {
    it("a member pays net to the seller and the sales tax to the capital pool", async () => {
      const net = 3n * 120n * ONE;
      const tax = TAX(net);
      const pool = await f.capitalPool.getAddress();
      const poolBefore = await f.rsc.balanceOf(pool);
      expect(await f.marketplace.quote(beamId, 3n)).to.deep.equal([net, tax]);
      const tx = f.marketplace.connect(f.alice).purchase(beamId, 3n, net + tax);
      await expect(tx)
        .to.emit(f.marketplace, "Purchased")
        .withArgs(beamId, f.alice.address, f.acme.address, 3n, 120n * ONE, net, tax);
      const ref = `0x${beamId.toString(16).padStart(64, "0")}`;
      await expect(tx)
        .to.emit(f.rsc, "ActionPerformed")
        .withArgs(Action.indexOf("SalesTax"), f.alice.address, pool, tax, ref);
      await expect(tx)
        .to.emit(f.rsc, "ActionPerformed")
        .withArgs(Action.indexOf("Purchase"), f.alice.address, f.acme.address, net, ref);
      expect(await f.rsc.balanceOf(f.alice.address)).to.equal(10_000n * ONE - net - tax);
      expect(await f.rsc.balanceOf(f.acme.address)).to.equal(net);
      expect(await f.rsc.balanceOf(pool)).to.equal(poolBefore + tax);
      expect((await f.marketplace.listingOf(beamId)).available).to.equal(47n);
    });

    it("a company buys through its 2-of-3 Safe", async () => {
      await f.acme.exec(f.marketplace, "setListing", [beamId, 10n * ONE, 50n, true]);
      const net = 10n * 10n * ONE;
      await f.bank.exec(f.marketplace, "purchase", [beamId, 10n, net + TAX(net)]);
      expect(await f.rsc.balanceOf(f.acme.address)).to.equal(net);
      expect(await f.rsc.balanceOf(f.bank.address)).to.equal(100_000n * ONE - net - TAX(net));
    });

    it("unlimited listings keep their quantity", async () => {
      await f.acme.exec(f.marketplace, "createListing", [SERVICE, "Welding hour", 40n * ONE, 2n ** 64n - 1n]);
      await f.marketplace.connect(f.alice).purchase(2n, 5n, 1000n * ONE);
      expect((await f.marketplace.listingOf(2n)).available).to.equal(2n ** 64n - 1n);
    });

    async function expectNothingMoved(action: () => Promise<unknown>, error: string, args: unknown[]) {
      const before = await Promise.all([f.alice, f.acme].map((a) => f.rsc.balanceOf(a.address)));
      const listing = await f.marketplace.listingOf(beamId);
      await expect(action())
        .to.be.revertedWithCustomError(f.marketplace, error)
        .withArgs(...args);
      expect(await Promise.all([f.alice, f.acme].map((a) => f.rsc.balanceOf(a.address)))).to.deep.equal(before);
      expect((await f.marketplace.listingOf(beamId)).available).to.equal(listing.available);
    }

    it("refuses zero quantity, nothing moved", async () => {
      await expectNothingMoved(
        () => f.marketplace.connect(f.alice).purchase(beamId, 0n, ONE),
        "MarketplaceZeroQuantity",
        [beamId],
      );
    });

    it("refuses an inactive listing, nothing moved", async () => {
      await f.acme.exec(f.marketplace, "setListing", [beamId, 120n * ONE, 50n, false]);
      await expectNothingMoved(
        () => f.marketplace.connect(f.alice).purchase(beamId, 1n, 1000n * ONE),
        "MarketplaceListingInactive",
        [beamId],
      );
    });

    it("refuses a total above the buyer's maximum (a price raised after approval), nothing moved", async () => {
      const approved = 120n * ONE + TAX(120n * ONE);
      await f.acme.exec(f.marketplace, "setListing", [beamId, 130n * ONE, 50n, true]);
      await expectNothingMoved(
        () => f.marketplace.connect(f.alice).purchase(beamId, 1n, approved),
        "MarketplaceAboveMaximum",
        [beamId, 130n * ONE + TAX(130n * ONE), approved],
      );
    });

    it("refuses more units than available, nothing moved", async () => {
      await expectNothingMoved(
        () => f.marketplace.connect(f.alice).purchase(beamId, 51n, 10n ** 30n),
        "MarketplaceInsufficientQuantity",
        [beamId, 51n, 50n],
      );
    });

    it("refuses a seller buying its own listing", async () => {
      const data = f.marketplace.interface.encodeFunctionData("purchase", [beamId, 1n, 10n ** 30n]);
      await expect(
        ethers.provider.call({ to: await f.marketplace.getAddress(), data, from: f.acme.address }),
      ).to.be.revertedWithCustomError(f.marketplace, "MarketplaceSelfPurchase");
    });

    it("refuses an unregistered buyer through the token's rule", async () => {
      await expect(f.marketplace.connect(f.outsider).purchase(beamId, 1n, 10n ** 30n)).to.be.revertedWithCustomError(
        f.rsc,
        "RSCActionNotAllowed",
      );
    });
  });

  it("only governance upgrades", async () => {
    await expect(f.marketplace.connect(f.alice).upgradeToAndCall(f.alice.address, "0x")).to.be.revertedWithCustomError(
      f.marketplace,
      "AccessControlUnauthorizedAccount",
    );
  });
});
