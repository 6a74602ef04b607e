import { expect } from "chai";
import { parseEther } from "ethers";
import { LOT_PERIODS_PER_DELAY, LOT_RING, LOT_UNIT, lotPeriod } from "../../sdk/src/audit/rules/lots.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { getLots } from "../../sdk/src/marketplace/getLots.ts";
import { clientFor, deploymentOf } from "../helpers/viem.ts";
import {
  DAY,
  deployMarketplace,
  type MarketplaceFixture,
  marketplaceContracts,
  networkHelpers,
  ONE,
  PRODUCT,
} from "./fixture.ts";

const { time } = networkHelpers;
const PARAM = { ProfitAtRestDelay: 2, ProfitAtRestRate: 3 };
/** The ring's size (CompanyLots.RING). */
const RING = 64;
/** A lot's period under a 1-day delay: 1/32 of it in whole 15-minute units, 3 units. */
const PERIOD = 2_700;

type Lot = {
  index: bigint;
  amount: bigint;
  open: bigint;
  datedAt: bigint;
  exemptAmount: bigint;
  collected: boolean;
};

describe("ProfitAtRest: a company's lots in a ring of 64 words", () => {
  let f: MarketplaceFixture;
  let deployment: Deployment;
  let t0: number;
  const beam = 1n; // acme sells at 1 RSC

  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployMarketplace);
    deployment = await deploymentOf(marketplaceContracts(f));
    await f.acme.exec(f.marketplace, "createListing", [PRODUCT, "Steel beam", ONE, 2n ** 64n - 1n]);
    await f.regionParameters.setParameter(PARAM.ProfitAtRestRate, parseEther("0.05"));
    await f.regionParameters.setParameter(PARAM.ProfitAtRestDelay, DAY);
    t0 = Math.ceil(((await time.latest()) + 100) / 900) * 900;
  });

  const sellAt = async (t: number, units = 1n) => {
    await time.setNextBlockTimestamp(t);
    await f.marketplace.connect(f.alice).purchase(beam, units, 10n ** 30n);
  };
  const lotsOfAcme = async (): Promise<Lot[]> => f.profitAtRest.lotsOf(f.acme.address, 0n, 1_000n);
  /** What the shown lots leave out (older lots, all collected) plus what they hold: the balance. */
  const expectLotsToHoldTheBalance = async () => {
    const { lots, olderOpen, totalOpen } = await getLots(clientFor(deployment), {
      company: f.acme.address,
      includeCollected: true,
    });
    const balance = await f.rsc.balanceOf(f.acme.address);
    expect(totalOpen).to.equal(balance);
    expect(lots.reduce((s, l) => s + l.open, 0n) + olderOpen).to.equal(balance);
  };

  it("the SDK's lot constants (auditor, keeper) are the contract's", async () => {
    expect(await f.profitAtRest.LOT_UNIT()).to.equal(LOT_UNIT);
    expect(await f.profitAtRest.LOT_PERIODS_PER_DELAY()).to.equal(LOT_PERIODS_PER_DELAY);
    expect(await f.profitAtRest.LOT_RING()).to.equal(BigInt(LOT_RING));
    expect(BigInt(RING)).to.equal(BigInt(LOT_RING));
    expect(lotPeriod(BigInt(DAY)) * LOT_UNIT).to.equal(BigInt(PERIOD));
  });

  it("registration writes every word of the company's ring once, so no lot opens a fresh slot", async () => {
    // The exempt trader and a company that never received anything: placeholders only.
    for (let i = 0n; i < BigInt(RING); i++) {
      const [, book, word] = await f.rsc.lotWords(f.grocer.address, i);
      expect(book).to.equal(0n);
      expect(word).to.equal(1n);
    }
    // A person keeps no lots.
    await expect(f.profitAtRest.lotsStateOf(f.alice.address))
      .to.be.revertedWithCustomError(f.profitAtRest, "ProfitAtRestNotACompany")
      .withArgs(f.alice.address);
  });

  it("with 64 lots uncollected an inflow joins the newest lot, dated anew; collection frees words", async () => {
    // 64 lots, one per period; none collected (no keeper, no spending by acme).
    for (let k = 0; k < RING; k++) await sellAt(t0 + k * PERIOD);
    let book = await f.profitAtRest.bookOf(f.acme.address);
    expect([book.lotCount, book.cursor]).to.deep.equal([64n, 0n]);

    // Full: the next period's inflow joins lot 63 and dates it at the end of a period from now.
    const late = t0 + 70 * PERIOD;
    await sellAt(late, 2n);
    // An exempt deposit joins it too, counted apart.
    await time.setNextBlockTimestamp(late + 60);
    await f.deposit(f.acme.address, 5n * ONE);
    book = await f.profitAtRest.bookOf(f.acme.address);
    expect(book.lotCount).to.equal(64n);
    let lots = await lotsOfAcme();
    expect(lots).to.have.length(RING);
    const newest = lots[RING - 1];
    expect([newest.index, newest.amount, newest.exemptAmount]).to.deep.equal([63n, 8n * ONE, 5n * ONE]);
    expect(newest.datedAt).to.equal(BigInt(late + PERIOD));
    await expectLotsToHoldTheBalance();

    // Anyone collects the due lots (a day after each lot's date): 0..~38 taxed 5 % each.
    await time.setNextBlockTimestamp(late + 2 * 60);
    await f.profitAtRest.connect(f.outsider).collect(f.acme.address, 256n);
    book = await f.profitAtRest.bookOf(f.acme.address);
    const cursor = Number(book.cursor);
    expect(cursor).to.be.greaterThan(30);
    expect(cursor).to.be.lessThan(RING);
    await expectLotsToHoldTheBalance();

    // Room again: new lots open, their closed predecessors reusing the words of lots 0, 1, 2...
    for (let k = 0; k < 3; k++) await sellAt(late + (2 + k) * PERIOD);
    book = await f.profitAtRest.bookOf(f.acme.address);
    expect(book.lotCount).to.equal(67n);
    lots = await lotsOfAcme();
    // The view starts at the oldest lot it keeps whole (lot 3: lot 2's end is its start).
    expect(lots.map((l) => l.index)).to.deep.equal(Array.from({ length: RING }, (_, k) => BigInt(k + 3)));
    expect(lots[RING - 4].amount).to.equal(8n * ONE); // lot 63, closed into the word of lot 63
    const [, , wordOfLot0] = await f.rsc.lotWords(f.acme.address, 64n);
    expect(wordOfLot0 & ((1n << 128n) - 1n)).to.equal(await cumulativeInflowAfter(65)); // lot 64 in word 0
    await expectLotsToHoldTheBalance();

    // Everything is collected in time, each lot once.
    await time.increase(3 * DAY);
    await f.profitAtRest.collect(f.acme.address, 256n);
    book = await f.profitAtRest.bookOf(f.acme.address);
    expect(book.cursor).to.equal(67n);
    await expectLotsToHoldTheBalance();
  });

  /** acme's cumulative inflow after its first `lots` lots (1 RSC each, lot 63 holds 8). */
  async function cumulativeInflowAfter(lots: number) {
    const all = await lotsOfAcme();
    const book = await f.profitAtRest.bookOf(f.acme.address);
    const kept = all.reduce((s, l) => s + l.amount, 0n);
    const beforeKept = book.totalIn - kept;
    return all.filter((l) => Number(l.index) < lots).reduce((s, l) => s + l.amount, beforeKept);
  }

  it("a full ring never stops a sale and never taxes money early: the re-dated lot falls due a delay after its latest inflow", async () => {
    for (let k = 0; k < RING; k++) await sellAt(t0 + k * PERIOD);
    const late = t0 + 80 * PERIOD;
    await sellAt(late);
    const [newest] = (await lotsOfAcme()).slice(-1);
    expect(newest.datedAt).to.be.greaterThan(BigInt(late));
    // Collected up to lot 62 at most: lot 63 holds money of second `late`, due only a day after its date.
    await time.setNextBlockTimestamp(late + DAY);
    await f.profitAtRest.collect(f.acme.address, 256n);
    const book = await f.profitAtRest.bookOf(f.acme.address);
    expect(book.cursor).to.equal(63n);
    await time.setNextBlockTimestamp(Number(newest.datedAt) + DAY);
    await expect(f.profitAtRest.collect(f.acme.address, 256n))
      .to.emit(f.profitAtRest, "ProfitAtRestCollected")
      .withArgs(f.acme.address, 63n, 2n * ONE, ONE / 10n);
  });

  it("the view shows only booked lots, and only the collector moves the cursor", async () => {
    for (let k = 0; k < 3; k++) await sellAt(t0 + k * PERIOD);
    // lotsOf past the newest returns nothing; asking from far before returns the kept lots.
    expect(await f.profitAtRest.lotsOf(f.acme.address, 3n, 10n)).to.have.length(0);
    expect((await lotsOfAcme()).map((l) => l.index)).to.deep.equal([0n, 1n, 2n]);
    await expect(f.rsc.connect(f.alice).setLotCursor(f.acme.address, 1n))
      .to.be.revertedWithCustomError(f.rsc, "RSCUnauthorizedLedger")
      .withArgs(f.alice.address);
  });
});
