import { expect } from "chai";
import { parseEther } from "ethers";
import { collectDueLots, dueCompanies, startProfitAtRestKeeper } from "../../scripts/keepers/profitAtRest.ts";
import type { ConductorClient } from "../../sdk/src/client.ts";
import { Action } from "../helpers/region.ts";
import { deploymentOf, clientFor as viemClientFor } from "../helpers/viem.ts";
import { DAY, deployMarketplace, type MarketplaceFixture, networkHelpers, ONE, PRODUCT } from "./fixture.ts";

const { time } = networkHelpers;
const PROFIT_AT_REST_RATE = 3;

describe("profit-at-rest keeper (viem over the in-process chain)", () => {
  let f: MarketplaceFixture;
  let t0: number;
  let deployment: ConductorClient["deployment"];
  const logs: string[] = [];
  const log = (level: string, message: string) => logs.push(`${level}: ${message}`);
  const clientFor = (account: string) => viemClientFor(deployment, account);

  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployMarketplace);
    logs.length = 0;
    deployment = await deploymentOf({ RSC: f.rsc, Registry: f.registry, ProfitAtRest: f.profitAtRest });
    await f.acme.exec(f.marketplace, "createListing", [PRODUCT, "Steel beam", ONE, 2n ** 64n - 1n]);
    await f.grocer.exec(f.marketplace, "createListing", [PRODUCT, "Coal", ONE, 2n ** 64n - 1n]);
    await f.regionParameters.setParameter(PROFIT_AT_REST_RATE, parseEther("0.05"));
    t0 = Math.ceil(((await time.latest()) + 100) / 900) * 900;
    await time.setNextBlockTimestamp(t0);
    await f.marketplace.connect(f.alice).purchase(1n, 100n, 10n ** 30n);
    await f.marketplace.connect(f.bob).purchase(2n, 40n, 10n ** 30n);
  });

  it("collects every company's due lots into the capital pool, and a second pass finds nothing", async () => {
    const keeper = clientFor(f.outsider.address);
    expect(await dueCompanies(keeper)).to.deep.equal([]);

    await time.increaseTo(t0 + 31 * DAY);
    await networkHelpers.mine();
    // Acme and Green Grocers hold lots; the bank's deposit is an exempt lot, due as well (no tax).
    expect(await dueCompanies(keeper)).to.have.members([f.acme.address, f.grocer.address, f.bank.address]);
    const pool = await f.capitalPool.getAddress();
    const before = await f.rsc.balanceOf(pool);

    const report = await collectDueLots(keeper, { log });
    const byCompany = Object.fromEntries(report.collected.map((c) => [c.company, [c.lots, c.tax]]));
    expect(byCompany[f.acme.address]).to.deep.equal([1, 5n * ONE]);
    expect(byCompany[f.grocer.address]).to.deep.equal([1, 2n * ONE]);
    expect(byCompany[f.bank.address]).to.deep.equal([1, 0n]);
    expect(report.failed).to.deep.equal([]);
    expect((await f.rsc.balanceOf(pool)) - before).to.equal(7n * ONE);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(95n * ONE);

    // Each lot is taxed once: the next pass sends nothing and moves nothing.
    const again = await collectDueLots(keeper, { log });
    expect(again.due).to.deep.equal([]);
    expect(again.collected).to.deep.equal([]);
    expect((await f.rsc.balanceOf(pool)) - before).to.equal(7n * ONE);
  });

  it("a paused tax leaves the lot due and warns; collection resumes after the pause", async () => {
    await f.rsc.grantRole(await f.rsc.GUARDIAN_ROLE(), f.admin.address);
    await time.increaseTo(t0 + 31 * DAY);
    await f.rsc.pauseActions(1 << Action.indexOf("ProfitAtRestTax"), t0 + 32 * DAY, "audit");
    const keeper = clientFor(f.outsider.address);

    const paused = await collectDueLots(keeper, { log });
    expect(paused.collected.find((c) => c.company === f.acme.address)).to.deep.equal({
      company: f.acme.address,
      lots: 0,
      tax: 0n,
    });
    expect(logs.some((l) => l.startsWith("warn:") && l.includes(f.acme.address))).to.equal(true);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(100n * ONE);

    await time.increaseTo(t0 + 33 * DAY);
    await collectDueLots(keeper, { log });
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(95n * ONE);
  });

  it("a transaction that keeps failing is retried, logged and reported; nothing moves", async () => {
    await time.increaseTo(t0 + 31 * DAY);
    // An account the node does not hold: every send fails.
    const broken = clientFor("0x000000000000000000000000000000000000dEaD");
    const report = await collectDueLots(broken, { log, attempts: 2, retryDelayMs: 1 });
    expect(report.failed.map((x) => x.company)).to.have.members([f.acme.address, f.grocer.address, f.bank.address]);
    expect(logs.filter((l) => l.startsWith("warn:") && l.includes("attempt 1/2"))).to.have.length(3);
    expect(logs.filter((l) => l.startsWith("error:"))).to.have.length(3);
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(100n * ONE);
  });

  it("startProfitAtRestKeeper runs a pass at once and stops cleanly", async () => {
    await time.increaseTo(t0 + 31 * DAY);
    const keeper = startProfitAtRestKeeper(clientFor(f.outsider.address), { intervalMs: 3_600_000, log });
    await keeper.stop();
    expect(await f.rsc.balanceOf(f.acme.address)).to.equal(95n * ONE);
    expect(logs.some((l) => l.startsWith("info: pass done"))).to.equal(true);
  });
});
