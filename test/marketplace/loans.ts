import { expect } from "chai";
import { Action } from "../helpers/region.ts";
import { DAY, deployMarketplace, ethers, type MarketplaceFixture, networkHelpers, ONE } from "./fixture.ts";

const { time } = networkHelpers;
const STATUS = { Offered: 1, Active: 2, Repaid: 3, Defaulted: 4, Cancelled: 5 };

describe("Loans", () => {
  let f: MarketplaceFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployMarketplace);
  });

  const offerToAlice = () => f.bank.exec(f.loans, "offerLoan", [f.alice.address, 1000n * ONE, 200n * ONE, 4, 30 * DAY]);

  it("a bank offers, the member accepts (disbursement), repays on schedule, the loan closes", async () => {
    await offerToAlice();
    const loan = await f.loans.loanOf(1n);
    expect([loan.bank, loan.borrower, loan.status]).to.deep.equal([
      f.bank.address,
      f.alice.address,
      BigInt(STATUS.Offered),
    ]);
    const accept = f.loans.connect(f.alice).acceptLoan(1n);
    await expect(accept)
      .to.emit(f.rsc, "ActionPerformed")
      .withArgs(
        Action.indexOf("LoanDisbursement"),
        f.bank.address,
        f.alice.address,
        1000n * ONE,
        ethers.toBeHex(1n, 32),
      );
    expect(await f.rsc.balanceOf(f.alice.address)).to.equal(11_000n * ONE);
    expect(await f.loans.instalmentAmount(1n, 1n)).to.equal(300n * ONE);
    const start = await time.latest();
    await time.increaseTo(start + 30 * DAY);
    let s = await f.loans.scheduleOf(1n);
    expect([s.due, s.paid, s.missed, s.overdue]).to.deep.equal([1n, 0n, 1n, 300n * ONE]);
    await expect(f.loans.connect(f.alice).repayLoan(1n, 300n * ONE))
      .to.emit(f.loans, "LoanRepaid")
      .withArgs(1n, 300n * ONE, 900n * ONE);
    s = await f.loans.scheduleOf(1n);
    expect([s.due, s.paid, s.missed, s.overdue, s.nextDueAt]).to.deep.equal([1n, 1n, 0n, 0n, BigInt(start + 60 * DAY)]);
    await expect(f.loans.connect(f.alice).repayLoan(1n, 900n * ONE))
      .to.emit(f.loans, "LoanClosed")
      .withArgs(1n);
    expect((await f.loans.loanOf(1n)).status).to.equal(BigInt(STATUS.Repaid));
    expect(await f.rsc.balanceOf(f.bank.address)).to.equal(100_200n * ONE);
  });

  it("a company borrows and repays through its Safe", async () => {
    await f.bank.exec(f.loans, "offerLoan", [f.acme.address, 500n * ONE, 50n * ONE, 1, 60 * DAY]);
    await f.acme.exec(f.loans, "acceptLoan", [1n]);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(500n * ONE);
    await f.acme.exec(f.loans, "repayLoan", [1n, 500n * ONE]);
    expect(await f.loans.outstanding(1n)).to.equal(50n * ONE);
  });

  it("missed instalments are visible; the bank records a default with the region's right of first refusal", async () => {
    await offerToAlice();
    await f.loans.connect(f.alice).acceptLoan(1n);
    await expect(f.bank.exec(f.loans, "declareDefault", [1n])).to.be.rejected; // nothing missed yet
    const start = await time.latest();
    await time.increaseTo(start + 65 * DAY);
    const s = await f.loans.scheduleOf(1n);
    expect([s.due, s.paid, s.missed, s.overdue]).to.deep.equal([2n, 0n, 2n, 600n * ONE]);
    await f.bank.exec(f.loans, "declareDefault", [1n]);
    const events = await f.loans.queryFilter(f.loans.filters.RightOfFirstRefusalRecorded(1n));
    expect(events[0].args.region).to.equal(await f.capitalPool.getAddress());
    expect(events[0].args.borrower).to.equal(f.alice.address);
    const right = await f.loans.rightOfFirstRefusalOf(1n);
    expect([right.region, right.borrower, right.bank, right.outstanding]).to.deep.equal([
      await f.capitalPool.getAddress(),
      f.alice.address,
      f.bank.address,
      1200n * ONE,
    ]);
    expect((await f.loans.loanOf(1n)).status).to.equal(BigInt(STATUS.Defaulted));
  });

  describe("refusals", () => {
    it("only a Company lends, to a person or a company other than itself, on usable terms", async () => {
      await expect(f.loans.connect(f.alice).offerLoan(f.bob.address, ONE, 0n, 1, DAY))
        .to.be.revertedWithCustomError(f.loans, "LoansNotABank")
        .withArgs(f.alice.address, 1);
      const call = async (data: string) =>
        ethers.provider.call({ to: await f.loans.getAddress(), data, from: f.bank.address });
      const offer = (args: unknown[]) => f.loans.interface.encodeFunctionData("offerLoan", args as never);
      await expect(call(offer([f.bank.address, ONE, 0n, 1, DAY])))
        .to.be.revertedWithCustomError(f.loans, "LoansInvalidBorrower")
        .withArgs(f.bank.address, 2);
      await expect(call(offer([f.outsider.address, ONE, 0n, 1, DAY])))
        .to.be.revertedWithCustomError(f.loans, "LoansInvalidBorrower")
        .withArgs(f.outsider.address, 0);
      await expect(call(offer([f.alice.address, 0n, 0n, 1, DAY])))
        .to.be.revertedWithCustomError(f.loans, "LoansInvalidTerms")
        .withArgs(0n, 1, DAY);
      await expect(call(offer([f.alice.address, ONE, 0n, 0, DAY])))
        .to.be.revertedWithCustomError(f.loans, "LoansInvalidTerms")
        .withArgs(ONE, 0, DAY);
      expect(await f.loans.loanCount()).to.equal(0n);
    });

    it("only the borrower accepts and repays; only the bank cancels and records a default", async () => {
      await offerToAlice();
      await expect(f.loans.connect(f.bob).acceptLoan(1n))
        .to.be.revertedWithCustomError(f.loans, "LoansNotBorrower")
        .withArgs(1n, f.bob.address, f.alice.address);
      await expect(f.loans.connect(f.bob).cancelOffer(1n))
        .to.be.revertedWithCustomError(f.loans, "LoansNotBank")
        .withArgs(1n, f.bob.address, f.bank.address);
      await f.loans.connect(f.alice).acceptLoan(1n);
      await expect(f.loans.connect(f.bob).repayLoan(1n, ONE))
        .to.be.revertedWithCustomError(f.loans, "LoansNotBorrower")
        .withArgs(1n, f.bob.address, f.alice.address);
      await expect(f.loans.connect(f.alice).declareDefault(1n))
        .to.be.revertedWithCustomError(f.loans, "LoansNotBank")
        .withArgs(1n, f.alice.address, f.bank.address);
    });

    it("refuses a zero or excessive repayment, a second acceptance, and unknown loans", async () => {
      await offerToAlice();
      await f.loans.connect(f.alice).acceptLoan(1n);
      await expect(f.loans.connect(f.alice).repayLoan(1n, 0n))
        .to.be.revertedWithCustomError(f.loans, "LoansInvalidRepayment")
        .withArgs(1n, 0n, 1200n * ONE);
      await expect(f.loans.connect(f.alice).repayLoan(1n, 1201n * ONE))
        .to.be.revertedWithCustomError(f.loans, "LoansInvalidRepayment")
        .withArgs(1n, 1201n * ONE, 1200n * ONE);
      await expect(f.loans.connect(f.alice).acceptLoan(1n))
        .to.be.revertedWithCustomError(f.loans, "LoansWrongStatus")
        .withArgs(1n, STATUS.Active, STATUS.Offered);
      await expect(f.loans.loanOf(9n)).to.be.revertedWithCustomError(f.loans, "LoansUnknownLoan").withArgs(9n);
    });

    it("a cancelled offer cannot be accepted", async () => {
      await offerToAlice();
      await f.bank.exec(f.loans, "cancelOffer", [1n]);
      await expect(f.loans.connect(f.alice).acceptLoan(1n))
        .to.be.revertedWithCustomError(f.loans, "LoansWrongStatus")
        .withArgs(1n, STATUS.Cancelled, STATUS.Offered);
      expect(await f.rsc.balanceOf(f.alice.address)).to.equal(10_000n * ONE);
    });

    it("only governance upgrades", async () => {
      await expect(f.loans.connect(f.alice).upgradeToAndCall(f.alice.address, "0x")).to.be.revertedWithCustomError(
        f.loans,
        "AccessControlUnauthorizedAccount",
      );
    });
  });
});
