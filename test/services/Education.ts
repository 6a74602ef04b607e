import { expect } from "chai";
import { networkHelpers, ONE } from "../helpers/region.ts";
import { deployServices, monthOf, type ServicesFixture } from "./fixture.ts";

const { time } = networkHelpers;
const YEAR = 365 * 86_400;

describe("Education", () => {
  let f: ServicesFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployServices);
  });

  const asCollege = (fn: string, args: readonly unknown[]) => f.asCompany(f.college, f.education, fn, args);

  it("splits each period's cost: the student pays (1 − HigherEducationSubsidy), the pool the rest", async () => {
    await asCollege("openProgramme", ["Nursing", 10, 1000n * ONE + 1n]);
    await f.education.connect(f.alice).applyTo(1);
    await asCollege("admitNext", [1]);
    const college = await f.college.getAddress();
    const [share, subsidy] = [500n * ONE + 1n, 500n * ONE]; // subsidy 50 % rounded down
    expect(await f.education.tuitionOf(1)).to.deep.equal([share, subsidy]);
    const pool0 = await f.rsc.balanceOf(f.capitalPool);
    const alice0 = await f.rsc.balanceOf(f.alice.address);
    const ref = `0x${"1".padStart(64, "0")}`;
    await expect(f.education.connect(f.alice).payTuition(1))
      .to.emit(f.rsc, "ActionPerformed")
      .withArgs(1 /* Purchase */, f.alice.address, college, share, ref)
      .and.to.emit(f.rsc, "ActionPerformed")
      .withArgs(8 /* Subsidy */, f.capitalPool, college, subsidy, ref)
      .and.to.emit(f.education, "TuitionPaid")
      .withArgs(1, f.alice.address, monthOf(await f.now()), share, subsidy);
    expect(pool0 - (await f.rsc.balanceOf(f.capitalPool))).to.equal(subsidy);
    expect(alice0 - (await f.rsc.balanceOf(f.alice.address))).to.equal(share);
    await expect(f.education.connect(f.alice).payTuition(1)).to.be.revertedWithCustomError(
      f.education,
      "EducationTuitionAlreadyPaid",
    );
    await expect(f.education.connect(f.bob).payTuition(1))
      .to.be.revertedWithCustomError(f.education, "EducationNotEnrolled")
      .withArgs(1, f.bob.address);
  });

  it("fully subsidises K-12", async () => {
    await f.asCompany(f.school, f.education, "openProgramme", ["Grade 3", 30, 300n * ONE]);
    await f.education.connect(f.bob).applyTo(1);
    await f.asCompany(f.school, f.education, "admitNext", [1]);
    const bob0 = await f.rsc.balanceOf(f.bob.address);
    await expect(f.education.connect(f.bob).payTuition(1))
      .to.emit(f.education, "TuitionPaid")
      .withArgs(1, f.bob.address, monthOf(await f.now()), 0, 300n * ONE);
    expect(await f.rsc.balanceOf(f.bob.address)).to.equal(bob0);
    expect(await f.rsc.balanceOf(await f.school.getAddress())).to.equal(10_300n * ONE);
  });

  it("refuses a subsidy the pool cannot cover, with nothing moved or recorded", async () => {
    // cost 3M: subsidy 1.5M against a pool of 1M; alice can pay her share
    await asCollege("openProgramme", ["Medicine", 10, 3_000_000n * ONE]);
    await f.fund(f.alice.address, 2_000_000n * ONE);
    await f.education.connect(f.alice).applyTo(1);
    await asCollege("admitNext", [1]);
    const college = await f.college.getAddress();
    const before = await Promise.all([f.capitalPool, f.alice.address, college].map((a) => f.rsc.balanceOf(a)));
    await expect(f.education.connect(f.alice).payTuition(1))
      .to.be.revertedWithCustomError(f.education, "EducationSubsidyUnavailable")
      .withArgs(f.capitalPool, 1_500_000n * ONE, 1_000_000n * ONE);
    const after = await Promise.all([f.capitalPool, f.alice.address, college].map((a) => f.rsc.balanceOf(a)));
    expect(after).to.deep.equal(before);
    // the period is still unpaid: once the pool can cover it, it goes through in full
    await f.fund(f.capitalPool, 500_000n * ONE);
    await f.education.connect(f.alice).payTuition(1);
    expect(await f.rsc.balanceOf(college)).to.equal(before[2] + 3_000_000n * ONE);
    expect(await f.rsc.balanceOf(f.capitalPool)).to.equal(0n);
  });

  it("refuses a student who cannot pay her share before anything moves", async () => {
    await asCollege("openProgramme", ["Law", 10, 30_000n * ONE]);
    await f.education.connect(f.carol).applyTo(1);
    await asCollege("admitNext", [1]);
    const pool0 = await f.rsc.balanceOf(f.capitalPool);
    await expect(f.education.connect(f.carol).payTuition(1))
      .to.be.revertedWithCustomError(f.education, "EducationInsufficientBalance")
      .withArgs(f.carol.address, 15_000n * ONE, 10_000n * ONE);
    expect(await f.rsc.balanceOf(f.capitalPool)).to.equal(pool0);
  });

  it("serves new students and those not enrolled for N years first", async () => {
    await asCollege("openProgramme", ["Welding", 1, 0]);
    await asCollege("openProgramme", ["Carpentry", 5, 0]);
    // alice and bob study carpentry now; bob finishes, alice finishes 5 years before the welding call
    for (const m of [f.alice, f.bob]) await f.education.connect(m).applyTo(2);
    await asCollege("admitNext", [2]);
    await asCollege("admitNext", [2]);
    await f.education.connect(f.alice).endEnrolment(2, f.alice.address);
    await time.increase(YEAR);
    await f.education.connect(f.bob).endEnrolment(2, f.bob.address);
    await time.increase(4 * YEAR);
    expect(await f.education.isPriority(f.alice.address)).to.equal(true); // 5 years
    expect(await f.education.isPriority(f.bob.address)).to.equal(false); // 4 years
    expect(await f.education.isPriority(f.carol.address)).to.equal(true); // new
    await f.education.connect(f.bob).applyTo(1);
    await f.education.connect(f.alice).applyTo(1);
    await f.education.connect(f.carol).applyTo(1);
    expect(await f.education.waitLists(1)).to.deep.equal([[f.alice.address, f.carol.address], [f.bob.address]]);
    await expect(asCollege("admitNext", [1]))
      .to.emit(f.education, "Enrolled")
      .withArgs(1, f.alice.address, true);
    await expect(asCollege("admitNext", [1]))
      .to.be.revertedWithCustomError(f.education, "EducationProgrammeFull")
      .withArgs(1, 1);
    await asCollege("setCapacity", [1, 3]);
    await expect(asCollege("admitNext", [1]))
      .to.emit(f.education, "Enrolled")
      .withArgs(1, f.carol.address, true);
    await expect(asCollege("admitNext", [1]))
      .to.emit(f.education, "Enrolled")
      .withArgs(1, f.bob.address, false);
  });

  describe("access", () => {
    it("only the programme's school sets its cost and capacity and admits; only registered schools open programmes", async () => {
      await asCollege("openProgramme", ["Nursing", 10, ONE]);
      const college = await f.college.getAddress();
      for (const [fn, args] of [
        ["setProgrammeCost", [1, 2n * ONE]],
        ["setCapacity", [1, 3]],
        ["admitNext", [1]],
      ] as [string, unknown[]][]) {
        const hospital = await f.hospital.getAddress();
        await expect(f.asCompany(f.hospital, f.education, fn, args))
          .to.be.revertedWithCustomError(f.education, "EducationNotProgrammeSchool")
          .withArgs(1, hospital, college);
        await expect(f.asCompany(f.school, f.education, fn, args))
          .to.be.revertedWithCustomError(f.education, "EducationNotProgrammeSchool")
          .withArgs(1, await f.school.getAddress(), college);
      }
      await expect(f.education.connect(f.stranger).openProgramme("X", 1, 1))
        .to.be.revertedWithCustomError(f.education, "EducationNotSchool")
        .withArgs(f.stranger.address);
      await expect(f.education.connect(f.stranger).registerSchool(college, 2))
        .to.be.revertedWithCustomError(f.education, "AccessControlUnauthorizedAccount")
        .withArgs(f.stranger.address, `0x${"00".repeat(32)}`);
      await expect(f.education.connect(f.stranger).endEnrolment(1, f.alice.address))
        .to.be.revertedWithCustomError(f.education, "EducationNotStudentOrSchool")
        .withArgs(1, f.stranger.address);
    });
  });
});
