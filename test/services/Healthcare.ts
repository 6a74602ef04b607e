import { expect } from "chai";
import { networkHelpers, ONE } from "../helpers/region.ts";
import { deployServices, type ServicesFixture } from "./fixture.ts";

describe("Healthcare", () => {
  let f: ServicesFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployServices);
  });

  const asHospital = (fn: string, args: readonly unknown[]) => f.asCompany(f.hospital, f.healthcare, fn, args);

  it("the patient pays (1 − HealthcareSubsidy) of the at-cost price, the pool the rest", async () => {
    await asHospital("addProcedure", ["MRI", 400n * ONE + 3n]);
    await asHospital("recordVisit", [1, f.alice.address]);
    // subsidy ⌊(400 RSC + 3 wei) × 0.75⌋ = 300 RSC + 2 wei; the patient pays the remaining 100 RSC + 1 wei
    const [share, subsidy] = [100n * ONE + 1n, 300n * ONE + 2n];
    expect(await f.healthcare.splitOf(1)).to.deep.equal([share, subsidy]);
    const hospital = await f.hospital.getAddress();
    const ref = `0x${"1".padStart(64, "0")}`;
    await expect(f.healthcare.connect(f.alice).payVisit(1))
      .to.emit(f.rsc, "ActionPerformed")
      .withArgs(1 /* Purchase */, f.alice.address, hospital, share, ref)
      .and.to.emit(f.rsc, "ActionPerformed")
      .withArgs(8 /* Subsidy */, f.capitalPool, hospital, subsidy, ref)
      .and.to.emit(f.healthcare, "VisitPaid")
      .withArgs(1, f.alice.address, share, subsidy);
    expect(await f.rsc.balanceOf(hospital)).to.equal(10_400n * ONE + 3n);
    await expect(f.healthcare.connect(f.alice).payVisit(1))
      .to.be.revertedWithCustomError(f.healthcare, "HealthcareVisitAlreadyPaid")
      .withArgs(1);
    await expect(f.healthcare.connect(f.bob).payVisit(1))
      .to.be.revertedWithCustomError(f.healthcare, "HealthcareNotPatient")
      .withArgs(1, f.bob.address);
  });

  it("fixes the price when the visit is recorded", async () => {
    await asHospital("addProcedure", ["Checkup", 40n * ONE]);
    await asHospital("recordVisit", [1, f.alice.address]);
    await asHospital("setPrice", [1, 80n * ONE]);
    expect((await f.healthcare.visit(1)).price).to.equal(40n * ONE);
    expect((await f.healthcare.procedure(1)).price).to.equal(80n * ONE);
  });

  it("refuses a subsidy the pool cannot cover, with nothing moved or recorded", async () => {
    await asHospital("addProcedure", ["Transplant", 2_000_000n * ONE]);
    await asHospital("recordVisit", [1, f.alice.address]);
    await f.fund(f.alice.address, 500_000n * ONE);
    const hospital = await f.hospital.getAddress();
    const before = await Promise.all([f.capitalPool, f.alice.address, hospital].map((a) => f.rsc.balanceOf(a)));
    await expect(f.healthcare.connect(f.alice).payVisit(1))
      .to.be.revertedWithCustomError(f.healthcare, "HealthcareSubsidyUnavailable")
      .withArgs(f.capitalPool, 1_500_000n * ONE, 1_000_000n * ONE);
    expect(await Promise.all([f.capitalPool, f.alice.address, hospital].map((a) => f.rsc.balanceOf(a)))).to.deep.equal(
      before,
    );
    expect((await f.healthcare.visit(1)).paid).to.equal(false);
  });

  it("refuses a patient who cannot pay her share, and visits of non-members", async () => {
    await asHospital("addProcedure", ["Surgery", 100_000n * ONE]);
    await asHospital("recordVisit", [1, f.bob.address]);
    await expect(f.healthcare.connect(f.bob).payVisit(1))
      .to.be.revertedWithCustomError(f.healthcare, "HealthcareInsufficientBalance")
      .withArgs(f.bob.address, 25_000n * ONE, 10_000n * ONE);
    await expect(asHospital("recordVisit", [1, f.stranger.address]))
      .to.be.revertedWithCustomError(f.healthcare, "HealthcareNotAPerson")
      .withArgs(f.stranger.address, 0);
  });

  describe("access", () => {
    it("only the procedure's hospital sets its price and records visits; only hospitals add procedures", async () => {
      await asHospital("addProcedure", ["MRI", ONE]);
      const hospital = await f.hospital.getAddress();
      const college = await f.college.getAddress();
      await expect(f.asCompany(f.college, f.healthcare, "setPrice", [1, 2n * ONE]))
        .to.be.revertedWithCustomError(f.healthcare, "HealthcareNotProcedureHospital")
        .withArgs(1, college, hospital);
      await expect(f.asCompany(f.college, f.healthcare, "recordVisit", [1, f.alice.address]))
        .to.be.revertedWithCustomError(f.healthcare, "HealthcareNotProcedureHospital")
        .withArgs(1, college, hospital);
      await expect(f.healthcare.connect(f.stranger).addProcedure("X", 1))
        .to.be.revertedWithCustomError(f.healthcare, "HealthcareNotHospital")
        .withArgs(f.stranger.address);
      await expect(f.healthcare.connect(f.stranger).setHospital(college, true))
        .to.be.revertedWithCustomError(f.healthcare, "AccessControlUnauthorizedAccount")
        .withArgs(f.stranger.address, `0x${"00".repeat(32)}`);
      // a retired hospital can no longer price
      await f.healthcare.setHospital(hospital, false);
      await expect(asHospital("setPrice", [1, 2n * ONE])).to.be.revertedWithCustomError(
        f.healthcare,
        "HealthcareNotProcedureHospital",
      );
    });
  });
});
