import { expect } from "chai";
import { bookMaintenanceWages, buildingsWithUnbookedWages } from "../../scripts/keepers/housing.ts";
import { encodeAssignMaintenance } from "../../sdk/src/services/assignMaintenance.ts";
import { networkHelpers, ONE } from "../helpers/region.ts";
import { clientFor, deploymentOf } from "../helpers/viem.ts";
import { deployServices, monthOf } from "./fixture.ts";

describe("housing keeper (viem over the in-process chain)", () => {
  it("books every building's paid maintenance wages in the month they were paid, once", async () => {
    const f = await networkHelpers.loadFixture(deployServices);
    const deployment = await deploymentOf({ Housing: f.housing });
    const keeper = clientFor(deployment, f.stranger.address);
    const logs: string[] = [];
    const log = (level: string, message: string) => logs.push(`${level}: ${message}`);

    await f.asCompany(f.housingCo, f.housing, "addBuilding", ["Elm"]);
    await f.asCompany(f.housingCo, f.housing, "addBuilding", ["Oak"]);
    const employmentId = await f.hire(f.housingCo, f.dave.address);
    const { to, data } = encodeAssignMaintenance(clientFor(deployment), { employmentId, buildingId: 2 });
    await f.housingCo.connect(f.operator).execute(to, data);
    expect(await buildingsWithUnbookedWages(keeper)).to.deep.equal([]);

    await f.payroll.connect(f.dave).submitTimesheet(employmentId, 3600);
    await f.asCompany(f.housingCo, f.payroll, "approveTimesheet", [employmentId, 3600]);
    await f.payroll.connect(f.dave).withdraw(employmentId);
    const month = monthOf(await f.now());
    const before = await f.housing.monthlyCosts(2, month);

    const report = await bookMaintenanceWages(keeper, { log });
    expect(report.due).to.deep.equal([2n]);
    expect(report.booked).to.deep.equal([{ buildingId: 2n, amount: 120n * ONE }]);
    expect(report.failed).to.deep.equal([]);
    expect((await f.housing.monthlyCosts(2, month)) - before).to.equal(120n * ONE);
    expect(await f.housing.monthlyCosts(1, month)).to.equal(0n);

    // Nothing twice: the next pass finds nothing to book and sends nothing.
    const again = await bookMaintenanceWages(keeper, { log });
    expect(again).to.deep.equal({ due: [], booked: [], failed: [] });
    expect((await f.housing.monthlyCosts(2, month)) - before).to.equal(120n * ONE);
  });

  it("a region without a Housing contract has nothing to book", async () => {
    const f = await networkHelpers.loadFixture(deployServices);
    const keeper = clientFor(await deploymentOf({ RSC: f.rsc }), f.stranger.address);
    expect(await bookMaintenanceWages(keeper)).to.deep.equal({ due: [], booked: [], failed: [] });
  });
});
