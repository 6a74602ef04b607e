import { expect } from "chai";
import type { Hex } from "viem";
import { Kind, Param } from "../../sdk/src/generated/enums.ts";
import { attest, connect, deployRegionChain, ONE, type RegionChain, seedMembers, sentMessage } from "./helpers.ts";

const PURCHASE = 3; // IBridgeGateway.MessageKind.Purchase
const REFUND = 2;
const PRICE = 10n * ONE;
const UNITS = 5n;

/**
 * Cross-region purchase: a buyer in region A (chain 1001, sales tax 8 %) buys a listing of region
 * B (chain 1002, sales tax 5 %). A burns the buyer's maximum; B mints the price plus B's tax onto
 * its gateway, pays the seller and B's capital pool through B's marketplace, and returns the change.
 */
describe("federation: cross-region purchase", () => {
  let a: RegionChain;
  let b: RegionChain;
  // biome-ignore lint/suspicious/noExplicitAny: ethers contract
  let buyerCo: any; // a Company of A (a treasury contract)
  // biome-ignore lint/suspicious/noExplicitAny: ethers contract
  let sellerCo: any; // a Company of B
  let listingId: bigint;
  let aliceA: RegionChain["signers"][number];

  async function treasury(r: RegionChain, kind: Kind, industry: number, name: string) {
    const t = await r.ethers.deployContract("TestTreasury", [r.signers[0].address]);
    await (await r.registry.registerCompany(await t.getAddress(), Kind.indexOf(kind), industry, name)).wait();
    return t;
  }

  beforeEach(async () => {
    a = await deployRegionChain(1001, { marketplace: true });
    b = await deployRegionChain(1002, { marketplace: true });
    await connect(a, b, 1_000n * ONE, 10_000n * ONE);
    [aliceA] = await seedMembers(a, 1);
    await seedMembers(b, 1);
    await (await b.regionParameters.setParameter(Param.indexOf("SalesTaxRate"), (5n * ONE) / 100n)).wait();
    buyerCo = await treasury(a, "Company", 1, "Houston Steelworks");
    await (await a.reserve.attestDeposit(`0x${"c0".repeat(32)}`, await buyerCo.getAddress(), 1_000n * ONE)).wait();
    sellerCo = await treasury(b, "Company", 1, "Twin Beams");
    const data = b.marketplace.interface.encodeFunctionData("createListing", [0, "Steel beam", PRICE, UNITS]);
    await (await sellerCo.execute(await b.marketplace.getAddress(), data)).wait();
    listingId = await b.marketplace.listingCount();
  });

  afterEach(async () => {
    await a.connection.close();
    await b.connection.close();
  });

  /** The buyer company of A sends a purchase; returns the message. */
  async function companyBuys(quantity: bigint, maxTotal: bigint, seller?: string, listing = listingId) {
    const data = a.bridgeGateway.interface.encodeFunctionData("sendPurchase", [
      b.chainId,
      seller ?? (await sellerCo.getAddress()),
      listing,
      quantity,
      maxTotal,
    ]);
    const receipt = await (await buyerCo.execute(await a.bridgeGateway.getAddress(), data)).wait();
    return sentMessage(a, receipt);
  }

  /** Delivers `message` on `to` with 2-of-3 attestations; returns the receipt. */
  async function deliver(to: RegionChain, message: Awaited<ReturnType<typeof companyBuys>>["message"]) {
    return (await to.bridgeGateway.receiveMessage(message, await attest(message))).wait();
  }

  async function balances() {
    return {
      buyer: await a.rsc.balanceOf(await buyerCo.getAddress()),
      seller: await b.rsc.balanceOf(await sellerCo.getAddress()),
      poolA: await a.rsc.balanceOf(await a.capitalPool.getAddress()),
      poolB: await b.rsc.balanceOf(await b.capitalPool.getAddress()),
      gatewayB: await b.rsc.balanceOf(await b.bridgeGateway.getAddress()),
      supplyA: await a.rsc.totalSupply(),
      supplyB: await b.rsc.totalSupply(),
      available: (await b.marketplace.listingOf(listingId)).available,
    };
  }

  it("pays the seller the net and the seller region's pool its sales tax, and returns the change", async () => {
    const before = await balances();
    const { id, message } = await companyBuys(3n, 40n * ONE);
    expect(message.kind).to.equal(PURCHASE);
    expect(message.ref).to.equal(await a.bridgeGateway.purchaseRef(listingId, 3n));
    expect(message.recipient).to.equal(await sellerCo.getAddress());
    expect(await a.rsc.balanceOf(await buyerCo.getAddress())).to.equal(before.buyer - 40n * ONE);

    const net = 30n * ONE;
    const tax = (net * 5n) / 100n; // B's rate, not A's 8 %
    const receipt = await deliver(b, message);
    const change = await sentMessage(b, receipt);
    await expect(receipt)
      .to.emit(b.marketplace, "PurchasedAcrossRegions")
      .withArgs(listingId, a.chainId, await buyerCo.getAddress(), await sellerCo.getAddress(), 3n, PRICE, net, tax, id);
    await expect(receipt)
      .to.emit(b.bridgeGateway, "PurchaseDelivered")
      .withArgs(id, listingId, 3n, net + tax, 40n * ONE - net - tax, change.id);
    await expect(receipt)
      .to.emit(b.bridgeGateway, "MessageReceived")
      .withArgs(id, a.chainId, await sellerCo.getAddress(), net + tax, PURCHASE);
    expect(change.message.kind).to.equal(REFUND);
    expect(change.message.ref).to.equal(id);
    expect(change.message.recipient).to.equal(await buyerCo.getAddress());
    expect(change.message.amount).to.equal(40n * ONE - net - tax);

    const mid = await balances();
    expect(mid.seller).to.equal(before.seller + net);
    expect(mid.poolB).to.equal(before.poolB + tax);
    expect(mid.poolA).to.equal(before.poolA);
    expect(mid.gatewayB).to.equal(0n);
    expect(mid.available).to.equal(UNITS - 3n);
    expect(mid.supplyB).to.equal(before.supplyB + net + tax);

    await deliver(a, change.message);
    const after = await balances();
    expect(after.buyer).to.equal(before.buyer - net - tax);
    expect(after.supplyA).to.equal(before.supplyA - net - tax);
    // Settlement: A's reserve owes B's exactly what was minted in B.
    expect(await a.bridgeGateway.netFlow(b.chainId)).to.equal(net + tax);
    expect(await b.bridgeGateway.netFlow(a.chainId)).to.equal(-(net + tax));
  });

  it("computes the tax with the seller region's rate at delivery, not at sending", async () => {
    const { message } = await companyBuys(2n, 25n * ONE);
    await (await b.regionParameters.setParameter(Param.indexOf("SalesTaxRate"), (10n * ONE) / 100n)).wait();
    const poolB = await b.rsc.balanceOf(await b.capitalPool.getAddress());
    const receipt = await deliver(b, message);
    expect(await b.rsc.balanceOf(await b.capitalPool.getAddress())).to.equal(poolB + 2n * ONE);
    expect((await sentMessage(b, receipt)).message.amount).to.equal(25n * ONE - 22n * ONE);
  });

  it("lets a person buy (the transfer rule lets her buy at home) and sends no change when exact", async () => {
    const total = (PRICE * 105n) / 100n;
    const receipt = await (
      await a.bridgeGateway.connect(aliceA).sendPurchase(b.chainId, await sellerCo.getAddress(), listingId, 1n, total)
    ).wait();
    const { id, message } = await sentMessage(a, receipt);
    const delivered = await deliver(b, message);
    await expect(delivered)
      .to.emit(b.bridgeGateway, "PurchaseDelivered")
      .withArgs(id, listingId, 1n, total, 0n, `0x${"00".repeat(32)}`);
    await expect(delivered).not.to.emit(b.bridgeGateway, "MessageSent");
  });

  it("refuses buyers whose kind may not buy or bridge out at home, and malformed orders", async () => {
    const outside = a.signers[12];
    await (await a.registry.registerCompany(outside.address, Kind.indexOf("ExternalCompany"), 1, "Outside")).wait();
    const seller = await sellerCo.getAddress();
    await expect(a.bridgeGateway.connect(outside).sendPurchase(b.chainId, seller, listingId, 1n, ONE))
      .to.be.revertedWithCustomError(a.bridgeGateway, "BridgeGatewayNotABuyer")
      .withArgs(outside.address, Kind.indexOf("ExternalCompany"));
    await expect(a.bridgeGateway.connect(a.signers[13]).sendPurchase(b.chainId, seller, listingId, 1n, ONE))
      .to.be.revertedWithCustomError(a.bridgeGateway, "BridgeGatewayNotABuyer")
      .withArgs(a.signers[13].address, Kind.indexOf("None"));
    const zero = "0x0000000000000000000000000000000000000000";
    for (const [listing, quantity, who] of [
      [0n, 1n, seller],
      [1n << 192n, 1n, seller],
      [listingId, 0n, seller],
      [listingId, 1n, zero],
    ] as const) {
      await expect(a.bridgeGateway.connect(aliceA).sendPurchase(b.chainId, who, listing, quantity, ONE))
        .to.be.revertedWithCustomError(a.bridgeGateway, "BridgeGatewayInvalidOrder")
        .withArgs(listing, quantity, who);
    }
    await expect(
      a.bridgeGateway.connect(aliceA).sendPurchase(b.chainId, seller, listingId, 1n, 0n),
    ).to.be.revertedWithCustomError(a.bridgeGateway, "BridgeGatewayZeroAmount");
  });

  describe("bounces back whole, nothing lost", () => {
    const cases: {
      reason: string;
      error: string;
      quantity: bigint;
      maxTotal: bigint;
      prepare?: () => Promise<void>;
      order?: () => Promise<{ seller?: string; listing?: bigint }>;
      args: () => Promise<unknown[]>;
      // Which contract declares the error.
      source: "marketplace" | "gateway";
    }[] = [
      {
        reason: "listing unknown",
        error: "MarketplaceUnknownListing",
        quantity: 1n,
        maxTotal: 20n * ONE,
        order: async () => ({ listing: 99n }),
        args: async () => [99n],
        source: "marketplace",
      },
      {
        reason: "listing inactive",
        error: "MarketplaceListingInactive",
        quantity: 1n,
        maxTotal: 20n * ONE,
        prepare: async () => {
          const data = b.marketplace.interface.encodeFunctionData("setListing", [listingId, PRICE, UNITS, false]);
          await (await sellerCo.execute(await b.marketplace.getAddress(), data)).wait();
        },
        args: async () => [listingId],
        source: "marketplace",
      },
      {
        reason: "too few units left",
        error: "MarketplaceInsufficientQuantity",
        quantity: 6n,
        maxTotal: 100n * ONE,
        args: async () => [listingId, 6n, UNITS],
        source: "marketplace",
      },
      {
        reason: "total above the buyer's maximum",
        error: "MarketplaceAboveMaximum",
        quantity: 2n,
        maxTotal: 20n * ONE,
        args: async () => [listingId, 21n * ONE, 20n * ONE],
        source: "marketplace",
      },
      {
        reason: "another seller than the buyer named",
        error: "BridgeGatewaySellerMismatch",
        quantity: 1n,
        maxTotal: 20n * ONE,
        order: async () => ({ seller: b.signers[14].address }),
        args: async () => [listingId, b.signers[14].address, await sellerCo.getAddress()],
        source: "gateway",
      },
      {
        reason: "no marketplace set in the seller region",
        error: "BridgeGatewayNoMarketplace",
        quantity: 1n,
        maxTotal: 20n * ONE,
        prepare: async () => {
          await (await b.bridgeGateway.setMarketplace("0x0000000000000000000000000000000000000000")).wait();
        },
        args: async () => [],
        source: "gateway",
      },
    ];

    for (const c of cases) {
      it(`${c.reason}: ${c.error}, refund of the whole maximum`, async () => {
        const order = c.order ? await c.order() : {};
        const before = await balances();
        const { id, message } = await companyBuys(c.quantity, c.maxTotal, order.seller, order.listing);
        await c.prepare?.();
        const listingBefore = await b.marketplace.listingOf(listingId);
        const receipt = await deliver(b, message);
        const refund = await sentMessage(b, receipt);
        await expect(receipt)
          .to.emit(b.bridgeGateway, "MessageBounced")
          .withArgs(id, refund.id, (r: string) => r.length > 0);
        const log = receipt.logs
          .map((l: { topics: string[]; data: string }) => {
            try {
              return b.bridgeGateway.interface.parseLog(l);
            } catch {
              return null;
            }
          })
          .find((p: { name: string } | null) => p?.name === "PurchaseRefused");
        expect(log.args.id).to.equal(id);
        const decoder = c.source === "marketplace" ? b.marketplace.interface : b.bridgeGateway.interface;
        const error = decoder.parseError(log.args.reason as Hex);
        expect(error?.name).to.equal(c.error);
        expect([...(error?.args ?? [])]).to.deep.equal(await c.args());
        // Nothing moved in B: no mint, no listing change, nothing left on the gateway.
        const mid = await balances();
        expect(mid.supplyB).to.equal(before.supplyB);
        expect(mid.seller).to.equal(before.seller);
        expect(mid.poolB).to.equal(before.poolB);
        expect(mid.gatewayB).to.equal(0n);
        expect((await b.marketplace.listingOf(listingId)).available).to.equal(listingBefore.available);
        expect(refund.message).to.include({ kind: REFUND, amount: c.maxTotal, ref: id });
        await deliver(a, refund.message);
        expect(await a.rsc.balanceOf(await buyerCo.getAddress())).to.equal(before.buyer);
        expect(await a.rsc.totalSupply()).to.equal(before.supplyA);
        expect(await a.bridgeGateway.netFlow(b.chainId)).to.equal(0n);
        expect(await b.bridgeGateway.netFlow(a.chainId)).to.equal(0n);
      });
    }
  });

  it("still enforces the per-message cap and the rate limits both ways", async () => {
    const gB = await b.bridgeGateway.getAddress();
    await (await a.bridgeGateway.configureRoute(b.chainId, gB, 30n * ONE, 50n * ONE, 50n * ONE, 86_400)).wait();
    const seller = await sellerCo.getAddress();
    await expect(a.bridgeGateway.connect(aliceA).sendPurchase(b.chainId, seller, listingId, 1n, 31n * ONE))
      .to.be.revertedWithCustomError(a.bridgeGateway, "BridgeGatewayCapExceeded")
      .withArgs(31n * ONE, 30n * ONE);
    await (await a.bridgeGateway.connect(aliceA).sendPurchase(b.chainId, seller, listingId, 1n, 30n * ONE)).wait();
    await expect(a.bridgeGateway.connect(aliceA).sendPurchase(b.chainId, seller, listingId, 1n, 21n * ONE))
      .to.be.revertedWithCustomError(a.bridgeGateway, "BridgeGatewayRateLimited")
      // about 20 RSC left (the bucket refills by the second)
      .withArgs(b.chainId, true, 21n * ONE, (left: bigint) => left >= 20n * ONE && left < 21n * ONE);
    // Inbound on B: a purchase above B's inbound window waits (reverts), it does not bounce.
    await (
      await b.bridgeGateway.configureRoute(
        a.chainId,
        await a.bridgeGateway.getAddress(),
        30n * ONE,
        50n * ONE,
        15n * ONE,
        86_400,
      )
    ).wait();
    const { message } = await companyBuys(1n, 20n * ONE);
    await expect(b.bridgeGateway.receiveMessage(message, await attest(message)))
      .to.be.revertedWithCustomError(b.bridgeGateway, "BridgeGatewayRateLimited")
      .withArgs(a.chainId, false, 20n * ONE, (left: bigint) => left >= 15n * ONE && left < 16n * ONE);
    expect(await b.bridgeGateway.isProcessed(a.chainId, message.nonce)).to.equal(false);
  });

  it("refuses a delivery starved of the purchase's gas budget instead of bouncing it", async () => {
    const { message } = await companyBuys(1n, 20n * ONE);
    await expect(
      b.bridgeGateway.receiveMessage(message, await attest(message), { gasLimit: 300_000 }),
    ).to.be.revertedWithCustomError(b.bridgeGateway, "BridgeGatewayInsufficientGas");
    expect(await b.bridgeGateway.isProcessed(a.chainId, message.nonce)).to.equal(false);
    await deliver(b, message);
    expect(await b.bridgeGateway.isProcessed(a.chainId, message.nonce)).to.equal(true);
  });

  it("keeps the privileged entry points to their callers", async () => {
    const { id, message } = await companyBuys(1n, 20n * ONE);
    const outsider = b.signers[15];
    await expect(b.bridgeGateway.connect(outsider).deliverPurchase(message, id))
      .to.be.revertedWithCustomError(b.bridgeGateway, "BridgeGatewayOnlySelf")
      .withArgs(outsider.address);
    await expect(b.bridgeGateway.connect(outsider).setMarketplace(outsider.address)).to.be.revertedWithCustomError(
      b.bridgeGateway,
      "AccessControlUnauthorizedAccount",
    );
    await expect(b.bridgeGateway.setMarketplace(await b.marketplace.getAddress()))
      .to.emit(b.bridgeGateway, "MarketplaceSet")
      .withArgs(await b.marketplace.getAddress());
    // The marketplace's bridge entry point: only a Bridge account (here a member and a company try).
    const member = b.signers[4]; // a member of B (seeded)
    await expect(b.marketplace.connect(member).purchaseFromBridge(listingId, 1n, ONE, a.chainId, member.address, id))
      .to.be.revertedWithCustomError(b.marketplace, "MarketplaceNotABridge")
      .withArgs(member.address, Kind.indexOf("Person"));
    const data = b.marketplace.interface.encodeFunctionData("purchaseFromBridge", [
      listingId,
      1n,
      ONE,
      a.chainId,
      member.address,
      id,
    ]);
    await expect(sellerCo.execute(await b.marketplace.getAddress(), data))
      .to.be.revertedWithCustomError(b.marketplace, "MarketplaceNotABridge")
      .withArgs(await sellerCo.getAddress(), Kind.indexOf("Company"));
    expect((await b.marketplace.listingOf(listingId)).available).to.equal(UNITS);
  });
});
