import { expect } from "chai";
import type { Address } from "viem";
import { employmentIdOf, employmentSeq } from "../../sdk/src/payroll/employments.ts";
import { networkHelpers, ONE } from "../helpers/region.ts";
import {
  Action,
  CostCategory,
  deployServices,
  monthOf,
  monthStart,
  payMonthOfCosts,
  type ServicesFixture,
  threeUnits,
  UnitType,
} from "./fixture.ts";

const { time } = networkHelpers;
/** A month two months after the fixture's (the shared chain's clock may be anywhere). */
let M: number;

async function goTo(month: number, day = 10) {
  await time.increaseTo(monthStart(month) + (day - 1) * 86_400);
}

/** The sum of the token's Transfer logs out of `account` over blocks [from, to]. */
async function transfersOut(f: ServicesFixture, account: string, from: number, to: number | "latest" = "latest") {
  const logs = await f.rsc.queryFilter(f.rsc.filters.Transfer(account, undefined), from, to);
  return logs.reduce((s, l) => s + (l as { args: { value: bigint } }).args.value, 0n);
}

describe("Housing costs and derived rents", () => {
  let f: ServicesFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployServices);
    M = monthOf(await f.now()) + 2;
  });

  const asHousing = (fn: string, args: readonly unknown[]) => f.asCompany(f.housingCo, f.housing, fn, args);

  describe("the issue's example: 50, 70 and 80 m², costs paid through the books", () => {
    // Month M: property tax 1000 RSC; maintenance wages 10 h × 120 RSC/h = 1200 RSC gross (Payroll,
    // 15 % of it income tax); supplies 300 + 24 sales tax; water 400 + 32; garbage 7 wei (tax
    // ⌊0.56⌋ = 0). C = 2956 RSC + 7 wei. Month M + 1 rents, ⌊C × area × (1 + aboveCost) / 200⌋
    // with ApartmentAboveCost 5 % and HouseRentalAboveCost 10 %:
    //   50 m² apartment: C × 0.2625 = 775.95 RSC + 1.8375 wei
    //   70 m² apartment: C × 0.3675 = 1086.33 RSC + 2.5725 wei
    //   80 m² house:     C × 0.44   = 1300.64 RSC + 3.08 wei
    const WAGES = 1200n * ONE;
    const C = 2956n * ONE + 7n;
    const EXPECTED = [775950000000000000001n, 1086330000000000000002n, 1300640000000000000003n];

    it("books exactly what left the treasury, by category, and derives next month's rents to the wei", async () => {
      await threeUnits(f);
      await goTo(M);
      const company = await f.housingCo.getAddress();
      const fromBlock = (await f.rsc.runner?.provider?.getBlockNumber()) as number;
      const { paid } = await payMonthOfCosts(f);
      expect(paid).to.equal(WAGES);
      expect(await f.housing.costOf(1, M, CostCategory.PropertyTax)).to.equal(1000n * ONE);
      expect(await f.housing.costOf(1, M, CostCategory.MaintenanceWages)).to.equal(WAGES);
      expect(await f.housing.costOf(1, M, CostCategory.Supplies)).to.equal(324n * ONE);
      expect(await f.housing.costOf(1, M, CostCategory.Water)).to.equal(432n * ONE);
      expect(await f.housing.costOf(1, M, CostCategory.Garbage)).to.equal(7n);
      expect(await f.housing.monthlyCosts(1, M)).to.equal(C);
      // the independent check: every wei booked left the company's treasury as a Transfer
      expect(await transfersOut(f, company, fromBlock + 1)).to.equal(C);
      for (let u = 1; u <= 3; ++u) expect(await f.housing.rentOf(u, M + 1)).to.equal(EXPECTED[u - 1]);
      const exact = (area: bigint, above: bigint) => (C * area * (ONE + above)) / (200n * ONE);
      expect(EXPECTED).to.deep.equal([exact(50n, ONE / 20n), exact(70n, ONE / 20n), exact(80n, ONE / 10n)]);
    });

    it("charges a building with no costs in the last closed month no at-cost rent", async () => {
      await threeUnits(f);
      await goTo(M);
      await payMonthOfCosts(f);
      // month M's rent derives from month M − 1, when the building had no costs
      for (let u = 1; u <= 3; ++u) expect(await f.housing.rentOf(u, M)).to.equal(0n);
      expect(await f.housing.currentRent(1)).to.equal(0n);
      // and month M + 2's from month M + 1, when none were paid
      expect(await f.housing.rentOf(1, M + 2)).to.equal(0n);
    });

    it("keeps a month's rent fixed once the month has begun: new costs go into the current month", async () => {
      await threeUnits(f);
      await f.housing.connect(f.alice).joinWaitList(1, UnitType.Apartment);
      await asHousing("assignNext", [1]);
      await goTo(M);
      await payMonthOfCosts(f);
      await goTo(M + 1, 2);
      expect(await f.housing.currentRent(1)).to.equal(EXPECTED[0]);
      await asHousing("payPropertyTax", [1, 5000n * ONE]);
      expect(await f.housing.monthlyCosts(1, M)).to.equal(C);
      expect(await f.housing.monthlyCosts(1, M + 1)).to.equal(5000n * ONE);
      const company = await f.housingCo.getAddress();
      await expect(f.housing.connect(f.alice).payRent(1))
        .to.emit(f.rsc, "ActionPerformed")
        .withArgs(Action.Rent, f.alice.address, company, EXPECTED[0], `0x${"1".padStart(64, "0")}`);
    });

    it("charges vacant units' shares to no one: an occupied unit's rent does not depend on its neighbours", async () => {
      await threeUnits(f);
      await f.housing.connect(f.alice).joinWaitList(1, UnitType.Apartment);
      await asHousing("assignNext", [1]);
      await goTo(M);
      await payMonthOfCosts(f);
      await goTo(M + 1);
      const company = await f.housingCo.getAddress();
      const before = await f.rsc.balanceOf(company);
      await f.housing.connect(f.alice).payRent(1);
      // one unit of three occupied: the company collects the 50 m² share only and bears the rest
      expect((await f.rsc.balanceOf(company)) - before).to.equal(EXPECTED[0]);
      await f.housing.connect(f.bob).joinWaitList(1, UnitType.Apartment);
      await asHousing("assignNext", [2]);
      expect(await f.housing.currentRent(1)).to.equal(EXPECTED[0]);
      expect(await f.housing.currentRent(2)).to.equal(EXPECTED[1]);
      // with every unit occupied, rent income exceeds the costs by the above-cost percentages
      const sum = EXPECTED.reduce((s, r) => s + r, 0n);
      expect(sum > C).to.equal(true);
      expect(sum - C).to.equal((C * 120n * (ONE / 20n) + C * 80n * (ONE / 10n)) / (200n * ONE) - 1n);
    });
  });

  describe("costs not paid through the books cannot raise rent", () => {
    it("ignores wages of employments not assigned to the building and wages paid before assignment", async () => {
      await threeUnits(f);
      await goTo(M);
      // erin works for the housing company but maintains no building
      const erins = await f.hire(f.housingCo, f.erin.address);
      await f.payroll.connect(f.erin).submitTimesheet(erins, 3600);
      await f.asCompany(f.housingCo, f.payroll, "approveTimesheet", [erins, 3600]);
      await f.payroll.connect(f.erin).withdraw(erins);
      await expect(f.housing.bookWages(1)).to.not.emit(f.housing, "WagesBooked");
      // assigned afterwards: what was paid before stays out of the building's costs
      await expect(asHousing("assignMaintenance", [erins, 1]))
        .to.emit(f.housing, "MaintenanceAssigned")
        .withArgs(erins, 1, 120n * ONE);
      expect(await f.housing.unbookedWages(1)).to.equal(0n);
      await f.housing.bookWages(1);
      expect(await f.housing.monthlyCosts(1, M)).to.equal(0n);
      // another company's employment cannot be assigned
      const hospitals = await f.hire(f.hospital, f.carol.address);
      await expect(asHousing("assignMaintenance", [hospitals, 1]))
        .to.be.revertedWithCustomError(f.housing, "HousingNotCompanyEmployment")
        .withArgs(hospitals, await f.hospital.getAddress());
      // an unknown employment, and the hospital's id forged with the housing company's address
      await expect(asHousing("assignMaintenance", [99, 1]))
        .to.be.revertedWithCustomError(f.payroll, "PayrollUnknownEmployment")
        .withArgs(99);
      const forged = employmentIdOf((await f.housingCo.getAddress()) as Address, employmentSeq(hospitals));
      await expect(asHousing("assignMaintenance", [forged, 1]))
        .to.be.revertedWithCustomError(f.payroll, "PayrollUnknownEmployment")
        .withArgs(forged);
      expect(await f.housing.rentOf(1, M + 1)).to.equal(0n);
    });

    it("books no wages of the previous housing company once governance names another", async () => {
      await threeUnits(f);
      await goTo(M);
      const { employmentId } = await payMonthOfCosts(f);
      await f.payroll.connect(f.dave).submitTimesheet(employmentId, 3600);
      await f.asCompany(f.housingCo, f.payroll, "approveTimesheet", [employmentId, 3600]);
      await f.payroll.connect(f.dave).withdraw(employmentId);
      expect(await f.housing.unbookedWages(1)).to.equal(120n * ONE);
      await f.housing.setHousingCompany(await f.college.getAddress());
      expect(await f.housing.unbookedWages(1)).to.equal(0n);
      await expect(f.housing.bookWages(1)).to.not.emit(f.housing, "WagesBooked");
      expect(await f.housing.costOf(1, M, CostCategory.MaintenanceWages)).to.equal(1200n * ONE);
    });

    it("has no way to book a cost without moving RSC", async () => {
      for (const fn of ["recordCost", "bookCost", "addCost"])
        expect(f.housing.interface.getFunction(fn)).to.equal(null);
      await threeUnits(f);
      await goTo(M);
      // a cost the treasury cannot pay reverts whole: nothing is booked, no id is used
      const company = await f.housingCo.getAddress();
      const balance = await f.rsc.balanceOf(company);
      await expect(asHousing("payPropertyTax", [1, balance + 1n]))
        .to.be.revertedWithCustomError(f.rsc, "ERC20InsufficientBalance")
        .withArgs(company, balance, balance + 1n);
      expect(await f.housing.monthlyCosts(1, M)).to.equal(0n);
      expect(await f.housing.costCount()).to.equal(0n);
      expect(await f.rsc.balanceOf(company)).to.equal(balance);
    });
  });

  describe("cost flows", () => {
    it("pays property tax to the capital pool and purchases with sales tax, every move ref = the cost id", async () => {
      await threeUnits(f);
      await goTo(M);
      const company = await f.housingCo.getAddress();
      const water = await f.waterCo.getAddress();
      const ref1 = `0x${"1".padStart(64, "0")}`;
      const ref2 = `0x${"2".padStart(64, "0")}`;
      await expect(asHousing("payPropertyTax", [1, 1000n * ONE]))
        .to.emit(f.rsc, "ActionPerformed")
        .withArgs(Action.Rent, company, f.capitalPool, 1000n * ONE, ref1)
        .and.to.emit(f.housing, "BuildingCostPaid")
        .withArgs(1, 1, CostCategory.PropertyTax, M, f.capitalPool, 1000n * ONE, 0, 1000n * ONE);
      const before = await f.rsc.balanceOf(water);
      await expect(asHousing("payBuildingCost", [1, CostCategory.Water, water, 400n * ONE]))
        .to.emit(f.rsc, "ActionPerformed")
        .withArgs(Action.Purchase, company, water, 400n * ONE, ref2)
        .and.to.emit(f.rsc, "ActionPerformed")
        .withArgs(Action.SalesTax, company, f.capitalPool, 32n * ONE, ref2)
        .and.to.emit(f.housing, "BuildingCostPaid")
        .withArgs(2, 1, CostCategory.Water, M, water, 432n * ONE, 32n * ONE, 1432n * ONE);
      expect((await f.rsc.balanceOf(water)) - before).to.equal(400n * ONE);
      expect(await f.housing.costCount()).to.equal(2n);
    });

    it("books wages as Payroll pays them, month by month, and books the rest on unassignment", async () => {
      await threeUnits(f);
      await goTo(M);
      const { employmentId } = await payMonthOfCosts(f); // 1200 RSC in month M
      expect(await f.housing.maintenanceStaff(1)).to.deep.equal([employmentId]);
      await f.payroll.connect(f.dave).submitTimesheet(employmentId, 3 * 3600);
      await f.asCompany(f.housingCo, f.payroll, "approveTimesheet", [employmentId, 3 * 3600]);
      await f.payroll.connect(f.dave).withdraw(employmentId);
      expect(await f.housing.unbookedWages(1)).to.equal(360n * ONE);
      await goTo(M + 1);
      // paid in M, booked in M + 1 by whoever books (here a stranger): it counts in M + 1
      await expect(f.housing.connect(f.stranger).bookWages(1))
        .to.emit(f.housing, "WagesBooked")
        .withArgs(1, employmentId, M + 1, 1200n * ONE, 1560n * ONE, 360n * ONE);
      expect(await f.housing.costOf(1, M, CostCategory.MaintenanceWages)).to.equal(1200n * ONE);
      await f.payroll.connect(f.dave).submitTimesheet(employmentId, 3600);
      await f.asCompany(f.housingCo, f.payroll, "approveTimesheet", [employmentId, 3600]);
      await f.payroll.connect(f.dave).withdraw(employmentId);
      await expect(asHousing("unassignMaintenance", [employmentId]))
        .to.emit(f.housing, "WagesBooked")
        .withArgs(1, employmentId, M + 1, 1560n * ONE, 1680n * ONE, 480n * ONE)
        .and.to.emit(f.housing, "MaintenanceUnassigned")
        .withArgs(employmentId, 1);
      expect(await f.housing.maintenanceStaff(1)).to.deep.equal([]);
      expect(await f.housing.maintenanceOf(employmentId)).to.deep.equal([0n, 0n]);
    });

    it("refuses bad input with the offending values, changing nothing", async () => {
      await threeUnits(f);
      await goTo(M);
      const workshop = await f.workshop.getAddress();
      const company = await f.housingCo.getAddress();
      for (const category of [CostCategory.PropertyTax, CostCategory.MaintenanceWages]) {
        await expect(asHousing("payBuildingCost", [1, category, workshop, ONE]))
          .to.be.revertedWithCustomError(f.housing, "HousingNotAPurchase")
          .withArgs(category);
      }
      await expect(asHousing("payBuildingCost", [1, CostCategory.Water, f.alice.address, ONE]))
        .to.be.revertedWithCustomError(f.housing, "HousingInvalidSupplier")
        .withArgs(f.alice.address, 1);
      await expect(asHousing("payBuildingCost", [1, CostCategory.Water, company, ONE]))
        .to.be.revertedWithCustomError(f.housing, "HousingInvalidSupplier")
        .withArgs(company, 3);
      await expect(asHousing("payBuildingCost", [1, CostCategory.Water, workshop, 0])).to.be.revertedWithCustomError(
        f.housing,
        "HousingZeroAmount",
      );
      await expect(asHousing("payPropertyTax", [1, 0])).to.be.revertedWithCustomError(f.housing, "HousingZeroAmount");
      await expect(asHousing("payPropertyTax", [7, ONE]))
        .to.be.revertedWithCustomError(f.housing, "HousingUnknownBuilding")
        .withArgs(7);
      await expect(f.housing.bookWages(7))
        .to.be.revertedWithCustomError(f.housing, "HousingUnknownBuilding")
        .withArgs(7);
      const daves = await f.hire(f.housingCo, f.dave.address);
      await asHousing("assignMaintenance", [daves, 1]);
      await asHousing("addBuilding", ["Oak Row"]);
      await expect(asHousing("assignMaintenance", [daves, 2]))
        .to.be.revertedWithCustomError(f.housing, "HousingAlreadyMaintaining")
        .withArgs(daves, 1);
      await expect(asHousing("unassignMaintenance", [2]))
        .to.be.revertedWithCustomError(f.housing, "HousingNotMaintaining")
        .withArgs(2);
      expect(await f.housing.costCount()).to.equal(0n);
      expect(await f.housing.monthlyCosts(1, M)).to.equal(0n);
      expect(await f.housing.maintenanceStaff(2)).to.deep.equal([]);
    });
  });
});
