import { expect } from "chai";
import { networkHelpers, ONE } from "../helpers/region.ts";
import { DEFAULT_TERMS, deployPayroll, type PayrollFixture, PLAIN, terms } from "../payroll/fixture.ts";

const asTuple = (p: typeof PLAIN) => [
  BigInt(p.industryId),
  p.industryWeight,
  p.need,
  p.skill,
  p.stress,
  p.danger,
  p.productivityRange,
];

describe("WageSchedule", () => {
  let f: PayrollFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployPayroll);
  });

  it("adds industries and occupations with events; computes the index and wages", async () => {
    await expect(f.wageSchedule.addIndustry(ONE / 2n))
      .to.emit(f.wageSchedule, "IndustryAdded")
      .withArgs(2, ONE / 2n);
    const lawyer = { ...PLAIN, industryId: 2, industryWeight: ONE, skill: ONE / 2n };
    await expect(f.wageSchedule.addOccupation(lawyer))
      .to.emit(f.wageSchedule, "OccupationAdded")
      .withArgs(2, asTuple(lawyer))
      .and.to.emit(f.wageSchedule, "WageEpochStarted")
      .withArgs(2, 0, (ONE * 9n) / 4n, (ONE * 9n) / 4n, 0, 0, lawyer.productivityRange);
    // (1 + 0.5 × 1) × (1 + 0.5) = 2.25
    expect(await f.wageSchedule.wageIndexOf(2)).to.equal((ONE * 9n) / 4n);
    expect(await f.wageSchedule.baseWageOf(2)).to.equal(225n * ONE);
    expect(await f.wageSchedule.finalWageOf(2, ONE)).to.equal(270n * ONE);
    expect(await f.wageSchedule.occupationsOf(2)).to.deep.equal([2n]);
    expect((await f.wageSchedule.industry(2)).occupationCount).to.equal(1n);
  });

  it("an industry need change gives each of its occupations an epoch, with old and new need", async () => {
    await f.wageSchedule.addIndustry(ONE);
    await f.wageSchedule.addOccupation({ ...PLAIN, industryId: 2, industryWeight: ONE });
    await f.wageSchedule.addOccupation({ ...PLAIN, industryId: 2, industryWeight: ONE / 2n });
    await expect(f.wageSchedule.changeIndustryNeed(2, 0n, terms(10, 20)))
      .to.emit(f.wageSchedule, "IndustryNeedChanged")
      .withArgs(2, ONE, 0n)
      .and.to.emit(f.wageSchedule, "WageEpochStarted")
      .withArgs(2, 1, 2n * ONE, ONE, 10, 20, PLAIN.productivityRange)
      .and.to.emit(f.wageSchedule, "WageEpochStarted")
      .withArgs(3, 1, (3n * ONE) / 2n, ONE, 10, 20, PLAIN.productivityRange);
    expect(await f.wageSchedule.wageIndexOf(2)).to.equal(ONE);
    expect(await f.wageSchedule.existingIndexOf(2)).to.equal(2n * ONE);
  });

  it("a change emits the old and new parameters; a raise has no delay", async () => {
    const raised = { ...PLAIN, danger: ONE };
    await expect(f.wageSchedule.changeOccupation(1, raised, terms(100, 100)))
      .to.emit(f.wageSchedule, "OccupationChanged")
      .withArgs(1, asTuple(PLAIN), asTuple(raised))
      .and.to.emit(f.wageSchedule, "WageEpochStarted")
      .withArgs(1, 1, ONE, 2n * ONE, 0, 0, PLAIN.productivityRange);
    expect(await f.wageSchedule.existingIndexOf(1)).to.equal(2n * ONE);
  });

  it("retires occupations and industries (an industry retires its occupations)", async () => {
    await expect(f.wageSchedule.retireOccupation(1)).to.emit(f.wageSchedule, "OccupationRetired").withArgs(1);
    await expect(f.wageSchedule.retireOccupation(1))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleOccupationRetired")
      .withArgs(1);
    await f.wageSchedule.addOccupation(PLAIN);
    await expect(f.wageSchedule.retireIndustry(1))
      .to.emit(f.wageSchedule, "IndustryRetired")
      .withArgs(1)
      .and.to.emit(f.wageSchedule, "OccupationRetired")
      .withArgs(2);
    expect((await f.wageSchedule.hiringState(2)).hiring).to.equal(false);
    await expect(f.wageSchedule.addOccupation(PLAIN))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleIndustryRetired")
      .withArgs(1);
  });

  it("refuses bad input with the offending values, changing nothing", async () => {
    await expect(f.wageSchedule.addIndustry(ONE + 1n))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleFractionOutOfRange")
      .withArgs(ONE + 1n);
    await expect(f.wageSchedule.addOccupation({ ...PLAIN, stress: ONE + 5n }))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleFractionOutOfRange")
      .withArgs(ONE + 5n);
    await expect(f.wageSchedule.addOccupation({ ...PLAIN, industryId: 9 }))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleUnknownIndustry")
      .withArgs(9);
    await expect(f.wageSchedule.changeOccupation(5, PLAIN, DEFAULT_TERMS))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleUnknownOccupation")
      .withArgs(5);
    await f.wageSchedule.addIndustry(0n);
    await expect(f.wageSchedule.changeOccupation(1, { ...PLAIN, industryId: 2 }, DEFAULT_TERMS))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleIndustryFixed")
      .withArgs(1, 1, 2);
    const max = 10n * 365n * 86_400n;
    await expect(f.wageSchedule.changeOccupation(1, PLAIN, terms(max + 1n, 0)))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleTermsOutOfRange")
      .withArgs(max + 1n, 0, max);
    await expect(f.wageSchedule.epochAt(1, 3))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleUnknownEpoch")
      .withArgs(1, 3, 1);
    expect(await f.wageSchedule.occupationCount()).to.equal(1n);
    expect(await f.wageSchedule.industryCount()).to.equal(2n);
  });

  it("refuses every write by anyone but the governance executor", async () => {
    const s = f.wageSchedule.connect(f.alice);
    const role = await f.wageSchedule.DEFAULT_ADMIN_ROLE();
    const calls = [
      () => s.addIndustry(0n),
      () => s.changeIndustryNeed(1, 0n, DEFAULT_TERMS),
      () => s.retireIndustry(1),
      () => s.addOccupation(PLAIN),
      () => s.changeOccupation(1, PLAIN, DEFAULT_TERMS),
      () => s.retireOccupation(1),
      () => s.upgradeToAndCall(f.alice.address, "0x"),
    ];
    for (const call of calls) {
      await expect(call())
        .to.be.revertedWithCustomError(f.wageSchedule, "AccessControlUnauthorizedAccount")
        .withArgs(f.alice.address, role);
    }
  });
});
