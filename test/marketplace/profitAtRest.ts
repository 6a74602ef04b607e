import { expect } from "chai";
import { parseEther } from "ethers";
import { Action } from "../helpers/region.ts";
import {
  DAY,
  deployMarketplace,
  ethers,
  type MarketplaceFixture,
  networkHelpers,
  ONE,
  PRODUCT,
  SERVICE,
} from "./fixture.ts";

const { time } = networkHelpers;
const PARAM = { ProfitAtRestDelay: 2, ProfitAtRestRate: 3, RegionalProfitAtRestDelay: 4, RegionalProfitAtRestRate: 5 };
/** A lot's period under the 30-day delay: 1/32 of it, 90 units of 15 minutes (22.5 hours). */
const PERIOD = 90 * 900;

/** Σ of the open parts of every lot of `company`. */
async function sumOpen(f: MarketplaceFixture, company: string) {
  const lots = await f.profitAtRest.lotsOf(company, 0n, 10_000n);
  return lots.reduce((sum: bigint, lot: { open: bigint }) => sum + lot.open, 0n);
}

describe("ProfitAtRest", () => {
  let f: MarketplaceFixture;
  let t0: number;
  const beam = 1n; // acme sells at 1 RSC
  const coal = 2n; // grocer sells at 1 RSC
  const checkup = 3n; // clinic sells at 1 RSC

  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployMarketplace);
    await f.acme.exec(f.marketplace, "createListing", [PRODUCT, "Steel beam", ONE, 2n ** 64n - 1n]);
    await f.grocer.exec(f.marketplace, "createListing", [PRODUCT, "Coal", ONE, 2n ** 64n - 1n]);
    await f.clinic.exec(f.marketplace, "createListing", [SERVICE, "Check-up", ONE, 2n ** 64n - 1n]);
    await f.regionParameters.setParameter(PARAM.ProfitAtRestRate, parseEther("0.05"));
    await f.profitAtRest.syncParameters();
    // Lot dates are whole 15-minute units: start the story at a unit's start.
    t0 = Math.ceil(((await time.latest()) + 100) / 900) * 900;
  });

  const at = (day: number) => time.setNextBlockTimestamp(t0 + day * DAY);
  const sell = (listing: bigint, units: bigint) => f.marketplace.connect(f.alice).purchase(listing, units, 10n ** 30n);

  it("FIFO by hand: income on days 0, 10, 20, a spend on day 25, delay 30 days, rate 5 %", async () => {
    await at(0);
    await sell(beam, 100n);
    await at(10);
    await sell(beam, 200n);
    await at(20);
    await sell(beam, 300n);
    await at(25);
    // 150 net + 12 sales tax = 162 out: lot 0 (100) spent, lot 1 keeps 138.
    await f.acme.exec(f.marketplace, "purchase", [coal, 150n, 162n * ONE]);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(438n * ONE);
    const lots = await f.profitAtRest.lotsOf(f.acme.address, 0n, 10n);
    expect(lots.map((l: { open: bigint }) => l.open)).to.deep.equal([0n, 138n * ONE, 300n * ONE]);
    // Each lot is dated at the end of its period, so due a period after 30 days from its first inflow.
    expect(lots.map((l: { dueAt: bigint }) => l.dueAt)).to.deep.equal(
      [30, 40, 50].map((d) => BigInt(t0 + d * DAY + PERIOD)),
    );

    // Day 35: lot 0 is due but fully spent — no tax; lot 1 not due yet. Anyone may collect.
    await at(35);
    await expect(f.profitAtRest.connect(f.outsider).collect(f.acme.address, 10n))
      .to.emit(f.profitAtRest, "ProfitAtRestCollected")
      .withArgs(f.acme.address, 0n, 0n, 0n);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(438n * ONE);

    // Day 45: lot 1 open 138 → tax 6.9.
    await at(45);
    const pool = await f.capitalPool.getAddress();
    const tx = f.profitAtRest.connect(f.outsider).collect(f.acme.address, 10n);
    await expect(tx)
      .to.emit(f.profitAtRest, "ProfitAtRestCollected")
      .withArgs(f.acme.address, 1n, 138n * ONE, parseEther("6.9"));
    await expect(tx)
      .to.emit(f.rsc, "ActionPerformed")
      .withArgs(Action.indexOf("ProfitAtRestTax"), f.acme.address, pool, parseEther("6.9"), ethers.toBeHex(1n, 32));
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(parseEther("431.1"));

    // Day 55: lot 2 open 300 → tax 15, taken from the oldest open money (lot 1).
    await at(55);
    await f.profitAtRest.connect(f.outsider).collect(f.acme.address, 10n);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(parseEther("416.1"));
    const after = await f.profitAtRest.lotsOf(f.acme.address, 0n, 10n);
    expect(after.map((l: { open: bigint }) => l.open)).to.deep.equal([0n, parseEther("116.1"), 300n * ONE]);
    expect(after.map((l: { collected: boolean }) => l.collected)).to.deep.equal([true, true, true]);

    // Never taxed again.
    await at(400);
    await expect(f.profitAtRest.connect(f.outsider).collect(f.acme.address, 10n)).not.to.emit(
      f.profitAtRest,
      "ProfitAtRestCollected",
    );
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(parseEther("416.1"));
    expect(await sumOpen(f, f.acme.address)).to.equal(parseEther("416.1"));
  });

  it("a company's own outflow collects due lots first, on what it held", async () => {
    await at(0);
    await sell(beam, 100n);
    await at(31);
    // Spend 10 net + 0.8 tax; lot 0 (100, due on day 30) is taxed 5 before the spend.
    await f.acme.exec(f.marketplace, "purchase", [coal, 10n, parseEther("10.8")]);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(parseEther("84.2"));
    const [lot] = await f.profitAtRest.lotsOf(f.acme.address, 0n, 1n);
    expect(lot.collected).to.equal(true);
    expect(lot.open).to.equal(parseEther("84.2"));
  });

  it("refuses a spend that would leave less than the tax due", async () => {
    await at(0);
    await sell(beam, 100n);
    await f.bank.exec(f.loans, "offerLoan", [f.acme.address, 1000n * ONE, 100n * ONE, 1, 60 * DAY]);
    await f.acme.exec(f.loans, "acceptLoan", [1n]);
    await time.increaseTo(t0 + 31 * DAY);
    // The most coal acme can pay for (price + sales tax) out of its 1,100 RSC.
    const [unitNet, unitTax] = await f.marketplace.quote(coal, 1n);
    const units = (1100n * ONE) / (unitNet + unitTax);
    const [net, tax] = await f.marketplace.quote(coal, units);
    const left = 1100n * ONE - net - tax;
    expect(left < 5n * ONE).to.equal(true);
    const buy = f.marketplace.interface.encodeFunctionData("purchase", [coal, units, 10n ** 30n]);
    await expect(ethers.provider.call({ to: await f.marketplace.getAddress(), data: buy, from: f.acme.address }))
      .to.be.revertedWithCustomError(f.profitAtRest, "ProfitAtRestTaxUnpaid")
      .withArgs(f.acme.address, 5n * ONE, left);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(1100n * ONE);
  });

  it("loan repayments and wages come before the profit-at-rest tax: collection waits, then resumes", async () => {
    await at(0);
    await sell(beam, 100n);
    await f.bank.exec(f.loans, "offerLoan", [f.acme.address, 1000n * ONE, 100n * ONE, 1, 60 * DAY]);
    await f.acme.exec(f.loans, "acceptLoan", [1n]);
    await time.increaseTo(t0 + 31 * DAY);
    // Lot 0 (100 RSC of sales) is due: 5 RSC of tax. A repayment leaving 2 RSC still goes through
    // (before this rule it was refused with ProfitAtRestTaxUnpaid(acme, 5, 2)).
    await expect(f.acme.exec(f.loans, "repayLoan", [1n, 1098n * ONE])).not.to.emit(
      f.profitAtRest,
      "ProfitAtRestCollected",
    );
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(2n * ONE);
    expect((await f.profitAtRest.bookOf(f.acme.address)).cursor).to.equal(0n);
    // A wage with its income tax, through a module allowed Wage and IncomeTax, also goes through.
    const payer = await ethers.deployContract("TestModule", [await f.rsc.getAddress()]);
    const wageMask = (1 << Action.indexOf("Wage")) | (1 << Action.indexOf("IncomeTax"));
    await f.rsc.registerModule(await payer.getAddress(), 6, wageMask);
    const pool = await f.capitalPool.getAddress();
    // Collection resumes at this next outflow. The sale and the loan share lot 0 (one period);
    // spending takes a lot's exempt money first, so the repayment spent the loan and the 2 RSC
    // left are the sale's: taxed 5 % (0.1), on what was held before the wage.
    await expect(
      payer.moveTaxed(
        Action.indexOf("Wage"),
        f.acme.address,
        f.alice.address,
        parseEther("1.5"),
        pool,
        ethers.ZeroHash,
      ),
    )
      .to.emit(f.profitAtRest, "ProfitAtRestCollected")
      .withArgs(f.acme.address, 0n, 2n * ONE, parseEther("0.1"));
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(parseEther("0.4"));
    expect((await f.profitAtRest.bookOf(f.acme.address)).cursor).to.equal(1n);
    expect(await sumOpen(f, f.acme.address)).to.equal(await f.rsc.balanceOf(f.acme.address));
  });

  it("inflows never collect (the buyer does not pay for the seller's tax)", async () => {
    await at(0);
    await sell(beam, 100n);
    await at(31);
    await expect(sell(beam, 1n)).not.to.emit(f.profitAtRest, "ProfitAtRestCollected");
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(101n * ONE);
  });

  it("inflows during a lot's period (1/32 of the delay) join it; the next opens a lot; each dated at its period's end", async () => {
    await at(0);
    await sell(beam, 1n);
    await time.setNextBlockTimestamp(t0 + PERIOD - 1);
    await sell(beam, 2n);
    await time.setNextBlockTimestamp(t0 + PERIOD);
    await sell(beam, 3n);
    const book = await f.profitAtRest.bookOf(f.acme.address);
    expect(book.lotCount).to.equal(2n);
    const lots = await f.profitAtRest.lotsOf(f.acme.address, 0n, 10n);
    expect(lots.map((l: { amount: bigint }) => l.amount)).to.deep.equal([3n * ONE, 3n * ONE]);
    // No money is younger than its lot's date: none falls due before it rested 30 days.
    expect(lots.map((l: { datedAt: bigint }) => l.datedAt)).to.deep.equal([t0 + PERIOD, t0 + 2 * PERIOD].map(BigInt));
    expect(lots.map((l: { dueAt: bigint }) => l.dueAt)).to.deep.equal(
      [t0 + PERIOD + 30 * DAY, t0 + 2 * PERIOD + 30 * DAY].map(BigInt),
    );
    // The money of second t0 + PERIOD − 1 is not due a second before it rested 30 days.
    await time.setNextBlockTimestamp(t0 + PERIOD + 30 * DAY - 1);
    await expect(f.profitAtRest.collect(f.acme.address, 10n)).not.to.emit(f.profitAtRest, "ProfitAtRestCollected");
  });

  it("a lot's period follows the delay in force when it opens (1 day: 45 minutes)", async () => {
    await f.regionParameters.setParameter(PARAM.ProfitAtRestDelay, DAY);
    await at(0);
    await sell(beam, 1n);
    await time.setNextBlockTimestamp(t0 + 45 * 60 - 1);
    await sell(beam, 1n);
    await time.setNextBlockTimestamp(t0 + 45 * 60);
    await sell(beam, 1n);
    const lots = await f.profitAtRest.lotsOf(f.acme.address, 0n, 10n);
    expect(lots.map((l: { amount: bigint }) => l.amount)).to.deep.equal([2n * ONE, ONE]);
    expect(lots.map((l: { datedAt: bigint }) => l.datedAt)).to.deep.equal([t0 + 2_700, t0 + 5_400].map(BigInt));
  });

  it("refuses one inflow too large for a lot (2^94 wei and more), moving nothing", async () => {
    const minter = await ethers.deployContract("TestModule", [await f.rsc.getAddress()]);
    await f.rsc.registerModule(await minter.getAddress(), 6, 1 << Action.indexOf("Deposit"));
    const huge = 2n ** 94n;
    await expect(minter.move(Action.indexOf("Deposit"), ethers.ZeroAddress, f.acme.address, huge, ethers.ZeroHash))
      .to.be.revertedWithCustomError(f.rsc, "CompanyLotsInflowTooLarge")
      .withArgs(f.acme.address, huge);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(0n);
    // just below the bound is one lot
    await minter.move(Action.indexOf("Deposit"), ethers.ZeroAddress, f.acme.address, huge - 1n, ethers.ZeroHash);
    expect((await f.profitAtRest.bookOf(f.acme.address)).lotCount).to.equal(1n);
  });

  it("USD deposits and loan disbursements join their period's lot as exempt money: spent first, never taxed", async () => {
    await at(0);
    await sell(beam, 100n);
    await f.deposit(f.acme.address, 50n * ONE);
    await f.bank.exec(f.loans, "offerLoan", [f.acme.address, 1000n * ONE, 100n * ONE, 10, 30 * DAY]);
    await f.acme.exec(f.loans, "acceptLoan", [1n]);
    // A deposit in a later period is a lot of exempt money only.
    await at(2);
    await f.deposit(f.acme.address, 30n * ONE);
    const lots = await f.profitAtRest.lotsOf(f.acme.address, 0n, 10n);
    expect(lots.map((l: { amount: bigint }) => l.amount)).to.deep.equal([1150n * ONE, 30n * ONE]);
    expect(lots.map((l: { exemptAmount: bigint }) => l.exemptAmount)).to.deep.equal([1050n * ONE, 30n * ONE]);
    // Spending 1,000 takes lot 0's exempt money: its 100 of sales stay whole.
    await at(3);
    await f.acme.exec(f.marketplace, "purchase", [coal, 925n, 10n ** 30n]); // 925 + 74 tax = 999
    await at(40);
    const tx = f.profitAtRest.collect(f.acme.address, 10n);
    await expect(tx)
      .to.emit(f.profitAtRest, "ProfitAtRestCollected")
      .withArgs(f.acme.address, 0n, 100n * ONE, 5n * ONE);
    await expect(tx).to.emit(f.profitAtRest, "ProfitAtRestCollected").withArgs(f.acme.address, 1n, 0n, 0n);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(176n * ONE);
    // (151 RSC were left of lot 0: its 100 of sales are taxable, the rest was exempt money.)
    // The bank's own deposit lot is exempt too.
    await f.profitAtRest.collect(f.bank.address, 10n);
    expect(await f.rsc.balanceOf(f.bank.address)).to.equal(99_000n * ONE);
  });

  it("a lot's taxable open part is what is left of it up to its taxable money", async () => {
    await at(0);
    await sell(beam, 100n);
    await f.deposit(f.acme.address, 50n * ONE);
    // 129.6 spent: the 50 exempt first, then 79.6 of the 100 of sales; 20.4 left, all taxable.
    await f.acme.exec(f.marketplace, "purchase", [coal, 120n, 10n ** 30n]); // 120 + 9.6 tax
    const [lot] = await f.profitAtRest.lotsOf(f.acme.address, 0n, 1n);
    expect(lot.open).to.equal(parseEther("20.4"));
    await at(31);
    await expect(f.profitAtRest.collect(f.acme.address, 10n))
      .to.emit(f.profitAtRest, "ProfitAtRestCollected")
      .withArgs(f.acme.address, 0n, parseEther("20.4"), parseEther("1.02"));
  });

  it("a regionally-operated company follows the regional delay and rate", async () => {
    await f.regionParameters.setParameter(PARAM.RegionalProfitAtRestRate, parseEther("0.1"));
    await at(0);
    await sell(checkup, 100n);
    await at(31);
    await f.profitAtRest.collect(f.clinic.address, 10n); // syncs the rates first
    expect(await f.rsc.balanceOf(f.clinic.address)).to.equal(100n * ONE);
    // Dated at the end of its period (90 days / 32 = 67.5 hours), so due on day 92.8.
    await at(92);
    await f.profitAtRest.collect(f.clinic.address, 10n);
    expect(await f.rsc.balanceOf(f.clinic.address)).to.equal(100n * ONE);
    await at(93);
    await f.profitAtRest.collect(f.clinic.address, 10n);
    expect(await f.rsc.balanceOf(f.clinic.address)).to.equal(90n * ONE);
  });

  it("invariant: the open lots of a company sum to its balance, through every kind of movement", async () => {
    const check = async () => {
      for (const c of [f.acme, f.grocer, f.bank]) {
        expect(await sumOpen(f, c.address)).to.equal(await f.rsc.balanceOf(c.address));
      }
    };
    await f.bank.exec(f.loans, "offerLoan", [f.acme.address, 500n * ONE, 50n * ONE, 5, 30 * DAY]);
    for (let day = 0; day < 200; day += 7) {
      await at(day);
      await sell(beam, BigInt(10 + (day % 13)));
      if (day === 14) await f.acme.exec(f.loans, "acceptLoan", [1n]);
      if (day % 21 === 0) await f.acme.exec(f.marketplace, "purchase", [coal, BigInt(5 + (day % 7)), 10n ** 30n]);
      if (day % 28 === 0 && day > 14) await f.acme.exec(f.loans, "repayLoan", [1n, 20n * ONE]);
      if (day % 35 === 0) await f.profitAtRest.collect(f.grocer.address, 3n);
      await check();
    }
    await f.profitAtRest.collect(f.acme.address, 256n);
    await check();
  });

  it("books lots while no collector is set; the due lot waits for the collector", async () => {
    await f.rsc.setLotLedger(ethers.ZeroAddress);
    await at(0);
    await sell(beam, 100n);
    await at(31);
    await f.acme.exec(f.marketplace, "purchase", [coal, 10n, parseEther("10.8")]);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(parseEther("89.2"));
    expect((await f.profitAtRest.bookOf(f.acme.address)).cursor).to.equal(0n);
    expect(await sumOpen(f, f.acme.address)).to.equal(parseEther("89.2"));
    await f.rsc.setLotLedger(await f.profitAtRest.getAddress());
    // 89.2 still open in lot 0 at the next outflow: 5 % of it is taxed before the spend.
    await expect(f.acme.exec(f.marketplace, "purchase", [coal, 1n, parseEther("1.08")]))
      .to.emit(f.profitAtRest, "ProfitAtRestCollected")
      .withArgs(f.acme.address, 0n, parseEther("89.2"), parseEther("4.46"));
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(parseEther("83.66"));
  });

  it("a paused ProfitAtRestTax never blocks a company's spending; the lot waits", async () => {
    await at(0);
    await sell(beam, 100n);
    await f.rsc.grantRole(await f.rsc.GUARDIAN_ROLE(), f.admin.address);
    await at(31);
    await f.rsc.pauseActions(1 << Action.indexOf("ProfitAtRestTax"), t0 + 40 * DAY, "audit");
    await f.acme.exec(f.marketplace, "purchase", [coal, 10n, parseEther("10.8")]);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(parseEther("89.2"));
    expect((await f.profitAtRest.bookOf(f.acme.address)).cursor).to.equal(0n);
  });

  describe("access and bad input", () => {
    it("only the token asks for collection, and only the collector moves a lot cursor", async () => {
      await expect(f.profitAtRest.connect(f.alice).collectOnOutflow(f.acme.address, 2, 1n, false))
        .to.be.revertedWithCustomError(f.profitAtRest, "ProfitAtRestUnauthorizedToken")
        .withArgs(f.alice.address);
      await expect(f.rsc.connect(f.alice).setLotCursor(f.acme.address, 1n))
        .to.be.revertedWithCustomError(f.rsc, "RSCUnauthorizedLedger")
        .withArgs(f.alice.address);
    });

    it("the collector itself can never move a cursor back, or past the last lot", async () => {
      await at(0);
      await sell(beam, 100n);
      await at(1);
      await sell(beam, 50n);
      await at(31);
      await f.profitAtRest.collect(f.acme.address, 1n);
      expect((await f.profitAtRest.bookOf(f.acme.address)).cursor).to.equal(1n);
      const collector = await f.profitAtRest.getAddress();
      await networkHelpers.impersonateAccount(collector);
      await networkHelpers.setBalance(collector, ONE);
      const asCollector = f.rsc.connect(await ethers.getSigner(collector));
      await expect(asCollector.setLotCursor(f.acme.address, 0n))
        .to.be.revertedWithCustomError(f.rsc, "RSCInvalidLotCursor")
        .withArgs(f.acme.address, 0n, 1n, 2n);
      await expect(asCollector.setLotCursor(f.acme.address, 3n))
        .to.be.revertedWithCustomError(f.rsc, "RSCInvalidLotCursor")
        .withArgs(f.acme.address, 3n, 1n, 2n);
      // Within bounds it moves (here: every lot collected, so nothing is due any more).
      await asCollector.setLotCursor(f.acme.address, 2n);
      expect((await f.profitAtRest.bookOf(f.acme.address)).cursor).to.equal(2n);
      await networkHelpers.stopImpersonatingAccount(collector);
    });

    it("only RegionParameters pushes rates, and only the ones each contract keeps", async () => {
      await expect(f.profitAtRest.connect(f.alice).parameterChanged(PARAM.ProfitAtRestRate, 1n))
        .to.be.revertedWithCustomError(f.profitAtRest, "ProfitAtRestUnauthorizedParameters")
        .withArgs(f.alice.address, PARAM.ProfitAtRestRate);
      await expect(f.rsc.connect(f.alice).parameterChanged(0, 1n))
        .to.be.revertedWithCustomError(f.rsc, "RSCUnauthorizedParameters")
        .withArgs(f.alice.address);
      await expect(f.rsc.connect(f.alice).setRegionParameters(f.alice.address)).to.be.revertedWithCustomError(
        f.rsc,
        "AccessControlUnauthorizedAccount",
      );
      // a governed change reaches both copies in the same transaction
      await f.regionParameters.setParameter(0, parseEther("0.11"));
      await f.regionParameters.setParameter(PARAM.RegionalProfitAtRestRate, parseEther("0.07"));
      expect((await f.rsc.rates()).salesTaxRate).to.equal(parseEther("0.11"));
      expect((await f.profitAtRest.rates()).regionalRate).to.equal(parseEther("0.07"));
    });

    it("only governance sets the token's lot collector", async () => {
      await expect(f.rsc.connect(f.alice).setLotLedger(f.alice.address)).to.be.revertedWithCustomError(
        f.rsc,
        "AccessControlUnauthorizedAccount",
      );
      const ledger = await f.profitAtRest.getAddress();
      await expect(f.rsc.setLotLedger(ledger)).to.emit(f.rsc, "LotLedgerChanged").withArgs(ledger, ledger);
      expect(await f.rsc.lotLedger()).to.equal(ledger);
    });

    it("collect refuses a bad lot count and a non-company", async () => {
      await expect(f.profitAtRest.collect(f.acme.address, 0n))
        .to.be.revertedWithCustomError(f.profitAtRest, "ProfitAtRestInvalidMaxLots")
        .withArgs(0n, 256n);
      await expect(f.profitAtRest.collect(f.acme.address, 257n))
        .to.be.revertedWithCustomError(f.profitAtRest, "ProfitAtRestInvalidMaxLots")
        .withArgs(257n, 256n);
      await expect(f.profitAtRest.collect(f.alice.address, 1n))
        .to.be.revertedWithCustomError(f.profitAtRest, "ProfitAtRestNotACompany")
        .withArgs(f.alice.address);
    });

    it("only governance upgrades", async () => {
      await expect(
        f.profitAtRest.connect(f.alice).upgradeToAndCall(f.alice.address, "0x"),
      ).to.be.revertedWithCustomError(f.profitAtRest, "AccessControlUnauthorizedAccount");
    });
  });
});
