import { expect } from "chai";
import { networkHelpers, ONE } from "../helpers/region.ts";
import { CostCategory, deployServices, monthOf, monthStart, type ServicesFixture, UnitType } from "./fixture.ts";

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

  /** Building 1 with units 1 (apartment, 50 m²), 2 (apartment, 70 m²), 3 (house, 80 m²). */
  async function threeUnits() {
    await asHousing("addBuilding", ["Elm Court"]);
    await asHousing("addUnit", [1, UnitType.Apartment, 50]);
    await asHousing("addUnit", [1, UnitType.Apartment, 70]);
    await asHousing("addUnit", [1, UnitType.House, 80]);
  }

  describe("rent", () => {
    // Month M costs: 1000 + 2500 + 300 + 400 RSC + 7 wei = 4200 RSC + 7 wei. Month M + 1 rent:
    // ⌊C × area × (1 + aboveCost) / 200⌋ with ApartmentAboveCost 5 %, HouseRentalAboveCost 10 %:
    //   50 m² apt:  C × 0.2625 = 1102.5 RSC + 1.8375 wei → 1102500000000000000001
    //   70 m² apt:  C × 0.3675 = 1543.5 RSC + 2.5725 wei → 1543500000000000000002
    //   80 m² house: C × 0.44  = 1848 RSC + 3.08 wei    → 1848000000000000000003
    const C = 4200n * ONE + 7n;
    const EXPECTED = [1102500000000000000001n, 1543500000000000000002n, 1848000000000000000003n];

    async function bookJanuary() {
      await threeUnits();
      await goTo(M);
      await asHousing("recordCost", [1, M, CostCategory.PropertyTax, 1000n * ONE, `0x${"00".repeat(32)}`]);
      await asHousing("recordCost", [1, M, CostCategory.MaintenanceWages, 2500n * ONE, `0x${"11".repeat(32)}`]);
      await asHousing("recordCost", [1, M, CostCategory.Supplies, 300n * ONE, `0x${"00".repeat(32)}`]);
      await asHousing("recordCost", [1, M, CostCategory.Water, 400n * ONE, `0x${"00".repeat(32)}`]);
      await asHousing("recordCost", [1, M, CostCategory.Garbage, 7n, `0x${"00".repeat(32)}`]);
    }

    it("apportions last month's booked costs by floor area plus the above-cost percentage, to the wei", async () => {
      await bookJanuary();
      expect(await f.housing.monthlyCosts(1, M)).to.equal(C);
      for (let u = 1; u <= 3; ++u) expect(await f.housing.rentOf(u, M + 1)).to.equal(EXPECTED[u - 1]);
      // the same from the formula, and the rounding shortfall is below 1 wei per unit
      const exact = (area: bigint, above: bigint) => (C * area * (ONE + above)) / (200n * ONE);
      expect(EXPECTED).to.deep.equal([exact(50n, ONE / 20n), exact(70n, ONE / 20n), exact(80n, ONE / 10n)]);
      // month M's rent uses month M − 1's costs (none booked)
      expect(await f.housing.rentOf(1, M)).to.equal(0n);
    });

    it("charges the current month's rent once, as the Rent action from tenant to housing company", async () => {
      await bookJanuary();
      for (const m of [f.alice, f.bob]) await f.housing.connect(m).joinWaitList(1, UnitType.Apartment);
      await asHousing("assignNext", [1]);
      await goTo(M + 1, 3);
      const company = await f.housingCo.getAddress();
      const before = await f.rsc.balanceOf(company);
      await expect(f.housing.connect(f.alice).payRent(1))
        .to.emit(f.rsc, "ActionPerformed")
        .withArgs(2 /* Rent */, f.alice.address, company, EXPECTED[0], `0x${"1".padStart(64, "0")}`)
        .and.to.emit(f.housing, "RentPaid")
        .withArgs(1, f.alice.address, M + 1, EXPECTED[0]);
      expect((await f.rsc.balanceOf(company)) - before).to.equal(EXPECTED[0]);
      await expect(f.housing.connect(f.alice).payRent(1))
        .to.be.revertedWithCustomError(f.housing, "HousingRentAlreadyPaid")
        .withArgs(1, M + 1);
      await expect(f.housing.connect(f.bob).payRent(1))
        .to.be.revertedWithCustomError(f.housing, "HousingNotTenant")
        .withArgs(1, f.bob.address);
    });

    it("refuses costs booked for a future month and zero amounts", async () => {
      await threeUnits();
      const current = monthOf(await f.now());
      await expect(asHousing("recordCost", [1, current + 1, CostCategory.Water, ONE, `0x${"00".repeat(32)}`]))
        .to.be.revertedWithCustomError(f.housing, "HousingFutureMonth")
        .withArgs(current + 1, current);
      await expect(
        asHousing("recordCost", [1, current, CostCategory.Water, 0, `0x${"00".repeat(32)}`]),
      ).to.be.revertedWithCustomError(f.housing, "HousingZeroAmount");
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
    it("only the housing company adds buildings and units, books costs, sets market rents and assigns", async () => {
      await threeUnits();
      const company = await f.housingCo.getAddress();
      const zero = `0x${"00".repeat(32)}`;
      const calls: [string, unknown[]][] = [
        ["addBuilding", ["X"]],
        ["addUnit", [1, UnitType.Apartment, 10]],
        ["recordCost", [1, monthOf(await f.now()), CostCategory.Water, ONE, zero]],
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
