import { expect } from "chai";
import { networkHelpers } from "../helpers/region.ts";
import { deployPayroll, type PayrollFixture } from "../payroll/fixture.ts";

const MAX_NAME_BYTES = 64n;

describe("WageSchedule names", () => {
  let f: PayrollFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployPayroll);
  });

  it("names occupations and industries with events; unnamed reads as the empty string", async () => {
    expect(await f.wageSchedule.occupationName(1)).to.equal("");
    expect(await f.wageSchedule.industryName(1)).to.equal("");
    await expect(f.wageSchedule.setOccupationName(1, "Nurse"))
      .to.emit(f.wageSchedule, "OccupationNamed")
      .withArgs(1, "Nurse");
    await expect(f.wageSchedule.setIndustryName(1, "Health care"))
      .to.emit(f.wageSchedule, "IndustryNamed")
      .withArgs(1, "Health care");
    expect(await f.wageSchedule.occupationName(1)).to.equal("Nurse");
    expect(await f.wageSchedule.industryName(1)).to.equal("Health care");
  });

  it("renames, keeping the history in events; a retired occupation may be renamed", async () => {
    await f.wageSchedule.setOccupationName(1, "Nurse");
    await f.wageSchedule.retireOccupation(1);
    await expect(f.wageSchedule.setOccupationName(1, "Registered nurse"))
      .to.emit(f.wageSchedule, "OccupationNamed")
      .withArgs(1, "Registered nurse");
    expect(await f.wageSchedule.occupationName(1)).to.equal("Registered nurse");
    const named = await f.wageSchedule.queryFilter(f.wageSchedule.filters.OccupationNamed(1));
    expect(named.map((e) => (e as unknown as { args: [bigint, string] }).args[1])).to.deep.equal([
      "Nurse",
      "Registered nurse",
    ]);
  });

  it("takes a name of exactly 64 bytes (multi-byte UTF-8 counts in bytes)", async () => {
    const sixtyFour = "é".repeat(32); // 2 bytes each
    await f.wageSchedule.setOccupationName(1, sixtyFour);
    expect(await f.wageSchedule.occupationName(1)).to.equal(sixtyFour);
  });

  it("adds and names in one call (no id to guess), or adds nothing when the name is refused", async () => {
    const params = {
      industryId: 1,
      industryWeight: 10n ** 17n,
      need: 10n ** 17n,
      skill: 10n ** 17n,
      stress: 10n ** 17n,
      danger: 10n ** 17n,
      productivityRange: 10n ** 17n,
    };
    const industries = await f.wageSchedule.industryCount();
    const occupations = await f.wageSchedule.occupationCount();
    await expect(f.wageSchedule.addNamedIndustry(10n ** 17n, "")).to.be.revertedWithCustomError(
      f.wageSchedule,
      "WageScheduleEmptyName",
    );
    await expect(f.wageSchedule.addNamedOccupation(params, "x".repeat(65)))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleNameTooLong")
      .withArgs(65, MAX_NAME_BYTES);
    expect(await f.wageSchedule.industryCount()).to.equal(industries);
    expect(await f.wageSchedule.occupationCount()).to.equal(occupations);

    await expect(f.wageSchedule.addNamedIndustry(10n ** 17n, "Steelmaking"))
      .to.emit(f.wageSchedule, "IndustryAdded")
      .withArgs(industries + 1n, 10n ** 17n)
      .and.to.emit(f.wageSchedule, "IndustryNamed")
      .withArgs(industries + 1n, "Steelmaking");
    await expect(f.wageSchedule.addNamedOccupation({ ...params, industryId: industries + 1n }, "Welder"))
      .to.emit(f.wageSchedule, "OccupationAdded")
      .and.to.emit(f.wageSchedule, "OccupationNamed")
      .withArgs(occupations + 1n, "Welder");
    expect(await f.wageSchedule.industryName(industries + 1n)).to.equal("Steelmaking");
    expect(await f.wageSchedule.occupationName(occupations + 1n)).to.equal("Welder");
    const [stored] = await f.wageSchedule.occupation(occupations + 1n);
    expect(stored.industryId).to.equal(industries + 1n);
  });

  it("refuses an unknown id, an empty name and a name over 64 bytes, changing nothing", async () => {
    await f.wageSchedule.setOccupationName(1, "Nurse");
    await f.wageSchedule.setIndustryName(1, "Health care");
    await expect(f.wageSchedule.setOccupationName(2, "Welder"))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleUnknownOccupation")
      .withArgs(2);
    await expect(f.wageSchedule.setOccupationName(0, "Welder"))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleUnknownOccupation")
      .withArgs(0);
    await expect(f.wageSchedule.setIndustryName(2, "Steel"))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleUnknownIndustry")
      .withArgs(2);
    await expect(f.wageSchedule.setOccupationName(1, "")).to.be.revertedWithCustomError(
      f.wageSchedule,
      "WageScheduleEmptyName",
    );
    await expect(f.wageSchedule.setIndustryName(1, "")).to.be.revertedWithCustomError(
      f.wageSchedule,
      "WageScheduleEmptyName",
    );
    await expect(f.wageSchedule.setOccupationName(1, "x".repeat(65)))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleNameTooLong")
      .withArgs(65, MAX_NAME_BYTES);
    await expect(f.wageSchedule.setIndustryName(1, "é".repeat(33)))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleNameTooLong")
      .withArgs(66, MAX_NAME_BYTES);
    await expect(f.wageSchedule.occupationName(2))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleUnknownOccupation")
      .withArgs(2);
    await expect(f.wageSchedule.industryName(2))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleUnknownIndustry")
      .withArgs(2);
    expect(await f.wageSchedule.occupationName(1)).to.equal("Nurse");
    expect(await f.wageSchedule.industryName(1)).to.equal("Health care");
  });

  it("refuses anyone but the governance executor, changing nothing", async () => {
    const s = f.wageSchedule.connect(f.alice);
    const role = await f.wageSchedule.DEFAULT_ADMIN_ROLE();
    await expect(s.setOccupationName(1, "Nurse"))
      .to.be.revertedWithCustomError(f.wageSchedule, "AccessControlUnauthorizedAccount")
      .withArgs(f.alice.address, role);
    await expect(s.setIndustryName(1, "Health care"))
      .to.be.revertedWithCustomError(f.wageSchedule, "AccessControlUnauthorizedAccount")
      .withArgs(f.alice.address, role);
    const industries = await f.wageSchedule.industryCount();
    await expect(s.addNamedIndustry(10n ** 17n, "Steelmaking"))
      .to.be.revertedWithCustomError(f.wageSchedule, "AccessControlUnauthorizedAccount")
      .withArgs(f.alice.address, role);
    const [stored] = await f.wageSchedule.occupation(1);
    const params = stored.toObject();
    await expect(s.addNamedOccupation(params, "Welder"))
      .to.be.revertedWithCustomError(f.wageSchedule, "AccessControlUnauthorizedAccount")
      .withArgs(f.alice.address, role);
    expect(await f.wageSchedule.occupationName(1)).to.equal("");
    expect(await f.wageSchedule.industryName(1)).to.equal("");
    expect(await f.wageSchedule.industryCount()).to.equal(industries);
  });
});
