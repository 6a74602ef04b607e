import { expect } from "chai";
import { network } from "hardhat";
import Conductor from "../../ignition/modules/Conductor.ts";
import type { FederatedRegion } from "../../sdk/src/federation/config.ts";
import { discoverJobs, discoverListings } from "../../sdk/src/federation/discover.ts";

const ONE = 10n ** 18n;
const FRACTION = (percent: number) => (BigInt(percent) * ONE) / 100n;

/** A region on its own served chain with one company, one named occupation, one job and one listing. */
async function region(name: string, chainId: number, startingWage: bigint, price: bigint, occupation: string) {
  const server = await network.createServer({ override: { chainId } }, "127.0.0.1", 0);
  const { address, port } = await server.listen();
  const rpcUrl = `http://${address}:${port}`;
  const connection = await network.create({ network: "localhost", override: { url: rpcUrl } });
  // biome-ignore lint/suspicious/noExplicitAny: plugin-added properties
  const { ethers, ignition } = connection as any;
  const d = await ignition.deploy(Conductor, {
    displayUi: false,
    deploymentId: `discover-test-${chainId}-${Date.now()}`,
  });
  const [admin] = await ethers.getSigners();
  await (await d.regionParameters.setParameter(18 /* StartingWage */, startingWage)).wait();
  const treasury = await ethers.deployContract("TestTreasury", [admin.address]);
  await (await d.registry.registerCompany(await treasury.getAddress(), 2, 1, `${name} Steel`)).wait();
  await (await d.wageSchedule.addIndustry(FRACTION(30))).wait();
  await (
    await d.wageSchedule.addOccupation({
      industryId: 1,
      industryWeight: FRACTION(50),
      need: FRACTION(40),
      skill: FRACTION(60),
      stress: FRACTION(50),
      danger: FRACTION(70),
      productivityRange: FRACTION(20),
    })
  ).wait();
  await (await d.wageSchedule.setOccupationName(1, occupation)).wait();
  await (
    await treasury.execute(
      await d.jobBoard.getAddress(),
      d.jobBoard.interface.encodeFunctionData("postJob", [1, 40, name]),
    )
  ).wait();
  await (
    await treasury.execute(
      await d.marketplace.getAddress(),
      d.marketplace.interface.encodeFunctionData("createListing", [0, "Steel beam", price, 10]),
    )
  ).wait();
  const contracts: Record<string, `0x${string}`> = {};
  for (const [k, c] of Object.entries(d)) {
    contracts[k === "rsc" ? "RSC" : k[0].toUpperCase() + k.slice(1)] = await (
      c as { getAddress(): Promise<`0x${string}`> }
    ).getAddress();
  }
  const federated: FederatedRegion = { name, chainId: BigInt(chainId), rpcUrl, contracts };
  return {
    federated,
    close: async () => {
      await connection.close();
      await server.close();
    },
  };
}

describe("federated discovery", function () {
  this.timeout(300_000);

  it("lists jobs with each region's own wage, highest first, and listings cheapest first", async () => {
    const sf = await region("San Francisco", 1201, 20n * ONE, 130n * ONE, "Steelworker");
    const ny = await region("New York", 1202, 30n * ONE, 110n * ONE, "Welder");
    try {
      const jobs = await discoverJobs([sf.federated, ny.federated]);
      expect(jobs.map((j) => j.region)).to.deep.equal(["New York", "San Francisco"]);
      // Same occupation, STARTING_WAGE 30 vs 20: the wage scales exactly with it.
      expect(jobs[0].wage * 20n).to.equal(jobs[1].wage * 30n);
      expect(jobs[0].location).to.equal("New York");
      expect(await discoverJobs([sf.federated, ny.federated], { occupationId: 2 })).to.deep.equal([]);
      // Each region names its occupations; names, not ids, are how regions meet.
      expect(jobs.map((j) => j.occupationName)).to.deep.equal(["Welder", "Steelworker"]);
      const welders = await discoverJobs([sf.federated, ny.federated], { occupationName: "Welder" });
      expect(welders.map((j) => [j.region, j.occupationId])).to.deep.equal([["New York", 1]]);
      const listings = await discoverListings([sf.federated, ny.federated], "beam");
      expect(listings.map((l) => [l.region, l.unitPrice])).to.deep.equal([
        ["New York", 110n * ONE],
        ["San Francisco", 130n * ONE],
      ]);
    } finally {
      await sf.close();
      await ny.close();
    }
  });
});
