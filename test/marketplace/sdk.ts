import { expect } from "chai";
import type { ConductorClient } from "../../sdk/src/client.ts";
import { ConductorInputError } from "../../sdk/src/errors.ts";
import { encodeCreateListing } from "../../sdk/src/marketplace/createListing.ts";
import { describeSafeTransaction } from "../../sdk/src/marketplace/describe.ts";
import { getListings } from "../../sdk/src/marketplace/getListings.ts";
import { getLots } from "../../sdk/src/marketplace/getLots.ts";
import { encodePurchase } from "../../sdk/src/marketplace/purchase.ts";
import { approveSafeTransaction, executeSafeTransaction } from "../../sdk/src/marketplace/safe.ts";
import { deploymentOf, clientFor as viemClientFor } from "../helpers/viem.ts";
import { deployMarketplace, type MarketplaceFixture, marketplaceContracts, networkHelpers, ONE } from "./fixture.ts";

describe("SDK: marketplace actions over viem", () => {
  let f: MarketplaceFixture;
  let deployment: ConductorClient["deployment"];
  const clientFor = (account?: string) => viemClientFor(deployment, account);

  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployMarketplace);
    deployment = await deploymentOf(marketplaceContracts(f));
  });

  it("a company lists and buys through its Safe: propose, approve, execute; decoded in human terms", async () => {
    // Acme lists through its Safe: two signers approve, the second executes.
    const listing = encodeCreateListing(clientFor(), {
      kind: "Product",
      name: "Steel beam",
      unitPrice: "120",
      quantity: 50,
    });
    expect(await describeSafeTransaction(clientFor(), listing)).to.equal(
      'list product "Steel beam" at 120.00 RSC each (50 units)',
    );
    const [a1, a2] = await Promise.all(f.acme.owners.slice(0, 2).map((o) => o.getAddress()));
    await approveSafeTransaction(clientFor(a1), { safe: f.acme.address, call: listing });
    await executeSafeTransaction(clientFor(a2), { safe: f.acme.address, call: listing });
    const listings = await getListings(clientFor());
    expect(listings.map((l) => [l.name, l.unitPrice, l.available])).to.deep.equal([["Steel beam", 120n * ONE, 50n]]);

    // The bank buys 10: one signer alone cannot execute.
    const call = await encodePurchase(clientFor(), { listingId: 1, quantity: 10 });
    expect(await describeSafeTransaction(clientFor(), call)).to.equal(
      "buy 10 × Steel beam from Acme Steel for 1,200.00 RSC (+96.00 RSC sales tax; at most 1,296.00 RSC)",
    );
    const [b1, b2] = await Promise.all(f.bank.owners.slice(0, 2).map((o) => o.getAddress()));
    const status = await approveSafeTransaction(clientFor(b1), { safe: f.bank.address, call });
    expect(status.approvedBy).to.have.length(1);
    let refused: unknown;
    try {
      await executeSafeTransaction(clientFor(b1), { safe: f.bank.address, call, nonce: status.nonce });
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(ConductorInputError);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(0n);
    await executeSafeTransaction(clientFor(b2), { safe: f.bank.address, call, nonce: status.nonce });
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(1200n * ONE);

    const { lots, totalOpen } = await getLots(clientFor(), { company: f.acme.address });
    expect(totalOpen).to.equal(1200n * ONE);
    expect(lots[0].projectedTax).to.equal(24n * ONE); // 2 % default rate
  });

  it("validates untrusted input with typed errors and sends nothing", async () => {
    expect(() => encodeCreateListing(clientFor(), { kind: "Product", name: "", unitPrice: "1", quantity: 1 })).to.throw(
      ConductorInputError,
      /name/,
    );
    expect(() =>
      encodeCreateListing(clientFor(), { kind: "Product", name: "x", unitPrice: "1.2.3", quantity: 1 }),
    ).to.throw(ConductorInputError, /unitPrice/);
    let error: unknown;
    try {
      await encodePurchase(clientFor(), { listingId: 0, quantity: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ConductorInputError);
    expect(await f.marketplace.listingCount()).to.equal(0n);
  });
});
