import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { Contract, parseEther, Wallet } from "ethers";
import { AuditInterruptedError, runAudit } from "../../sdk/src/audit/auditor.ts";
import { auditCommand, EXIT } from "../../sdk/src/audit/cli.ts";
import type { AuditReport } from "../../sdk/src/audit/report.ts";
import { tableDifferences } from "../../sdk/src/audit/table.ts";
import * as abis from "../../sdk/src/generated/abis.ts";
import { type LocalRegion, startLocalRegion } from "./localRegion.ts";
import {
  asCustodians,
  clearNextClaim,
  demoSigner,
  deployCarelessModule,
  inflateBalance,
  RSC_ROOT,
  readSlot,
  setStoredReserves,
  writeSlot,
} from "./plant.ts";

const ONE = 10n ** 18n;
const UBI = 7;
const PURCHASE = 1;
const SALES_TAX = 5;
const ref = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;

describe("auditor on a local node", function () {
  this.timeout(600_000);
  let r: LocalRegion;
  let clean: string;
  const tmp = mkdtempSync(join(tmpdir(), "conductor-audit-out-"));

  const audit = (extra: Partial<Parameters<typeof runAudit>[0]> = {}) =>
    runAudit({ client: r.client, addresses: r.addresses, startBlock: r.deployment.startBlock, ...extra });
  const rulesHit = (report: AuditReport) => [...new Set(report.violations.map((v) => v.rule))].sort();
  const member = (name: string) => r.seeded.accounts.find((a) => a.name === name)!.address;
  const company = (name: string) => r.seeded.companies.find((c) => c.name === name)!.address;

  before(async () => {
    r = await startLocalRegion();
    clean = (await r.send("evm_snapshot", [])) as string;
  });
  afterEach(async () => {
    await r.send("evm_revert", [clean]);
    clean = (await r.send("evm_snapshot", [])) as string;
  });
  after(async () => r?.close());

  it("passes the clean demo region, and cross-checks every account", async () => {
    const report = await audit();
    expect(report.violations).to.deep.equal([]);
    expect(report.ok).to.equal(true);
    // 24 members + 6 companies + the pool + the reserve, and every demo movement.
    expect(report.accounts).to.be.greaterThanOrEqual(32);
    expect(report.actions).to.be.greaterThan(40);
    expect(report.transfers).to.equal(report.actions + 30); // 30 direct payments in the seed
    const rsc = new Contract(r.deployment.contracts.RSC, abis.rscAbi as never, r.ethers.provider);
    expect(report.totalSupply).to.equal(String(await rsc.totalSupply()));
  });

  it("passes a redemption refunded to the holder's recovered key", async () => {
    const ivo = demoSigner(r, "Ivo");
    const reserve = new Contract(r.deployment.contracts.Reserve, abis.reserveAbi as never, ivo);
    await (await reserve.requestRedemption(5n * ONE)).wait();
    const redemptionId = (await reserve.redemptionCount()) - 1n;
    const registry = new Contract(
      r.deployment.contracts.Registry,
      abis.registryAbi as never,
      demoSigner(r, "Registrar"),
    );
    const newKey = Wallet.createRandom().address;
    await (await registry.recoverMember(ivo.address, newKey)).wait();
    await asCustodians(r, "refundRedemption", [redemptionId, "bank details invalid"]);
    const rsc = new Contract(r.deployment.contracts.RSC, abis.rscAbi as never, r.ethers.provider);
    expect(await rsc.balanceOf(ivo.address)).to.equal(0n);
    const report = await audit();
    expect(report.violations).to.deep.equal([]);
  });

  it("reports where the contract's transfer table differs from the auditor's own", async () => {
    const rsc = new Contract(r.deployment.contracts.RSC, abis.rscAbi as never, r.ethers.provider);
    const diffs = await tableDifferences((a, f, t) => rsc.isAllowed(a, f, t));
    // DESIGN.md: "Nothing else mints" — the contract also lets Pooling mint into and burn from the pool.
    expect(diffs).to.deep.equal([
      { action: "Pooling", fromKind: "None", toKind: "Region", auditor: false, contract: true },
      { action: "Pooling", fromKind: "Region", toKind: "None", auditor: false, contract: true },
    ]);
  });

  it("(a) catches a module that over-pays UBI outside the capital pool's claim", async () => {
    const mover = await deployCarelessModule(r, ["Ubi"]);
    const ada = member("Ada"); // claimed UBI in the seed, this period
    await (
      await mover.run([
        { action: UBI, from: r.deployment.contracts.CapitalPool, to: ada, amount: 400n * ONE, ref: ref(1) },
      ])
    ).wait();
    const report = await audit();
    expect(report.ok).to.equal(false);
    expect(rulesHit(report)).to.include.members(["ubi-claim", "ubi-once-per-period", "chain-cross-check"]);
    const amount = report.violations.find((v) => v.rule === "ubi-claim" && v.expected.startsWith("UbiAmount"));
    expect(amount?.expected).to.equal(`UbiAmount ${200n * ONE}`);
    expect(amount?.found).to.equal(`${400n * ONE}`);
    const tx = report.violations.find((v) => v.rule === "ubi-once-per-period")!;
    expect(tx.txHash).to.match(/^0x[0-9a-f]{64}$/);
    expect(tx.block).to.be.greaterThan(r.deployment.startBlock);
  });

  it("(a) catches a purchase whose sales tax is wrong", async () => {
    const mover = await deployCarelessModule(r, ["Purchase", "SalesTax"]);
    const bo = member("Bo");
    const pool = r.deployment.contracts.CapitalPool;
    await (
      await mover.run([
        { action: PURCHASE, from: bo, to: company("Green Grocers"), amount: 100n * ONE, ref: ref(7) },
        { action: SALES_TAX, from: bo, to: pool, amount: ONE, ref: ref(7) },
      ])
    ).wait();
    const report = await audit();
    expect(rulesHit(report)).to.deep.equal(["sales-tax"]);
    expect(report.violations[0].expected).to.equal(`${8n * ONE} (${100n * ONE} × ${(ONE * 8n) / 100n} / 1e18)`);
    expect(report.violations[0].found).to.equal(`${ONE}`);
  });

  it("(a) catches a wage whose income tax is wrong, and wages paid outside the payroll", async () => {
    const mover = await deployCarelessModule(r, ["Wage", "IncomeTax"]);
    const acme = company("Acme Steel");
    const pool = r.deployment.contracts.CapitalPool;
    // Gross 100 at 15 %: 85 to the worker, 15 withheld — the tax is right, but no employment earned it.
    await (await mover.wages(acme, member("Jun"), pool, 100n * ONE, (ONE * 15n) / 100n, 3)).wait();
    const outside = await audit();
    expect(rulesHit(outside)).to.deep.equal(["wage-formula"]);
    // The module allowed Wage and IncomeTax (only the Payroll may be), then 3 × (Wage, IncomeTax) of no employment.
    expect(outside.violations).to.have.length(7);
    expect(outside.violations[0].expected).to.equal("Wage and IncomeTax allowed to the Payroll alone");
    expect(outside.violations[0].found).to.equal(`allowed to ${(await mover.getAddress()).toLowerCase()}`);
    expect(outside.violations[1].expected).to.equal(
      "a payment of a Payroll employment (ref = its id, from its company)",
    );
    expect(outside.violations[1].found).to.equal(`Wage ${85n * ONE} from ${acme.toLowerCase()}, ref 0`);
    // 90 paid, 10 withheld: the tax on a gross of 100 is 15.
    await (
      await mover.run([
        { action: 3, from: acme, to: member("Jun"), amount: 90n * ONE, ref: ref(4) },
        { action: 4, from: acme, to: pool, amount: 10n * ONE, ref: ref(4) },
      ])
    ).wait();
    const report = await audit();
    expect(rulesHit(report)).to.deep.equal(["income-tax", "wage-formula"]);
    const tax = report.violations.find((v) => v.rule === "income-tax")!;
    expect(tax.expected).to.equal(`${15n * ONE} (${100n * ONE} × ${(ONE * 15n) / 100n} / 1e18)`);
  });

  it("reports only from --from-block on, with the state still rebuilt from the start", async () => {
    const mover = await deployCarelessModule(r, ["Purchase", "SalesTax"]);
    await (
      await mover.run([{ action: PURCHASE, from: member("Kai"), to: company("Acme Steel"), amount: ONE, ref: ref(5) }])
    ).wait();
    const all = await audit();
    expect(rulesHit(all)).to.deep.equal(["sales-tax"]);
    const later = await audit({ fromBlock: all.violations[0].block + 1 });
    expect(later.ok).to.equal(true);
    expect(later.totalSupply).to.equal(all.totalSupply);
  });

  it("(b) catches totalSupply edited in storage at the next checkpoint", async () => {
    const rscAddress = r.deployment.contracts.RSC;
    const slot = `0x${(RSC_ROOT + 2n).toString(16)}`;
    await writeSlot(r, rscAddress, slot, (await readSlot(r, rscAddress, slot)) + 5n);
    const report = await audit();
    expect(rulesHit(report)).to.deep.equal(["chain-cross-check", "supply-cross-check"]);
    expect(report.violations.find((v) => v.rule === "supply-cross-check")!.found).to.equal("5");
  });

  it("(a) catches a module minting without the reserve", async () => {
    const mover = await deployCarelessModule(r, ["Deposit"]);
    await (
      await mover.run([{ action: 11, from: `0x${"00".repeat(20)}`, to: member("Cleo"), amount: ONE, ref: ref(2) }])
    ).wait();
    const report = await audit();
    expect(rulesHit(report)).to.deep.equal(["mint-authority", "module-permissions"]);
  });

  it("(b) catches a balance slot edited with hardhat_setStorageAt, and the spending it allows", async () => {
    const dev = member("Dev");
    const before = await audit({ skipCrossCheck: true });
    expect(before.ok).to.equal(true);
    await inflateBalance(r, dev, 10_000n * ONE);
    const edited = await audit();
    expect(rulesHit(edited)).to.deep.equal(["chain-cross-check"]);
    const found = edited.violations.map((v) => v.expected);
    expect(found.some((e) => e.startsWith(`balanceOf(${dev.toLowerCase()})`))).to.equal(true);
    expect(found.some((e) => e.startsWith("Σ balanceOf"))).to.equal(true);

    // Spending the forged RSC: the logs never gave Dev that much.
    const rsc = new Contract(r.deployment.contracts.RSC, abis.rscAbi as never, demoSigner(r, "Dev"));
    await (await rsc.transfer(member("Eli"), parseEther("9000"))).wait();
    const spent = await audit();
    expect(rulesHit(spent)).to.include("balance-covers-debit");
  });

  it("(c) catches a mint beyond the attested reserves (reserves raised by a storage edit)", async () => {
    await setStoredReserves(r, 100_000_000n * ONE);
    await asCustodians(r, "attestDeposit", [ref(99), member("Fern"), 5_000_000n * ONE]);
    const report = await audit();
    expect(rulesHit(report)).to.deep.equal(["chain-cross-check", "reserve-backing"]);
    const backing = report.violations.find((v) => v.rule === "reserve-backing")!;
    expect(backing.expected).to.match(/^totalSupply ≤ 2000000000000000000000000 /);
  });

  it("(c') reports a shortfall the custodians attest: the chain records it, the audit names it", async () => {
    await asCustodians(r, "attestReserves", [1n, 0, `0x${"bb".repeat(32)}`]);
    const report = await audit();
    expect(rulesHit(report)).to.deep.equal(["reserve-backing"]);
    expect(report.violations[0].expected).to.match(/^attested reserves × rate ≥ totalSupply /);
  });

  it("(d) catches a UBI claimed twice in one period (nextClaimAt cleared by a storage edit)", async () => {
    const gus = demoSigner(r, "Gus");
    const rsc = new Contract(r.deployment.contracts.RSC, abis.rscAbi as never, r.ethers.provider);
    const { tag } = await rsc.accountOf(gus.address);
    await clearNextClaim(r, tag);
    const pool = new Contract(r.deployment.contracts.CapitalPool, abis.capitalPoolAbi as never, gus);
    await (await pool.claimUbi()).wait();
    const report = await audit();
    expect(rulesHit(report)).to.deep.equal(["ubi-once-per-period"]);
    expect(report.violations[0].expected).to.contain(`member ${tag}'s next UBI`);
  });

  it("resumes from its cache after an interruption with the identical result", async () => {
    // Something to find, so the comparison covers violations too.
    const mover = await deployCarelessModule(r, ["Purchase", "SalesTax"]);
    await (
      await mover.run([{ action: PURCHASE, from: member("Hana"), to: company("Acme Steel"), amount: ONE, ref: ref(3) }])
    ).wait();
    const full = await audit({ checkpointEvery: 25 });
    const cacheFile = join(tmp, "resume.json");
    const controller = new AbortController();
    let chunks = 0;
    const first = audit({
      cacheFile,
      checkpointEvery: 25,
      signal: controller.signal,
      onProgress: () => {
        if (++chunks === 2) controller.abort();
      },
    });
    const stopped = await first.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(stopped).to.be.instanceOf(AuditInterruptedError);
    const saved = JSON.parse(readFileSync(cacheFile, "utf8"));
    expect(saved.nextBlock).to.be.greaterThan(r.deployment.startBlock);
    expect(saved.nextBlock).to.be.lessThan(full.toBlock);
    const resumed = await audit({ cacheFile, checkpointEvery: 25 });
    expect(resumed.resumedAt).to.equal(saved.nextBlock - 1);
    const comparable = (x: AuditReport) => ({
      ...x,
      durationMs: 0,
      timings: undefined,
      eventsPerSecond: 0,
      resumedAt: undefined,
    });
    expect(comparable(resumed)).to.deep.equal(comparable(full));
    expect(rulesHit(full)).to.deep.equal(["sales-tax"]);
  });

  it("conductor audit: exit 0 on a clean region, 1 with the violations (json/csv), 2 on bad flags", async () => {
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: () => {} };
    const base = { rpc: r.rpcUrl, deployment: r.deploymentFile, quiet: true };
    expect(await auditCommand({ ...base, out: join(tmp, "clean.json") }, io)).to.equal(EXIT.clean);
    expect(JSON.parse(readFileSync(join(tmp, "clean.json"), "utf8")).ok).to.equal(true);

    await inflateBalance(r, member("Ivo"), ONE);
    out.length = 0;
    expect(await auditCommand({ ...base, out: join(tmp, "bad.csv") }, io)).to.equal(EXIT.violations);
    expect(out[0]).to.match(/^2 violation\(s\)/);
    const csv = readFileSync(join(tmp, "bad.csv"), "utf8").trim().split("\n");
    expect(csv[0]).to.equal("block,txHash,logIndex,rule,expected,found");
    expect(csv).to.have.length(3);

    const errors: string[] = [];
    const code = await auditCommand(
      { rpc: "not a url", fromBlock: "x" },
      { out: () => {}, err: (s) => errors.push(s) },
    );
    expect(code).to.equal(EXIT.input);
    expect(errors[0]).to.contain("--rpc must be a URL");
    expect(await auditCommand({ ...base, fromBlock: 9, toBlock: 3 }, io)).to.equal(EXIT.input);
  });
});
