import { expect } from "chai";
import { network } from "hardhat";
import type { Address } from "viem";
import { governedConductorModule } from "../../ignition/modules/GovernedConductor.ts";
import { Param } from "../../sdk/src/generated/enums.ts";
import { employmentIdOf } from "../../sdk/src/payroll/employments.ts";
import { ethers, networkHelpers, ONE } from "../helpers/region.ts";
import { deployPayroll, HOUR, type PayrollFixture, PLAIN } from "./fixture.ts";

const { time } = networkHelpers;
const MIN = Param.indexOf("ProductivityMin");
const MAX = Param.indexOf("ProductivityMax");
const STARTING_WAGE = Param.indexOf("StartingWage");
const INCOME_TAX_RATE = Param.indexOf("IncomeTaxRate");
const KEPT = [MIN, MAX, STARTING_WAGE];

/** Payroll's copy of the three parameters, as RegionParameters holds them. */
async function expectCopyEqual(f: PayrollFixture) {
  const [pMin, pMax, wage] = await f.payroll.copiedParameters();
  expect([pMin, pMax, wage]).to.deep.equal([
    await f.regionParameters.get(MIN),
    await f.regionParameters.get(MAX),
    await f.regionParameters.get(STARTING_WAGE),
  ]);
}

describe("Payroll's copy of the regional parameters (RegionParameters listener)", () => {
  let f: PayrollFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployPayroll);
  });

  it("is the listener of ProductivityMin, ProductivityMax and StartingWage and holds their values", async () => {
    const payroll = await f.payroll.getAddress();
    for (const param of KEPT) expect(await f.regionParameters.listenerOf(param)).to.equal(payroll);
    await expectCopyEqual(f);
    // The fixture set StartingWage to 100 RSC/h after deployment: the change reached the copy.
    expect((await f.payroll.copiedParameters()).startingWage).to.equal(100n * ONE);
  });

  it("refuses parameterChanged from anyone but RegionParameters; nothing changes", async () => {
    const before = await f.payroll.copiedParameters();
    for (const caller of [f.admin, f.alice]) {
      await expect(f.payroll.connect(caller).parameterChanged(STARTING_WAGE, 1n))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotRegionParameters")
        .withArgs(caller.address);
    }
    // A company treasury (a contract) is refused too.
    await expect(f.asCompany("parameterChanged", [MIN, ONE]))
      .to.be.revertedWithCustomError(f.payroll, "PayrollNotRegionParameters")
      .withArgs(await f.treasury.getAddress());
    expect(await f.payroll.copiedParameters()).to.deep.equal(before);
  });

  it("a change of ProductivityMin or ProductivityMax binds the very next hire", async () => {
    await expect(f.regionParameters.setParameter(MIN, ONE / 5n))
      .to.emit(f.payroll, "ParametersCopied")
      .withArgs(ONE / 5n, ONE, 100n * ONE);
    await expect(f.asCompany("hire", [f.alice.address, 1, ONE / 5n - 1n, 0]))
      .to.be.revertedWithCustomError(f.payroll, "PayrollProductivityOutOfRange")
      .withArgs(ONE / 5n - 1n, ONE / 5n, ONE);
    await f.asCompany("hire", [f.alice.address, 1, ONE / 5n, 0]);

    // Both at once (setParameters): each reaches the copy; the range is checked after both.
    await f.regionParameters.setParameters([MIN, MAX], [ONE / 10n, (ONE * 8n) / 10n]);
    await expectCopyEqual(f);
    await expect(f.asCompany("hire", [f.bob.address, 1, (ONE * 8n) / 10n + 1n, 0]))
      .to.be.revertedWithCustomError(f.payroll, "PayrollProductivityOutOfRange")
      .withArgs((ONE * 8n) / 10n + 1n, ONE / 10n, (ONE * 8n) / 10n);
    await f.asCompany("hire", [f.bob.address, 1, ONE / 10n, 0]);
    expect(await f.payroll.employmentCount()).to.equal(2n);
    // setProductivity reads the same copy.
    const first = employmentIdOf((await f.treasury.getAddress()) as Address, 1n);
    await expect(f.asCompany("setProductivity", [first, ONE]))
      .to.be.revertedWithCustomError(f.payroll, "PayrollProductivityOutOfRange")
      .withArgs(ONE, ONE / 10n, (ONE * 8n) / 10n);
  });

  it("a change of StartingWage reaches the next settlement and withdrawal at once", async () => {
    const id = await f.hire(f.alice.address); // productivity 0.5: wage = STARTING_WAGE
    expect(await f.payroll.wageOf(id)).to.equal(100n * ONE);
    await f.regionParameters.setParameter(STARTING_WAGE, 200n * ONE);
    expect(await f.payroll.wageOf(id)).to.equal(200n * ONE);
    await f.payroll.connect(f.alice).clockIn(id);
    const start = BigInt(await time.latest());
    await time.setNextBlockTimestamp(start + HOUR);
    await expect(f.payroll.connect(f.alice).withdraw(id))
      .to.emit(f.payroll, "PayAccrued")
      .withArgs(id, 200n * ONE, start + HOUR);
  });

  it("ignores a parameter it does not keep (a listener set by mistake cannot block governance)", async () => {
    await f.regionParameters.setListener(INCOME_TAX_RATE, await f.payroll.getAddress());
    const before = await f.payroll.copiedParameters();
    await expect(f.regionParameters.setParameter(INCOME_TAX_RATE, ONE / 10n)).not.to.emit(
      f.payroll,
      "ParametersCopied",
    );
    expect(await f.regionParameters.get(INCOME_TAX_RATE)).to.equal(ONE / 10n);
    expect(await f.payroll.copiedParameters()).to.deep.equal(before);
  });

  it("refuses a value its copy cannot hold, so the change itself reverts (never a stale copy)", async () => {
    // Only an upgraded RegionParameters with wider bounds could send these: sent here as
    // RegionParameters itself (impersonated on the test chain).
    const source = await f.regionParameters.getAddress();
    await networkHelpers.impersonateAccount(source);
    await networkHelpers.setBalance(source, ONE);
    const asParameters = f.payroll.connect(await ethers.getSigner(source));
    const before = await f.payroll.copiedParameters();
    await expect(asParameters.parameterChanged(STARTING_WAGE, 1n << 88n))
      .to.be.revertedWithCustomError(f.payroll, "SafeCastOverflowedUintDowncast")
      .withArgs(88, 1n << 88n);
    await expect(asParameters.parameterChanged(MAX, 1n << 64n))
      .to.be.revertedWithCustomError(f.payroll, "SafeCastOverflowedUintDowncast")
      .withArgs(64, 1n << 64n);
    expect(await f.payroll.copiedParameters()).to.deep.equal(before);
    // The largest values the copy holds are kept exactly.
    await asParameters.parameterChanged(STARTING_WAGE, (1n << 88n) - 1n);
    expect((await f.payroll.copiedParameters()).startingWage).to.equal((1n << 88n) - 1n);
    await networkHelpers.stopImpersonatingAccount(source);
  });

  it("syncParameters (anyone) copies the three values again; harmless when already equal", async () => {
    await expect(f.payroll.connect(f.bob).syncParameters())
      .to.emit(f.payroll, "ParametersCopied")
      .withArgs(0n, ONE, 100n * ONE);
    await expectCopyEqual(f);
    // Without the listener a change would not reach the copy: syncParameters brings it back.
    await f.regionParameters.setListener(STARTING_WAGE, ethers.ZeroAddress);
    await f.regionParameters.setParameter(STARTING_WAGE, 300n * ONE);
    expect((await f.payroll.copiedParameters()).startingWage).to.equal(100n * ONE);
    await expect(f.payroll.connect(f.alice).syncParameters())
      .to.emit(f.payroll, "ParametersCopied")
      .withArgs(0n, ONE, 300n * ONE);
    await expectCopyEqual(f);
  });

  it("a hire records every field of the employment (its one word written whole)", async () => {
    await f.regionParameters.setParameter(MIN, ONE);
    await f.wageSchedule.addOccupation(PLAIN);
    const id = await f.hire(f.alice.address, 2, ONE, 1 /* Timesheet */);
    const e = await f.payroll.employment(id);
    expect(e.worker).to.equal(f.alice.address);
    expect(e.occupationId).to.equal(2n);
    expect(e.productivity).to.equal(ONE);
    expect(e.company).to.equal(await f.treasury.getAddress());
    expect(e.epoch).to.equal(0n);
    expect(e.settledAt).to.equal(0n); // first set by a clock-in or a settlement
    expect(e.onShift).to.equal(false);
    expect(e.mode).to.equal(1n);
    expect(e.ended).to.equal(false);
    expect([e.accrued, e.paid, e.taxWithheld, e.fromIndex, e.pendingSeconds]).to.deep.equal([0n, 0n, 0n, 0n, 0n]);
    // The flags and the other members stay writable around the packed words.
    await f.payroll.connect(f.alice).submitTimesheet(id, 3600);
    await f.asCompany("endEmployment", [id]);
    const ended = await f.payroll.employment(id);
    expect([ended.worker, ended.productivity, ended.mode, ended.ended, ended.pendingSeconds]).to.deep.equal([
      f.alice.address,
      ONE,
      1n,
      true,
      3600n,
    ]);
  });
});

describe("a governed region: Payroll listens before governance takes RegionParameters over", () => {
  it("registers the listener, then the deployer renounces", async () => {
    const connection = await network.create();
    const deployed = await connection.ignition.deploy(governedConductorModule());
    const { regionParameters, payroll, timelock } = deployed;
    const [deployer] = await connection.ethers.getSigners();
    for (const param of KEPT) {
      expect(await regionParameters.listenerOf(param)).to.equal(await payroll.getAddress());
    }
    const admin = await regionParameters.DEFAULT_ADMIN_ROLE();
    expect(await regionParameters.hasRole(admin, deployer.address)).to.equal(false);
    expect(await regionParameters.hasRole(admin, await timelock.getAddress())).to.equal(true);
    expect((await payroll.copiedParameters()).startingWage).to.equal(await regionParameters.get(STARTING_WAGE));
  });
});
