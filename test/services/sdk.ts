import { expect } from "chai";
import { type Address, createPublicClient, createWalletClient, custom, defineChain, type PublicClient } from "viem";
import type { ConductorClient } from "../../sdk/src/client.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { ConductorContractError, ConductorInputError } from "../../sdk/src/errors.ts";
import { applyToProgramme } from "../../sdk/src/services/applyToProgramme.ts";
import { encodeAssignMaintenance } from "../../sdk/src/services/assignMaintenance.ts";
import { bookWages } from "../../sdk/src/services/bookWages.ts";
import { getBuildingRents } from "../../sdk/src/services/buildingRents.ts";
import { joinWaitList } from "../../sdk/src/services/joinWaitList.ts";
import { encodeLeaseItem } from "../../sdk/src/services/leaseItem.ts";
import { encodePayBuildingCost } from "../../sdk/src/services/payBuildingCost.ts";
import { encodePayPropertyTax } from "../../sdk/src/services/payPropertyTax.ts";
import { payRent } from "../../sdk/src/services/payRent.ts";
import { payTuition } from "../../sdk/src/services/payTuition.ts";
import { payVisit } from "../../sdk/src/services/payVisit.ts";
import { encodeRecordVisit } from "../../sdk/src/services/recordVisit.ts";
import { encodeUnassignMaintenance } from "../../sdk/src/services/unassignMaintenance.ts";
import { connection, networkHelpers, ONE } from "../helpers/region.ts";
import { deployServices, monthOf, monthStart, type ServicesFixture, UnitType } from "./fixture.ts";

async function clientsFor(f: ServicesFixture) {
  const chain = defineChain({
    id: 31337,
    name: "test region",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: ["http://127.0.0.1:1"] } },
  });
  const transport = custom(connection.provider);
  const publicClient = createPublicClient({ chain, transport }) as PublicClient;
  const contracts: Record<string, Address> = { CapitalPool: f.capitalPool as Address };
  for (const [name, key] of [
    ["RSC", "rsc"],
    ["Registry", "registry"],
    ["RegionParameters", "regionParameters"],
    ["Reserve", "reserve"],
    ["Custodians", "custodians"],
    ["Housing", "housing"],
    ["Education", "education"],
    ["Healthcare", "healthcare"],
    ["RegionalInventory", "regionalInventory"],
  ] as const) {
    contracts[name] = (await (f[key] as { getAddress(): Promise<string> }).getAddress()) as Address;
  }
  const deployment: Deployment = { chainId: 31337, regionName: "Test", startBlock: 0, contracts };
  return (account: string): ConductorClient => {
    const walletClient = createWalletClient({ chain, transport, account: account as Address });
    return { publicClient, walletClient, account: walletClient.account, deployment, chain } as ConductorClient;
  };
}

describe("services SDK (viem over the in-process chain)", () => {
  let f: ServicesFixture;
  let as: Awaited<ReturnType<typeof clientsFor>>;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployServices);
    as = await clientsFor(f);
  });

  it("joins a wait-list, pays building costs through the company treasury, books wages, derives and pays rent", async () => {
    await f.asCompany(f.housingCo, f.housing, "addBuilding", ["Elm"]);
    await f.asCompany(f.housingCo, f.housing, "addUnit", [1, UnitType.Apartment, 50]);
    await joinWaitList(as(f.alice.address), { buildingId: 1, unitType: "Apartment" });
    expect(await f.housing.waitList(1, UnitType.Apartment)).to.deep.equal([f.alice.address]);
    const month = monthOf(await f.now());
    const company = as(f.operator.address);
    const exec = ({ to, data }: { to: string; data: string }) => f.housingCo.connect(f.operator).execute(to, data);
    await exec(encodePayPropertyTax(company, { buildingId: 1, amount: 100n * ONE }));
    await exec(
      encodePayBuildingCost(company, {
        buildingId: 1,
        category: "Water",
        supplier: await f.waterCo.getAddress(),
        amount: 10n * ONE,
      }),
    );
    const employmentId = await f.hire(f.housingCo, f.dave.address);
    await exec(encodeAssignMaintenance(company, { employmentId, buildingId: 1 }));
    await f.payroll.connect(f.dave).submitTimesheet(employmentId, 3600);
    await f.asCompany(f.housingCo, f.payroll, "approveTimesheet", [employmentId, 3600]);
    await f.payroll.connect(f.dave).withdraw(employmentId);
    // anyone books the wages Payroll paid
    const booked = await bookWages(as(f.stranger.address), { buildingId: 1 });
    expect([booked.booked, booked.entries]).to.deep.equal([120n * ONE, 1]);
    await exec(encodeUnassignMaintenance(company, { employmentId }));
    const costs = 100n * ONE + 10n * ONE + (10n * ONE * 8n) / 100n + 120n * ONE;
    expect(await f.housing.monthlyCosts(1, month)).to.equal(costs);
    await networkHelpers.time.increaseTo(monthStart(month + 1) + 86_400);
    const rents = await getBuildingRents(as(f.alice.address), { buildingId: 1 });
    expect(rents.costMonth).to.equal(month);
    expect(rents.totalCosts).to.equal(costs);
    expect(rents.costs.map((c) => c.category)).to.deep.equal(["PropertyTax", "MaintenanceWages", "Water"]);
    expect(rents.units.map((u) => [u.unitId, u.area, u.rent])).to.deep.equal([[1n, 50, (costs * 105n) / 100n]]);
    await f.asCompany(f.housingCo, f.housing, "assignNext", [1]);
    const paid = await payRent(as(f.alice.address), { unitId: 1 });
    expect(paid.month).to.equal(month + 1);
    expect(paid.amount).to.equal((costs * 105n) / 100n);
    let refusal: unknown;
    try {
      await payRent(as(f.bob.address), { unitId: 1 });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).to.be.instanceOf(ConductorContractError);
    expect((refusal as ConductorContractError).errorName).to.equal("HousingNotTenant");
  });

  it("applies and pays tuition; records and pays a visit; encodes a lease", async () => {
    await f.asCompany(f.college, f.education, "openProgramme", ["Nursing", 5, 100n * ONE]);
    expect((await applyToProgramme(as(f.bob.address), { programmeId: 1 })).priority).to.equal(true);
    await f.asCompany(f.college, f.education, "admitNext", [1]);
    const tuition = await payTuition(as(f.bob.address), { programmeId: 1 });
    expect([tuition.studentShare, tuition.subsidy]).to.deep.equal([50n * ONE, 50n * ONE]);

    await f.asCompany(f.hospital, f.healthcare, "addProcedure", ["Checkup", 80n * ONE]);
    const visit = encodeRecordVisit(as(f.operator.address), { procedureId: 1, patient: f.carol.address });
    await f.hospital.connect(f.operator).execute(visit.to, visit.data);
    const paid = await payVisit(as(f.carol.address), { visitId: 1 });
    expect([paid.patientShare, paid.subsidy]).to.deep.equal([20n * ONE, 60n * ONE]);

    await f.regionalInventory.addItem("Lathe", f.capitalPool, ONE);
    const lease = encodeLeaseItem(as(f.operator.address), { itemId: 1 });
    await f.workshop.connect(f.operator).execute(lease.to, lease.data);
    expect((await f.regionalInventory.item(1)).lessee).to.equal(await f.workshop.getAddress());
  });

  it("refuses bad input before sending anything", async () => {
    const client = as(f.alice.address);
    for (const attempt of [
      () => joinWaitList(client, { buildingId: 0, unitType: "Apartment" }),
      () => joinWaitList(client, { buildingId: 1, unitType: "Castle" as never }),
      () => payRent(client, { unitId: "x" }),
      () => Promise.resolve(encodePayPropertyTax(client, { buildingId: 1, amount: 0n })),
      () =>
        Promise.resolve(
          encodePayBuildingCost(client, {
            buildingId: 1,
            category: "PropertyTax" as never,
            supplier: f.workshop.target as string,
            amount: 1n,
          }),
        ),
      () =>
        Promise.resolve(
          encodePayBuildingCost(client, { buildingId: 1, category: "Water", supplier: "0x12", amount: 1n }),
        ),
      () => Promise.resolve(encodeAssignMaintenance(client, { employmentId: 0, buildingId: 1 })),
      () => bookWages(client, { buildingId: -1 }),
      () => Promise.resolve(encodeRecordVisit(client, { procedureId: 1, patient: "0x1234" })),
    ]) {
      let refusal: unknown;
      try {
        await attempt();
      } catch (error) {
        refusal = error;
      }
      expect(refusal).to.be.instanceOf(ConductorInputError);
    }
  });
});
