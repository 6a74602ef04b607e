import { expect } from "chai";
import type { Address } from "viem";
import { employmentIdOf } from "../../sdk/src/payroll/employments.ts";
import { ethers, networkHelpers, ONE } from "../helpers/region.ts";
import { deployPayroll, HOUR, hiredId, type PayrollFixture, PLAIN } from "./fixture.ts";

const { time } = networkHelpers;
const TAX_RATE = (ONE * 15n) / 100n; // the demo default IncomeTaxRate

/** Runs the next transaction at exactly `at` (seconds). */
async function at<T>(timestamp: bigint, tx: () => Promise<T>): Promise<T> {
  await time.setNextBlockTimestamp(timestamp);
  return tx();
}

describe("Payroll", () => {
  let f: PayrollFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployPayroll);
  });

  describe("hire", () => {
    it("hires a member into an occupation from the company treasury", async () => {
      const company = await f.treasury.getAddress();
      const id = employmentIdOf(company as Address, 1n); // company << 96 | seq
      await expect(f.asCompany("hire", [f.alice.address, 1, ONE / 2n, 0]))
        .to.emit(f.payroll, "Hired")
        .withArgs(id, f.alice.address, company, 1, ONE / 2n, 0);
      expect(await f.payroll.employmentCount()).to.equal(1n);
      expect(await f.payroll.companyOf(id)).to.equal(company);
      const e = await f.payroll.employment(id);
      expect(e.worker).to.equal(f.alice.address);
      expect(e.company).to.equal(company);
      expect(e.productivity).to.equal(ONE / 2n);
      expect(await f.payroll.wageOf(id)).to.equal(100n * ONE);
    });
    it("refuses an employer that is not a company (a member calling directly)", async () => {
      await expect(f.payroll.connect(f.bob).hire(f.alice.address, 1, ONE / 2n, 0))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotACompany")
        .withArgs(f.bob.address, 1 /* Person */);
      expect(await f.payroll.employmentCount()).to.equal(0n);
    });
    it("refuses a worker who is not a member", async () => {
      const outsider = f.signers[9].address;
      await expect(f.asCompany("hire", [outsider, 1, ONE / 2n, 0]))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotAPerson")
        .withArgs(outsider, 0 /* None */);
    });
    it("refuses an unknown or retired occupation", async () => {
      await expect(f.asCompany("hire", [f.alice.address, 7, ONE / 2n, 0]))
        .to.be.revertedWithCustomError(f.payroll, "PayrollUnknownOccupation")
        .withArgs(7);
      await f.wageSchedule.retireOccupation(1);
      await expect(f.asCompany("hire", [f.alice.address, 1, ONE / 2n, 0]))
        .to.be.revertedWithCustomError(f.payroll, "PayrollUnknownOccupation")
        .withArgs(1);
    });
    it("refuses a productivity outside the regional range", async () => {
      await f.regionParameters.setParameter(6 /* ProductivityMin */, ONE / 5n);
      await f.regionParameters.setParameter(7 /* ProductivityMax */, (ONE * 9n) / 10n);
      await expect(f.asCompany("hire", [f.alice.address, 1, ONE / 10n, 0]))
        .to.be.revertedWithCustomError(f.payroll, "PayrollProductivityOutOfRange")
        .withArgs(ONE / 10n, ONE / 5n, (ONE * 9n) / 10n);
      await expect(f.asCompany("hire", [f.alice.address, 1, ONE, 0]))
        .to.be.revertedWithCustomError(f.payroll, "PayrollProductivityOutOfRange")
        .withArgs(ONE, ONE / 5n, (ONE * 9n) / 10n);
    });
    it("works through a company's Safe (the usual treasury)", async () => {
      const [, , , , , , , , s1, s2] = f.signers;
      const factory = f.safeProxyFactory;
      const setup = f.safeSingleton.interface.encodeFunctionData("setup", [
        [s1.address, s2.address],
        2,
        ethers.ZeroAddress,
        "0x",
        await f.fallbackHandler.getAddress(),
        ethers.ZeroAddress,
        0,
        ethers.ZeroAddress,
      ]);
      const safeAddress = await factory.createProxyWithNonce.staticCall(await f.safeSingleton.getAddress(), setup, 99);
      await factory.createProxyWithNonce(await f.safeSingleton.getAddress(), setup, 99);
      const safe = await ethers.getContractAt("Safe", safeAddress);
      await f.registry.registerCompany(safeAddress, 3 /* RegionalCompany */, 1, "Clinic");
      const { execSafe } = await import("../helpers/safe.ts");
      const data = f.payroll.interface.encodeFunctionData("hire", [f.bob.address, 1, ONE / 2n, 0]);
      await expect(execSafe(safe as never, await f.payroll.getAddress(), data, [s1, s2]))
        .to.emit(f.payroll, "Hired")
        .withArgs(employmentIdOf(safeAddress as Address, 1n), f.bob.address, safeAddress, 1, ONE / 2n, 0);
    });
  });

  describe("shifts and withdrawal", () => {
    it("accrues per second on shift and pays net wage and income tax atomically", async () => {
      const id = await f.hire(f.alice.address);
      const t0 = BigInt(await time.latest()) + 10n;
      await at(t0, () => f.payroll.connect(f.alice).clockIn(id));
      await at(t0 + HOUR, () => f.payroll.connect(f.alice).clockOut(id));
      expect((await f.payroll.getPayroll(id)).accrued).to.equal(100n * ONE);
      const company = await f.treasury.getAddress();
      const pool = await f.capitalPool.getAddress();
      const tax = (100n * ONE * TAX_RATE) / ONE;
      await expect(f.payroll.connect(f.alice).withdraw(id))
        .to.emit(f.rsc, "ActionPerformed")
        .withArgs(3 /* Wage */, company, f.alice.address, 100n * ONE - tax, ethers.toBeHex(id, 32))
        .and.to.emit(f.rsc, "ActionPerformed")
        .withArgs(4 /* IncomeTax */, company, pool, tax, ethers.toBeHex(id, 32));
      expect(await f.rsc.balanceOf(f.alice.address)).to.equal(85n * ONE);
      expect(await f.rsc.balanceOf(pool)).to.equal(15n * ONE);
      const s = await f.payroll.getPayroll(id);
      expect([s.accrued, s.paid, s.tax, s.debt]).to.deep.equal([100n * ONE, 100n * ONE, tax, 0n]);
    });
    it("withdraws mid-shift what has accrued so far, at 80/h for productivity 0 and range 0.2", async () => {
      const id = await f.hire(f.alice.address, 1, 0n);
      const t0 = BigInt(await time.latest()) + 10n;
      await at(t0, () => f.payroll.connect(f.alice).clockIn(id));
      await at(t0 + 90n * 60n, () => f.payroll.connect(f.alice).withdraw(id));
      expect((await f.payroll.employment(id)).paid).to.equal(120n * ONE); // 1.5 h × 80
      await at(t0 + 2n * HOUR, () => f.payroll.connect(f.alice).clockOut(id));
      expect((await f.payroll.employment(id)).accrued).to.equal(160n * ONE);
    });
    it("pays by the second: 1 second at 100/h", async () => {
      const id = await f.hire(f.alice.address);
      const t0 = BigInt(await time.latest()) + 10n;
      await at(t0, () => f.payroll.connect(f.alice).clockIn(id));
      await at(t0 + 1n, () => f.payroll.connect(f.alice).clockOut(id));
      expect((await f.payroll.employment(id)).accrued).to.equal((100n * ONE) / 3600n);
    });
    it("refuses clock-in/out and withdrawal by anyone but the worker", async () => {
      const id = await f.hire(f.alice.address);
      await expect(f.payroll.connect(f.bob).clockIn(id))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotWorker")
        .withArgs(id, f.bob.address);
      await f.payroll.connect(f.alice).clockIn(id);
      await expect(f.payroll.connect(f.bob).clockOut(id))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotWorker")
        .withArgs(id, f.bob.address);
      await expect(f.payroll.connect(f.bob).withdraw(id))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotWorker")
        .withArgs(id, f.bob.address);
      await expect(f.payroll.connect(f.alice).clockIn(id))
        .to.be.revertedWithCustomError(f.payroll, "PayrollAlreadyOnShift")
        .withArgs(id);
    });
    it("refuses a clock-out without a clock-in, and an unknown employment", async () => {
      const id = await f.hire(f.alice.address);
      await expect(f.payroll.connect(f.alice).clockOut(id))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotOnShift")
        .withArgs(id);
      await expect(f.payroll.connect(f.alice).clockIn(42n))
        .to.be.revertedWithCustomError(f.payroll, "PayrollUnknownEmployment")
        .withArgs(42n);
    });
    it("records a shortfall as debt and pays it first when funds arrive", async () => {
      // A second company with only 30 RSC.
      const poor = await (await ethers.getContractFactory("TestTreasury")).deploy(f.dave.address);
      const poorAddress = await poor.getAddress();
      await f.registry.registerCompany(poorAddress, 2, 1, "Poor");
      await f.fund(poorAddress, 30n * ONE);
      const id = hiredId(
        f.payroll,
        await (await f.asCompany("hire", [f.bob.address, 1, ONE / 2n, 0], poor, f.dave)).wait(),
      );
      const t0 = BigInt(await time.latest()) + 10n;
      await at(t0, () => f.payroll.connect(f.bob).clockIn(id));
      await at(t0 + HOUR, () => f.payroll.connect(f.bob).clockOut(id));
      const ref = ethers.toBeHex(id, 32);
      const pool = await f.capitalPool.getAddress();
      const taxOf = (gross: bigint) => (gross * TAX_RATE) / ONE;
      // Owed 100, the company holds 30: it pays its 30 (net + tax), nothing more.
      expect(await f.payroll.connect(f.bob).withdraw.staticCall(id)).to.equal(30n * ONE);
      await expect(f.payroll.connect(f.bob).withdraw(id))
        .to.emit(f.rsc, "ActionPerformed")
        .withArgs(3 /* Wage */, poorAddress, f.bob.address, 30n * ONE - taxOf(30n * ONE), ref)
        .and.to.emit(f.rsc, "ActionPerformed")
        .withArgs(4 /* IncomeTax */, poorAddress, pool, taxOf(30n * ONE), ref);
      let s = await f.payroll.getPayroll(id);
      expect(s.paid + s.debt).to.equal(s.accrued);
      expect([s.paid, s.tax, s.debt]).to.deep.equal([30n * ONE, taxOf(30n * ONE), 70n * ONE]);
      expect(await f.rsc.balanceOf(poorAddress)).to.equal(0n);
      // Nothing to pay with: nothing moves, the debt stays.
      expect(await f.payroll.connect(f.bob).withdraw.staticCall(id)).to.equal(0n);
      await expect(f.payroll.connect(f.bob).withdraw(id)).not.to.emit(f.rsc, "ActionPerformed");
      expect((await f.payroll.getPayroll(id)).debt).to.equal(70n * ONE);
      // A little arrives: all of it goes to the debt.
      await f.fund(poorAddress, 20n * ONE);
      await expect(f.payroll.connect(f.bob).withdraw(id))
        .to.emit(f.rsc, "ActionPerformed")
        .withArgs(3 /* Wage */, poorAddress, f.bob.address, 20n * ONE - taxOf(20n * ONE), ref);
      expect((await f.payroll.getPayroll(id)).debt).to.equal(50n * ONE);
      await f.fund(poorAddress, 480n * ONE);
      await expect(f.payroll.connect(f.bob).withdraw(id))
        .to.emit(f.rsc, "ActionPerformed")
        .withArgs(3 /* Wage */, poorAddress, f.bob.address, 50n * ONE - taxOf(50n * ONE), ref)
        .and.to.emit(f.rsc, "ActionPerformed")
        .withArgs(4 /* IncomeTax */, poorAddress, pool, taxOf(50n * ONE), ref);
      s = await f.payroll.getPayroll(id);
      expect([s.accrued, s.paid, s.debt]).to.deep.equal([100n * ONE, 100n * ONE, 0n]);
      expect(s.tax).to.equal(taxOf(30n * ONE) + taxOf(20n * ONE) + taxOf(50n * ONE));
      expect(await f.rsc.balanceOf(poorAddress)).to.equal(430n * ONE);
    });
    it("refuses a withdrawal by anyone but the worker of an employment with pay accrued; nothing moves", async () => {
      const id = await f.hire(f.alice.address);
      const t0 = BigInt(await time.latest()) + 10n;
      await at(t0, () => f.payroll.connect(f.alice).clockIn(id));
      await at(t0 + HOUR, () => f.payroll.connect(f.alice).clockOut(id));
      const before = await f.payroll.employment(id);
      const company = await f.treasury.getAddress();
      const balances = async () =>
        Promise.all([company, f.alice.address, f.bob.address].map((a) => f.rsc.balanceOf(a)));
      const held = await balances();
      for (const stranger of [f.bob, f.dave]) {
        await expect(f.payroll.connect(stranger).withdraw(id))
          .to.be.revertedWithCustomError(f.payroll, "PayrollNotWorker")
          .withArgs(id, stranger.address);
      }
      expect(await f.payroll.employment(id)).to.deep.equal(before);
      expect(await balances()).to.deep.equal(held);
      // Bob's own employment with pay accrued does not open Alice's (the word is keyed by worker and id).
      const own = await f.hire(f.bob.address);
      await f.payroll.connect(f.bob).clockIn(own);
      await expect(f.payroll.connect(f.bob).withdraw(id))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotWorker")
        .withArgs(id, f.bob.address);
      await expect(f.payroll.connect(f.bob).withdraw(id + 1000n))
        .to.be.revertedWithCustomError(f.payroll, "PayrollUnknownEmployment")
        .withArgs(id + 1000n);
      expect(await f.payroll.employment(id)).to.deep.equal(before);
    });
    it("a withdrawal with nothing accrued returns 0 and moves nothing (before the first shift, and when all is paid)", async () => {
      const id = await f.hire(f.alice.address);
      expect(await f.payroll.connect(f.alice).withdraw.staticCall(id)).to.equal(0n);
      await expect(f.payroll.connect(f.alice).withdraw(id)).not.to.emit(f.rsc, "ActionPerformed");
      await f.payroll.connect(f.alice).clockIn(id);
      await f.payroll.connect(f.alice).clockOut(id); // a few seconds accrue
      await f.payroll.connect(f.alice).withdraw(id);
      const paid = await f.payroll.employment(id);
      expect(paid.paid).to.equal(paid.accrued);
      expect(await f.payroll.connect(f.alice).withdraw.staticCall(id)).to.equal(0n);
      await expect(f.payroll.connect(f.alice).withdraw(id)).not.to.emit(f.rsc, "ActionPerformed");
      expect(await f.payroll.employment(id)).to.deep.equal(paid);
    });
    it("a token refusal other than the company's shortfall reverts the withdrawal unchanged", async () => {
      const id = await f.hire(f.alice.address);
      await f.payroll.connect(f.alice).clockIn(id);
      await time.increase(Number(HOUR));
      await f.payroll.connect(f.alice).clockOut(id);
      const before = await f.payroll.employment(id);
      const company = await f.treasury.getAddress();
      await f.registry.suspend(company, "test");
      await expect(f.payroll.connect(f.alice).withdraw(id))
        .to.be.revertedWithCustomError(f.rsc, "RSCAccountSuspended")
        .withArgs(company);
      expect(await f.payroll.employment(id)).to.deep.equal(before);
    });
  });

  describe("company management", () => {
    it("sets productivity (settling first) within the regional range; only the company", async () => {
      const id = await f.hire(f.alice.address);
      const t0 = BigInt(await time.latest()) + 10n;
      await at(t0, () => f.payroll.connect(f.alice).clockIn(id));
      await expect(f.payroll.connect(f.alice).setProductivity(id, ONE))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotEmployer")
        .withArgs(id, f.alice.address);
      await expect(at(t0 + HOUR, () => f.asCompany("setProductivity", [id, ONE])))
        .to.emit(f.payroll, "ProductivityChanged")
        .withArgs(id, ONE / 2n, ONE);
      await at(t0 + 2n * HOUR, () => f.payroll.connect(f.alice).clockOut(id));
      expect((await f.payroll.employment(id)).accrued).to.equal(220n * ONE); // 100 + 120
      await f.regionParameters.setParameter(7 /* ProductivityMax */, (ONE * 9n) / 10n);
      await expect(f.asCompany("setProductivity", [id, ONE]))
        .to.be.revertedWithCustomError(f.payroll, "PayrollProductivityOutOfRange")
        .withArgs(ONE, 0n, (ONE * 9n) / 10n);
    });
    it("changes occupation (newest wage at once) and ends the employment; only the company", async () => {
      await f.wageSchedule.addOccupation({ ...PLAIN, skill: ONE }); // index 2: 200/h
      const id = await f.hire(f.alice.address);
      await expect(f.payroll.connect(f.alice).changeOccupation(id, 2))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotEmployer")
        .withArgs(id, f.alice.address);
      await expect(f.asCompany("changeOccupation", [id, 9]))
        .to.be.revertedWithCustomError(f.payroll, "PayrollUnknownOccupation")
        .withArgs(9);
      await expect(f.asCompany("changeOccupation", [id, 2]))
        .to.emit(f.payroll, "OccupationChanged")
        .withArgs(id, 1, 2);
      expect(await f.payroll.wageOf(id)).to.equal(200n * ONE);
      const t0 = BigInt(await time.latest()) + 10n;
      await at(t0, () => f.payroll.connect(f.alice).clockIn(id));
      await expect(f.payroll.connect(f.bob).endEmployment(id))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotEmployer")
        .withArgs(id, f.bob.address);
      await expect(at(t0 + HOUR, () => f.asCompany("endEmployment", [id])))
        .to.emit(f.payroll, "EmploymentEnded")
        .withArgs(id);
      expect((await f.payroll.employment(id)).accrued).to.equal(200n * ONE);
      await expect(f.payroll.connect(f.alice).clockIn(id))
        .to.be.revertedWithCustomError(f.payroll, "PayrollEmploymentEnded")
        .withArgs(id);
      // What is owed stays payable after the end.
      await expect(f.payroll.connect(f.alice).withdraw(id)).to.emit(f.rsc, "ActionPerformed");
      expect((await f.payroll.getPayroll(id)).debt).to.equal(0n);
    });
  });

  describe("timesheets", () => {
    it("pays approved hours at the current wage; the rest is rejected", async () => {
      const id = await f.hire(f.alice.address, 1, ONE / 2n, 1);
      await expect(f.payroll.connect(f.alice).clockIn(id))
        .to.be.revertedWithCustomError(f.payroll, "PayrollWrongPayMode")
        .withArgs(id, 0, 1);
      await expect(f.payroll.connect(f.alice).submitTimesheet(id, 7200))
        .to.emit(f.payroll, "TimesheetSubmitted")
        .withArgs(id, 7200, 7200);
      await expect(f.payroll.connect(f.bob).submitTimesheet(id, 60))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotWorker")
        .withArgs(id, f.bob.address);
      await expect(f.payroll.connect(f.alice).submitTimesheet(id, 0))
        .to.be.revertedWithCustomError(f.payroll, "PayrollInvalidTimesheet")
        .withArgs(id, 0, 2n ** 32n - 1n - 7200n);
      await expect(f.payroll.connect(f.alice).approveTimesheet(id, 3600))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotEmployer")
        .withArgs(id, f.alice.address);
      await expect(f.asCompany("approveTimesheet", [id, 7201]))
        .to.be.revertedWithCustomError(f.payroll, "PayrollInvalidTimesheet")
        .withArgs(id, 7201, 7200);
      await expect(f.asCompany("approveTimesheet", [id, 5400]))
        .to.emit(f.payroll, "TimesheetApproved")
        .withArgs(id, 5400, 7200, 100n * ONE, 150n * ONE);
      const e = await f.payroll.employment(id);
      expect([e.accrued, e.pendingSeconds]).to.deep.equal([150n * ONE, 0n]);
      await f.payroll.connect(f.alice).withdraw(id);
      expect(await f.rsc.balanceOf(f.alice.address)).to.equal(150n * ONE - (150n * ONE * TAX_RATE) / ONE);
    });
  });

  describe("settleBatch (the keeper)", () => {
    it("pays every open shift, skips a failing one with SettlementFailed, never pays twice", async () => {
      const a = await f.hire(f.alice.address);
      const b = await f.hire(f.bob.address);
      const t0 = BigInt(await time.latest()) + 10n;
      await at(t0, () => f.payroll.connect(f.alice).clockIn(a));
      await at(t0 + 1n, () => f.payroll.connect(f.bob).clockIn(b));
      await f.registry.suspend(f.bob.address, "test");
      await expect(at(t0 + HOUR, () => f.payroll.settleBatch([a, b])))
        .to.emit(f.payroll, "SettlementFailed")
        .and.to.emit(f.rsc, "ActionPerformed");
      expect((await f.payroll.employment(a)).paid).to.equal(100n * ONE);
      expect((await f.payroll.employment(b)).accrued).to.equal(0n); // its settlement was rolled back
      await f.payroll.connect(f.alice).clockOut(a);
      const before = await f.rsc.balanceOf(f.alice.address);
      const paid = (await f.payroll.employment(a)).paid;
      await f.payroll.settleBatch([a]);
      await f.payroll.settleBatch([a]);
      await f.payroll.settleBatch([a]);
      const after = await f.payroll.getPayroll(a);
      expect(after.paid).to.equal(after.accrued);
      expect(after.paid - paid).to.equal((100n * ONE) / 3600n); // the one second until clock-out, once
      expect(await f.rsc.balanceOf(f.alice.address)).to.be.greaterThan(before);
      await expect(f.payroll.settleOne(a))
        .to.be.revertedWithCustomError(f.payroll, "PayrollOnlySelf")
        .withArgs(f.admin.address);
    });
  });

  it("is registered as a Module allowed Wage and IncomeTax", async () => {
    const account = await f.rsc.accountOf(await f.payroll.getAddress());
    expect(account.kind).to.equal(6n);
    expect(account.tag).to.equal((1n << 3n) | (1n << 4n));
  });

  it("only governance upgrades", async () => {
    await expect(f.payroll.connect(f.alice).upgradeToAndCall(f.alice.address, "0x"))
      .to.be.revertedWithCustomError(f.payroll, "AccessControlUnauthorizedAccount")
      .withArgs(f.alice.address, ethers.ZeroHash);
  });
});
