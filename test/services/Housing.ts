import { expect } from "chai";
import { networkHelpers, ONE } from "../helpers/region.ts";
import {
  CostCategory,
  deployServices,
  monthOf,
  monthStart,
  payMonthOfCosts,
  type ServicesFixture,
  threeUnits as threeUnitsOf,
  UnitType,
} from "./fixture.ts";

const { time } = networkHelpers;
/** A month two months after the fixture's (the shared chain's clock may be anywhere). */
let M: number;

/** Jumps to day `day` of month index `month`. */
async function goTo(month: number, day = 10) {
  await time.increaseTo(monthStart(month) + (day - 1) * 86_400);
}

describe("Housing", () => {
  let f: ServicesFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployServices);
    M = monthOf(await f.now()) + 2;
  });

  const asHousing = (fn: string, args: readonly unknown[]) => f.asCompany(f.housingCo, f.housing, fn, args);

  const threeUnits = () => threeUnitsOf(f);

  describe("rent", () => {
    // Month M's costs paid through the books (see HousingCosts.ts): 2956 RSC + 7 wei; the 50 m²
    // apartment's rent in month M + 1 is ⌊C × 50 × 1.05 / 200⌋.
    const RENT_50 = 775950000000000000001n;

    it("charges the current month's rent once, as the Rent action from tenant to housing company", async () => {
      await threeUnits();
      for (const m of [f.alice, f.bob]) await f.housing.connect(m).joinWaitList(1, UnitType.Apartment);
      await asHousing("assignNext", [1]);
      await goTo(M);
      await payMonthOfCosts(f);
      await goTo(M + 1, 3);
      const company = await f.housingCo.getAddress();
      const before = await f.rsc.balanceOf(company);
      await expect(f.housing.connect(f.alice).payRent(1))
        .to.emit(f.rsc, "ActionPerformed")
        .withArgs(2 /* Rent */, f.alice.address, company, RENT_50, `0x${"1".padStart(64, "0")}`)
        .and.to.emit(f.housing, "RentPaid")
        .withArgs(1, f.alice.address, M + 1, RENT_50);
      expect((await f.rsc.balanceOf(company)) - before).to.equal(RENT_50);
      await expect(f.housing.connect(f.alice).payRent(1))
        .to.be.revertedWithCustomError(f.housing, "HousingRentAlreadyPaid")
        .withArgs(1, M + 1);
      await expect(f.housing.connect(f.bob).payRent(1))
        .to.be.revertedWithCustomError(f.housing, "HousingNotTenant")
        .withArgs(1, f.bob.address);
    });

    it("refuses units of no area and unknown buildings", async () => {
      await threeUnits();
      await expect(asHousing("addUnit", [1, UnitType.House, 0]))
        .to.be.revertedWithCustomError(f.housing, "HousingInvalidArea")
        .withArgs(0);
      await expect(asHousing("addUnit", [9, UnitType.House, 10]))
        .to.be.revertedWithCustomError(f.housing, "HousingUnknownBuilding")
        .withArgs(9);
    });
  });

  describe("wait-list, assignment, move-out", () => {
    it("assigns the head of the wait-list of the unit's building and type, and frees the unit on move-out", async () => {
      await threeUnits();
      await f.housing.connect(f.alice).joinWaitList(1, UnitType.House);
      await f.housing.connect(f.bob).joinWaitList(1, UnitType.Apartment);
      await f.housing.connect(f.carol).joinWaitList(1, UnitType.Apartment);
      await expect(f.housing.connect(f.bob).joinWaitList(1, UnitType.Apartment))
        .to.be.revertedWithCustomError(f.housing, "HousingAlreadyWaiting")
        .withArgs(1, UnitType.Apartment, f.bob.address);
      await expect(asHousing("assignNext", [2]))
        .to.emit(f.housing, "UnitAssigned")
        .withArgs(2, f.bob.address, false);
      expect(await f.housing.waitList(1, UnitType.Apartment)).to.deep.equal([f.carol.address]);
      await expect(asHousing("assignNext", [2]))
        .to.be.revertedWithCustomError(f.housing, "HousingUnitOccupied")
        .withArgs(2, f.bob.address);
      await expect(f.housing.connect(f.carol).moveOut(2))
        .to.be.revertedWithCustomError(f.housing, "HousingNotTenantOrCompany")
        .withArgs(2, f.carol.address);
      await expect(f.housing.connect(f.bob).moveOut(2)).to.emit(f.housing, "MovedOut").withArgs(2, f.bob.address);
      expect((await f.housing.unit(2)).tenant).to.equal("0x0000000000000000000000000000000000000000");
      await asHousing("assignNext", [2]);
      expect((await f.housing.unit(2)).tenant).to.equal(f.carol.address);
      await expect(asHousing("assignNext", [1]))
        .to.be.revertedWithCustomError(f.housing, "HousingWaitListEmpty")
        .withArgs(1, UnitType.Apartment);
    });

    it("only members (Persons) join wait-lists", async () => {
      await threeUnits();
      const workshop = await f.workshop.getAddress();
      await expect(f.asCompany(f.workshop, f.housing, "joinWaitList", [1, UnitType.Apartment]))
        .to.be.revertedWithCustomError(f.housing, "HousingNotAPerson")
        .withArgs(workshop, 2);
      await expect(f.housing.connect(f.stranger).leaveWaitList(1, UnitType.Apartment))
        .to.be.revertedWithCustomError(f.housing, "HousingNotWaiting")
        .withArgs(1, UnitType.Apartment, f.stranger.address);
    });

    it("lets a unit no member waits for at the market rate the company sets", async () => {
      await threeUnits();
      const workshop = await f.workshop.getAddress();
      await expect(asHousing("letAtMarketRate", [3, workshop]))
        .to.be.revertedWithCustomError(f.housing, "HousingNoMarketRent")
        .withArgs(3);
      await asHousing("setMarketRent", [3, 2500n * ONE]);
      await f.housing.connect(f.alice).joinWaitList(1, UnitType.House);
      await expect(asHousing("letAtMarketRate", [3, workshop]))
        .to.be.revertedWithCustomError(f.housing, "HousingMembersWaiting")
        .withArgs(1, UnitType.House, 1);
      await f.housing.connect(f.alice).leaveWaitList(1, UnitType.House);
      await expect(asHousing("letAtMarketRate", [3, f.stranger.address]))
        .to.be.revertedWithCustomError(f.housing, "HousingInvalidTenant")
        .withArgs(f.stranger.address, 0);
      await expect(asHousing("letAtMarketRate", [3, workshop]))
        .to.emit(f.housing, "UnitAssigned")
        .withArgs(3, workshop, true);
      expect(await f.housing.currentRent(3)).to.equal(2500n * ONE);
      const before = await f.rsc.balanceOf(workshop);
      await f.asCompany(f.workshop, f.housing, "payRent", [3]);
      expect(before - (await f.rsc.balanceOf(workshop))).to.equal(2500n * ONE);
    });
  });

  describe("access", () => {
    it("only the housing company adds buildings and units, pays costs, sets market rents and assigns", async () => {
      await threeUnits();
      const company = await f.housingCo.getAddress();
      const employmentId = await f.hire(f.housingCo, f.dave.address);
      await asHousing("assignMaintenance", [employmentId, 1]);
      const calls: [string, unknown[]][] = [
        ["addBuilding", ["X"]],
        ["addUnit", [1, UnitType.Apartment, 10]],
        ["payPropertyTax", [1, ONE]],
        ["payBuildingCost", [1, CostCategory.Water, await f.waterCo.getAddress(), ONE]],
        ["assignMaintenance", [employmentId, 1]],
        ["unassignMaintenance", [employmentId]],
        ["setMarketRent", [1, ONE]],
        ["assignNext", [1]],
        ["letAtMarketRate", [1, f.alice.address]],
      ];
      for (const [fn, args] of calls) {
        await expect(
          (f.housing.connect(f.stranger) as never as Record<string, (...a: unknown[]) => Promise<unknown>>)[fn](
            ...args,
          ),
        )
          .to.be.revertedWithCustomError(f.housing, "HousingNotCompany")
          .withArgs(f.stranger.address, company);
        // a signer who is not the housing company's cannot make its treasury call
        const data = f.housing.interface.encodeFunctionData(fn as never, args as never);
        await expect(f.housingCo.connect(f.stranger).execute(await f.housing.getAddress(), data))
          .to.be.revertedWithCustomError(f.housingCo, "TestTreasuryNotOwner")
          .withArgs(f.stranger.address);
        // another regional company's treasury is refused too
        await expect(f.asCompany(f.college, f.housing, fn, args))
          .to.be.revertedWithCustomError(f.housing, "HousingNotCompany")
          .withArgs(await f.college.getAddress(), company);
      }
    });

    it("only governance names the housing company, and only a RegionalCompany", async () => {
      await expect(f.housing.connect(f.stranger).setHousingCompany(await f.college.getAddress()))
        .to.be.revertedWithCustomError(f.housing, "AccessControlUnauthorizedAccount")
        .withArgs(f.stranger.address, `0x${"00".repeat(32)}`);
      const workshop = await f.workshop.getAddress();
      await expect(f.housing.setHousingCompany(workshop))
        .to.be.revertedWithCustomError(f.housing, "HousingNotRegionalCompany")
        .withArgs(workshop, 2);
    });
  });
});
