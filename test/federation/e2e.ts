import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { demoAccounts } from "../../scripts/lib/demoAccounts.ts";
import {
  type DemoDelivery,
  type Federation,
  seedFederationTraffic,
  startFederation,
} from "../../scripts/lib/federation.ts";
import { auditChains, auditFederation } from "../../sdk/src/federation/audit.ts";
import { readFederation } from "../../sdk/src/federation/config.ts";
import { getSettlement } from "../../sdk/src/federation/settlement.ts";

const ONE = 10n ** 18n;

/**
 * The whole federation end to end, through the same library as `npm run start:federation`: two
 * EDR nodes on loopback (chain ids 1001 and 1002, ports from the system) mining a block every
 * second, whole Conductor regions, three validators and the relayer polling; RSC person → person
 * both ways and a cross-region purchase; then the cross-chain audit.
 */
describe("federation end to end (two nodes, validators, relayer)", function () {
  this.timeout(600_000);
  let federation: Federation;
  let dir: string;
  let deliveries: DemoDelivery[];
  const start: Record<string, bigint> = {};
  const base = new Map<number, bigint>();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "conductor-federation-e2e-"));
    federation = await startFederation({ ports: [0, 0], dir, intervalMs: 100 });
    const [a, b] = federation.regions;
    const [ada, bo] = demoAccounts().filter((x) => x.role === "member");
    const grocers = a.seed.companies.find((c) => c.name === "Green Grocers")!.address;
    const acme = b.seed.companies.find((c) => c.name === "Acme Steel")!.address;
    start.ada = await a.deployed.rsc.balanceOf(ada.address);
    start.bo = await b.deployed.rsc.balanceOf(bo.address);
    start.grocers = await a.deployed.rsc.balanceOf(grocers);
    start.acme = await b.deployed.rsc.balanceOf(acme);
    start.poolA = await a.deployed.rsc.balanceOf(a.deployment.contracts.CapitalPool);
    start.poolB = await b.deployed.rsc.balanceOf(b.deployment.contracts.CapitalPool);
    // From here on both chains mine a block every second, like a real region, in step: block
    // `base + k` of one chain is mined within milliseconds of block `base + k` of the other.
    for (const r of federation.regions) {
      await r.connection.provider.request({ method: "evm_setAutomine", params: [false] });
    }
    for (const r of federation.regions) {
      await r.connection.provider.request({ method: "evm_setIntervalMining", params: [1000] });
    }
    for (const r of federation.regions) base.set(r.chainId, BigInt(await r.ethers.provider.getBlockNumber()));
    deliveries = await seedFederationTraffic(federation);
  });

  after(async () => {
    await federation?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("moves RSC person → person both ways", async () => {
    const [a, b] = federation.regions;
    const [ada, bo] = demoAccounts().filter((x) => x.role === "member");
    expect(await a.deployed.rsc.balanceOf(ada.address)).to.equal(start.ada - 25n * ONE + 10n * ONE);
    expect(await b.deployed.rsc.balanceOf(bo.address)).to.equal(start.bo + 25n * ONE - 10n * ONE);
  });

  it("buys a listing across regions: the seller gets the net, the seller region's pool the tax", async () => {
    const [a, b] = federation.regions;
    const grocers = a.seed.companies.find((c) => c.name === "Green Grocers")!.address;
    const acme = b.seed.companies.find((c) => c.name === "Acme Steel")!.address;
    const [event] = await b.deployed.marketplace.queryFilter(b.deployed.marketplace.filters.PurchasedAcrossRegions());
    const { net, tax, quantity, unitPrice } = event.args;
    expect(quantity).to.equal(2n);
    expect(net).to.equal(unitPrice * 2n);
    expect(tax).to.equal((net * 6n) / 100n); // Houston's 6 %, not Twin Cities' 8 %
    expect(await b.deployed.rsc.balanceOf(acme)).to.equal(start.acme + net);
    expect(await b.deployed.rsc.balanceOf(b.deployment.contracts.CapitalPool)).to.equal(start.poolB + tax);
    expect(await a.deployed.rsc.balanceOf(a.deployment.contracts.CapitalPool)).to.equal(start.poolA);
    // The buyer paid exactly net + tax once the change came back.
    expect(await a.deployed.rsc.balanceOf(grocers)).to.equal(start.grocers - net - tax);
  });

  it("delivers every message within 2 blocks of its source block", () => {
    expect(deliveries).to.have.length(3);
    for (const d of deliveries) {
      // Blocks elapsed on the (lock-stepped) chains between the send's block and the delivery's.
      const blocks = d.deliveredBlock - base.get(d.to)! - (d.sentBlock - base.get(d.from)!);
      console.log(`      ${d.what}: ${blocks} block(s), ${d.elapsedMs} ms`);
      expect(Number(blocks), d.what).to.be.at.most(2);
    }
  });

  it("passes the cross-chain audit: every burn matched by its mint or refund, flows equal the messages", async () => {
    const regions = readFederation(federation.configPath);
    const report = await auditFederation(auditChains(regions), { strict: true });
    expect(report.violations).to.deep.equal([]);
    expect(report.ok).to.equal(true);
    expect(report.messages).to.equal(4); // two transfers, the purchase, its change
    expect(report.delivered).to.equal(4);
    expect(report.inFlight).to.deep.equal([]);
    const [line] = await getSettlement(regions);
    expect(line.debtorRecord).to.equal(line.creditorRecord);
  });
});
