import { expect } from "chai";
import { networkHelpers, ONE } from "../helpers/region.ts";
import { deployServices, monthOf, type ServicesFixture } from "./fixture.ts";

describe("RegionalInventory", () => {
  let f: ServicesFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployServices);
  });

  async function stock() {
    await f.regionalInventory.addItem("Lathe", f.capitalPool, 120n * ONE);
    await f.regionalInventory.addItem("Truck", await f.housingCo.getAddress(), 300n * ONE);
    await f.regionalInventory.addItem("Warehouse", f.capitalPool, 900n * ONE);
  }

  it("is a queryable register; a company leases at cost and pays monthly Rent to the owner", async () => {
    await stock();
    const workshop = await f.workshop.getAddress();
    expect(await f.regionalInventory.availableItems()).to.deep.equal([1n, 2n, 3n]);
    await expect(f.asCompany(f.workshop, f.regionalInventory, "lease", [2]))
      .to.emit(f.regionalInventory, "Leased")
      .withArgs(2, workshop);
    expect(await f.regionalInventory.availableItems()).to.deep.equal([1n, 3n]);
    expect(await f.regionalInventory.leasesOf(workshop)).to.deep.equal([2n]);
    const owner = await f.housingCo.getAddress();
    await expect(f.asCompany(f.workshop, f.regionalInventory, "payLease", [2]))
      .to.emit(f.rsc, "ActionPerformed")
      .withArgs(2 /* Rent */, workshop, owner, 300n * ONE, `0x${"2".padStart(64, "0")}`)
      .and.to.emit(f.regionalInventory, "LeasePaid")
      .withArgs(2, workshop, monthOf(await f.now()), 300n * ONE);
    await expect(f.asCompany(f.workshop, f.regionalInventory, "payLease", [2])).to.be.revertedWithCustomError(
      f.regionalInventory,
      "InventoryLeaseAlreadyPaid",
    );
    await expect(f.asCompany(f.college, f.regionalInventory, "lease", [2]))
      .to.be.revertedWithCustomError(f.regionalInventory, "InventoryItemLeased")
      .withArgs(2, workshop);
    await expect(f.regionalInventory.connect(f.alice).lease(1))
      .to.be.revertedWithCustomError(f.regionalInventory, "InventoryNotACompany")
      .withArgs(f.alice.address, 1);
    await f.asCompany(f.workshop, f.regionalInventory, "endLease", [2]);
    expect(await f.regionalInventory.availableItems()).to.deep.equal([1n, 2n, 3n]);
  });

  it("returns a bankrupt company's leased equipment to the region", async () => {
    await stock();
    const workshop = await f.workshop.getAddress();
    await f.asCompany(f.workshop, f.regionalInventory, "lease", [1]);
    await f.asCompany(f.workshop, f.regionalInventory, "lease", [3]);
    await f.asCompany(f.college, f.regionalInventory, "lease", [2]);
    await expect(f.regionalInventory.recordBankruptcy(workshop))
      .to.emit(f.regionalInventory, "BankruptcyRecorded")
      .withArgs(workshop, 2);
    expect(await f.regionalInventory.leasesOf(workshop)).to.deep.equal([]);
    expect(await f.regionalInventory.availableItems()).to.deep.equal([1n, 3n]);
    expect((await f.regionalInventory.item(2)).lessee).to.equal(await f.college.getAddress());
    expect(await f.regionalInventory.isBankrupt(workshop)).to.equal(true);
    await expect(f.asCompany(f.workshop, f.regionalInventory, "lease", [1]))
      .to.be.revertedWithCustomError(f.regionalInventory, "InventoryCompanyBankrupt")
      .withArgs(workshop);
  });

  it("only governance adds items and sets costs; only the recorder records bankruptcies; owners are the region", async () => {
    await stock();
    const role = await f.regionalInventory.BANKRUPTCY_RECORDER_ROLE();
    await expect(f.regionalInventory.connect(f.stranger).addItem("X", f.capitalPool, 1))
      .to.be.revertedWithCustomError(f.regionalInventory, "AccessControlUnauthorizedAccount")
      .withArgs(f.stranger.address, `0x${"00".repeat(32)}`);
    await expect(f.regionalInventory.connect(f.stranger).setMonthlyCost(1, 1))
      .to.be.revertedWithCustomError(f.regionalInventory, "AccessControlUnauthorizedAccount")
      .withArgs(f.stranger.address, `0x${"00".repeat(32)}`);
    await expect(f.regionalInventory.connect(f.stranger).recordBankruptcy(await f.workshop.getAddress()))
      .to.be.revertedWithCustomError(f.regionalInventory, "AccessControlUnauthorizedAccount")
      .withArgs(f.stranger.address, role);
    const workshop = await f.workshop.getAddress();
    await expect(f.regionalInventory.addItem("X", workshop, 1))
      .to.be.revertedWithCustomError(f.regionalInventory, "InventoryInvalidOwner")
      .withArgs(workshop, 2);
    await expect(f.asCompany(f.college, f.regionalInventory, "payLease", [1]))
      .to.be.revertedWithCustomError(f.regionalInventory, "InventoryNotLessee")
      .withArgs(1, await f.college.getAddress());
    // the registrar can be made a recorder by governance
    await f.regionalInventory.grantRole(role, f.operator.address);
    await f.regionalInventory.connect(f.operator).recordBankruptcy(workshop);
    expect(await f.regionalInventory.isBankrupt(workshop)).to.equal(true);
  });
});
