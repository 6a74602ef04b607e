import { expect } from "chai";
import type { Signer } from "ethers";
import { concatHex, type Hex, toFunctionSelector } from "viem";
import { execSafe } from "../../scripts/lib/safe.ts";
import { ConductorEncodingError, ConductorInputError } from "../../sdk/src/errors.ts";
import { describeSafeTransaction, purchaseArguments } from "../../sdk/src/marketplace/describe.ts";
import {
  decodePackedPurchase,
  encodePackedPurchase,
  PACKED_PURCHASE_MAX,
  PURCHASE_PACKED_SELECTOR,
} from "../../sdk/src/marketplace/packedPurchase.ts";
import { encodePurchase } from "../../sdk/src/marketplace/purchase.ts";
import { Action, ethers } from "../helpers/region.ts";
import { clientFor, deploymentOf } from "../helpers/viem.ts";
import {
  deployMarketplace,
  type MarketplaceFixture,
  marketplaceContracts,
  networkHelpers,
  ONE,
  PRODUCT,
} from "./fixture.ts";

const TAX = (net: bigint) => (net * 8n) / 100n; // default SalesTaxRate 8 %
const PURCHASE_SELECTOR = toFunctionSelector("purchase(uint256,uint64,uint256)");

/** The error an SDK call threw, or undefined. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("Marketplace: the 32-byte purchase call (purchasePacked)", () => {
  let f: MarketplaceFixture;
  let beamId: bigint;
  let market: string;

  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployMarketplace);
    await f.acme.exec(f.marketplace, "createListing", [PRODUCT, "Steel beam", 120n * ONE, 50n]);
    beamId = await f.marketplace.listingCount();
    market = await f.marketplace.getAddress();
  });

  const send = (who: Signer, data: string) => who.sendTransaction({ to: market, data });
  const packed = (listingId: bigint, quantity: bigint, maxTotal: bigint) =>
    encodePackedPurchase({ listingId, quantity, maxTotal });

  /** Balances of alice, bob, acme and the capital pool, and the beam's units left. */
  async function snapshot() {
    const pool = await f.capitalPool.getAddress();
    const balances = await Promise.all(
      [f.alice.address, f.bob.address, f.acme.address, pool].map((a) => f.rsc.balanceOf(a)),
    );
    return { balances, available: (await f.marketplace.listingOf(beamId)).available };
  }

  describe("on chain", () => {
    it("has the same effects, return values and events as purchase(listingId, quantity, maxTotal)", async () => {
      const net = 3n * 120n * ONE;
      const tax = TAX(net);
      const pool = await f.capitalPool.getAddress();
      const data = packed(beamId, 3n, net + tax);
      expect(data.length).to.equal(2 + 64); // 32 bytes

      // Return values: the same (net, tax) from both forms.
      const abiData = f.marketplace.interface.encodeFunctionData("purchase", [beamId, 3n, net + tax]);
      const abiResult = await ethers.provider.call({ from: f.alice.address, to: market, data: abiData });
      const packedResult = await ethers.provider.call({ from: f.bob.address, to: market, data });
      expect(f.marketplace.interface.decodeFunctionResult("purchasePacked", packedResult).toArray()).to.deep.equal([
        net,
        tax,
      ]);
      expect(packedResult).to.equal(abiResult);

      // Alice buys with the ABI call, bob with the packed call: the same movements and events.
      const before = await snapshot();
      const byAbi = await (await f.marketplace.connect(f.alice).purchase(beamId, 3n, net + tax)).wait();
      const byPacked = await (await send(f.bob, data)).wait();
      const after = await snapshot();
      expect(after.balances).to.deep.equal([
        before.balances[0] - net - tax,
        before.balances[1] - net - tax,
        before.balances[2] + 2n * net,
        before.balances[3] + 2n * tax,
      ]);
      expect(after.available).to.equal(before.available - 6n);

      const ref = `0x${beamId.toString(16).padStart(64, "0")}`;
      const events = (receipt: typeof byAbi) =>
        receipt!.logs.flatMap((log: { topics: readonly string[]; data: string }) => {
          const parsed = f.marketplace.interface.parseLog(log) ?? f.rsc.interface.parseLog(log);
          return parsed ? [{ name: parsed.name, args: parsed.args.toArray() }] : [];
        });
      const buyerless = (list: ReturnType<typeof events>, buyer: string) =>
        JSON.stringify(list, (_k, v) => (typeof v === "bigint" ? v.toString() : v === buyer ? "buyer" : v));
      expect(buyerless(events(byPacked), f.bob.address)).to.equal(buyerless(events(byAbi), f.alice.address));
      expect(events(byPacked)).to.deep.include({
        name: "Purchased",
        args: [beamId, f.bob.address, f.acme.address, 3n, 120n * ONE, net, tax],
      });
      expect(events(byPacked)).to.deep.include({
        name: "ActionPerformed",
        args: [BigInt(Action.indexOf("SalesTax")), f.bob.address, pool, tax, ref],
      });
    });

    it("a company buys with it through its 2-of-3 Safe", async () => {
      const net = 10n * 120n * ONE;
      const data = packed(beamId, 10n, net + TAX(net));
      await (await execSafe(f.bank.safe as never, market, data, f.bank.owners.slice(0, 2))).wait();
      expect(await f.rsc.balanceOf(f.acme.address)).to.equal(net);
      expect(await f.rsc.balanceOf(f.bank.address)).to.equal(100_000n * ONE - net - TAX(net));
      const [event] = await f.marketplace.queryFilter(f.marketplace.filters.Purchased(beamId, f.bank.address));
      expect(event.args.toArray()).to.deep.equal([
        beamId,
        f.bank.address,
        f.acme.address,
        10n,
        120n * ONE,
        net,
        TAX(net),
      ]);
    });

    it("refuses any length but 32 bytes with the length, nothing moved", async () => {
      const full = packed(beamId, 1n, 10n ** 30n);
      const cases: [string, Hex][] = [
        ["31 bytes (one short)", full.slice(0, -2) as Hex],
        ["33 bytes (one extra)", `${full}00`],
        ["4 bytes (the selector alone)", PURCHASE_PACKED_SELECTOR],
        ["100 bytes (the ABI arguments)", concatHex([PURCHASE_PACKED_SELECTOR, `0x${"00".repeat(96)}`])],
      ];
      for (const [label, data] of cases) {
        const before = await snapshot();
        await expect(send(f.alice, data), label)
          .to.be.revertedWithCustomError(f.marketplace, "MarketplacePackedLength")
          .withArgs((data.length - 2) / 2);
        expect(await snapshot(), label).to.deep.equal(before);
      }
    });

    it("refuses a total above the stated maximum, nothing moved", async () => {
      const total = 120n * ONE + TAX(120n * ONE);
      const before = await snapshot();
      await expect(send(f.alice, packed(beamId, 1n, total - 1n)))
        .to.be.revertedWithCustomError(f.marketplace, "MarketplaceAboveMaximum")
        .withArgs(beamId, total, total - 1n);
      expect(await snapshot()).to.deep.equal(before);
      await send(f.alice, packed(beamId, 1n, total));
      expect((await snapshot()).balances[0]).to.equal(before.balances[0] - total);
    });

    it("reads every field to its last bit: the largest listing id, quantity and maximum", async () => {
      const max = PACKED_PURCHASE_MAX;
      await expect(send(f.alice, packed(max.listingId, 1n, ONE)))
        .to.be.revertedWithCustomError(f.marketplace, "MarketplaceUnknownListing")
        .withArgs(max.listingId);
      await expect(send(f.alice, packed(beamId, max.quantity, max.maxTotal)))
        .to.be.revertedWithCustomError(f.marketplace, "MarketplaceInsufficientQuantity")
        .withArgs(beamId, max.quantity, 50n);
      await expect(send(f.alice, packed(beamId, 0n, max.maxTotal)))
        .to.be.revertedWithCustomError(f.marketplace, "MarketplaceZeroQuantity")
        .withArgs(beamId);
      // The largest maximum is read whole (a truncated one would refuse the purchase).
      await expect(send(f.alice, packed(beamId, 50n, max.maxTotal)))
        .to.emit(f.marketplace, "Purchased")
        .withArgs(beamId, f.alice.address, f.acme.address, 50n, 120n * ONE, 6_000n * ONE, TAX(6_000n * ONE));
    });

    it("a region's proxy upgraded by governance keeps its listings and buys with the packed call", async () => {
      const implementation = await ethers.deployContract("Marketplace", [
        await f.rsc.getAddress(),
        await f.regionParameters.getAddress(),
        await f.capitalPool.getAddress(),
      ]);
      await expect(
        f.marketplace.connect(f.alice).upgradeToAndCall(await implementation.getAddress(), "0x"),
      ).to.be.revertedWithCustomError(f.marketplace, "AccessControlUnauthorizedAccount");
      await f.marketplace.connect(f.admin).upgradeToAndCall(await implementation.getAddress(), "0x");
      expect((await f.marketplace.listingOf(beamId)).name).to.equal("Steel beam");
      await expect(send(f.alice, packed(beamId, 2n, 10n ** 30n)))
        .to.emit(f.marketplace, "Purchased")
        .withArgs(beamId, f.alice.address, f.acme.address, 2n, 120n * ONE, 240n * ONE, TAX(240n * ONE));
      expect((await f.marketplace.listingOf(beamId)).available).to.equal(48n);
    });

    it("refuses an unregistered buyer through the token's rule, and the seller buying itself", async () => {
      await expect(send(f.outsider, packed(beamId, 1n, 10n ** 30n))).to.be.revertedWithCustomError(
        f.rsc,
        "RSCActionNotAllowed",
      );
      await expect(
        ethers.provider.call({ from: f.acme.address, to: market, data: packed(beamId, 1n, 10n ** 30n) }),
      ).to.be.revertedWithCustomError(f.marketplace, "MarketplaceSelfPurchase");
    });
  });

  describe("SDK", () => {
    it("encodes selector | listingId (5 bytes) | quantity (5) | maxTotal (18) and decodes it back", () => {
      const data = encodePackedPurchase({ listingId: 0x0102030405n, quantity: 0x0a0b0c0d0en, maxTotal: 0xffn });
      expect(data).to.equal(`${PURCHASE_PACKED_SELECTOR}0102030405${"0a0b0c0d0e"}${"00".repeat(17)}ff`);
      expect(PURCHASE_PACKED_SELECTOR).to.equal(f.marketplace.interface.getFunction("purchasePacked")!.selector);
      for (const args of [
        { listingId: 0n, quantity: 0n, maxTotal: 0n },
        { listingId: 1n, quantity: 10n, maxTotal: 1_296n * ONE },
        { ...PACKED_PURCHASE_MAX },
      ]) {
        expect(decodePackedPurchase(encodePackedPurchase(args))).to.deep.equal(args);
      }
    });

    it("refuses a value that does not fit with a typed error naming the field and its bound", () => {
      const ok = { listingId: 1n, quantity: 1n, maxTotal: ONE };
      const bounds = [
        ["listingId", 2n ** 40n],
        ["quantity", 2n ** 40n],
        ["maxTotal", 2n ** 144n],
      ] as const;
      for (const [field, limit] of bounds) {
        expect(() => encodePackedPurchase({ ...ok, [field]: limit - 1n })).not.to.throw();
        for (const value of [limit, -1n]) {
          const error = thrown(() => encodePackedPurchase({ ...ok, [field]: value }));
          expect(error, `${field} = ${value}`).to.be.instanceOf(ConductorEncodingError);
          expect(error).to.be.instanceOf(ConductorInputError);
          expect((error as ConductorEncodingError).code).to.equal("PackedPurchaseOutOfRange");
          expect((error as ConductorEncodingError).values).to.deep.equal({ field, value, max: limit - 1n });
        }
      }
    });

    it("refuses to decode another call or another length", () => {
      const abi = f.marketplace.interface.encodeFunctionData("purchase", [1n, 1n, 1n]) as Hex;
      const wrongSelector = thrown(() => decodePackedPurchase(abi)) as ConductorEncodingError;
      expect(wrongSelector).to.be.instanceOf(ConductorEncodingError);
      expect(wrongSelector.code).to.equal("NotPackedPurchase");
      expect(wrongSelector.values).to.deep.equal({ selector: PURCHASE_SELECTOR });
      const full = encodePackedPurchase({ listingId: 1n, quantity: 1n, maxTotal: 1n });
      for (const data of [full.slice(0, -2) as Hex, `${full}00` as Hex, PURCHASE_PACKED_SELECTOR]) {
        const error = thrown(() => decodePackedPurchase(data)) as ConductorEncodingError;
        expect(error).to.be.instanceOf(ConductorEncodingError);
        expect(error.code).to.equal("PackedPurchaseLength");
        expect(error.values).to.deep.equal({ length: (data.length - 2) / 2, expected: 32 });
      }
    });

    it("encodePurchase sends the packed form, and the ABI form only for a value that does not fit", async () => {
      const client = clientFor(await deploymentOf(marketplaceContracts(f)));
      const quoted = await encodePurchase(client, { listingId: beamId, quantity: 10 });
      expect(quoted.data).to.equal(packed(beamId, 10n, 1_296n * ONE));
      expect(quoted.maxTotal).to.equal(1_296n * ONE);
      const bigQuantity = await encodePurchase(client, { listingId: beamId, quantity: 2n ** 40n, maxTotal: ONE });
      expect(bigQuantity.data.slice(0, 10)).to.equal(PURCHASE_SELECTOR);
      expect(purchaseArguments(bigQuantity.data)).to.deep.equal({
        listingId: beamId,
        quantity: 2n ** 40n,
        maxTotal: ONE,
      });
      const bigMaximum = await encodePurchase(client, { listingId: beamId, quantity: 1, maxTotal: 2n ** 144n });
      expect(bigMaximum.data.slice(0, 10)).to.equal(PURCHASE_SELECTOR);
      const fits = await encodePurchase(client, { listingId: beamId, quantity: 2n ** 40n - 1n, maxTotal: ONE });
      expect(fits.data.slice(0, 10)).to.equal(PURCHASE_PACKED_SELECTOR);
    });

    it("describeSafeTransaction reads a packed purchase as it reads the ABI one", async () => {
      const client = clientFor(await deploymentOf(marketplaceContracts(f)));
      const text = "buy 10 × Steel beam from Acme Steel for 1,200.00 RSC (+96.00 RSC sales tax; at most 1,296.00 RSC)";
      const packedCall = { to: market as Hex, data: packed(beamId, 10n, 1_296n * ONE) };
      const abiCall = {
        to: market as Hex,
        data: f.marketplace.interface.encodeFunctionData("purchase", [beamId, 10n, 1_296n * ONE]) as Hex,
      };
      expect(await describeSafeTransaction(client, packedCall)).to.equal(text);
      expect(await describeSafeTransaction(client, abiCall)).to.equal(text);
      expect(purchaseArguments(packedCall.data)).to.deep.equal(purchaseArguments(abiCall.data));
      // A malformed packed call is not described as a purchase.
      expect(await describeSafeTransaction(client, { to: packedCall.to, data: `${packedCall.data}00` })).to.match(
        /^call 0x[0-9a-fA-F]{40} with data /,
      );
    });
  });
});
