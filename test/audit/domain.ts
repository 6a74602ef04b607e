import { expect } from "chai";
import { Contract, toBeHex, id as topicOf } from "ethers";
import { execSafe } from "../../scripts/lib/safe.ts";
import { runAudit } from "../../sdk/src/audit/auditor.ts";
import type { AuditReport } from "../../sdk/src/audit/report.ts";
import { minOf } from "../../sdk/src/audit/rules/logs.ts";
import * as abis from "../../sdk/src/generated/abis.ts";
import { type LocalRegion, startLocalRegion } from "./localRegion.ts";
import { demoSigner, deployCarelessModule, mappingSlot, readSlot, writeSlot } from "./plant.ts";

const ONE = 10n ** 18n;
const HOUR = 3600;
const DAY = 24 * HOUR;
/** ERC-7201 roots (scripts/erc7201.mjs) of Payroll and ProfitAtRest. */
const PAYROLL_ROOT = 0x38e35dffc58654ad11c3acecbaa6b43c1e9a4aa96232a823e79c62c26fbbb500n;
/** ERC-7201 root of the token (`conductor.storage.RSC`). */
const RSC_ROOT = 0xf483478ee57517a4df11e3da56ae0eb2219ff533e1cc3c3a53b157e7820e8700n;
/** ERC-7201 root of the token's company lots ({CompanyLots}). */
const COMPANY_LOTS_ROOT = 0x65a1dcba043847d624a9deb4f4fed921f5d687dc06de83de30231f24c8da4500n;
/** An employment's amounts are 85 bits each ({EmploymentRecord}). */
const U85 = (1n << 85n) - 1n;
/** Where productivity sits in an employment's head word: 60 bits from bit 192. */
const PRODUCTIVITY_MASK = ((1n << 60n) - 1n) << 192n;
const slotPlus = (slot: string, k: bigint) => `0x${(BigInt(slot) + k).toString(16).padStart(64, "0")}`;

describe("auditor: wages over shifts and timesheets, profit-at-rest lots", function () {
  this.timeout(600_000);
  let r: LocalRegion;
  let clean: string;

  const audit = () => runAudit({ client: r.client, addresses: r.addresses, startBlock: r.deployment.startBlock });
  const rulesHit = (report: AuditReport) => [...new Set(report.violations.map((v) => v.rule))].sort();
  const wait = async (seconds: number) => {
    await r.send("evm_increaseTime", [seconds]);
    await r.send("evm_mine", []);
  };
  const employment = (mode: "Shift" | "Timesheet") => r.seeded.employments.find((e) => e.mode === mode)!;
  const payrollAs = (name: string) =>
    new Contract(r.deployment.contracts.Payroll, abis.payrollAbi as never, demoSigner(r, name));
  /** Runs `fn(args)` of `target` through the company's 2-of-3 Safe. */
  const asCompany = async (name: string, target: string, abi: unknown, fn: string, args: unknown[]) => {
    const c = r.seeded.companies.find((x) => x.name === name)!;
    const owners = c.signers.slice(0, 2).map((n) => demoSigner(r, n));
    const data = new Contract(target, abi as never).interface.encodeFunctionData(fn, args);
    await (
      await execSafe(new Contract(c.address, abis.safeAbi as never, owners[0]) as never, target, data, owners)
    ).wait();
  };
  /** `address`'s logs of event `signature` since block `fromBlock` (the seed's own come before). */
  const logsOf = async (address: string, signature: string, fromBlock = 0) =>
    r.ethers.provider.getLogs({ address, topics: [topicOf(signature)], fromBlock, toBlock: "latest" });
  /** Word `k` of employment `id` in Payroll's storage (`employments` is the mapping at root + 1):
   * 0 head, 2 clock ({EmploymentRecord}). */
  const employmentSlot = (id: string, k: bigint) => slotPlus(mappingSlot(BigInt(id), "uint256", PAYROLL_ROOT + 1n), k);
  /** The amounts word of employment `id` (`amounts`, worker → id → word, is the mapping at root + 2). */
  const amountsSlot = (worker: string, id: string) =>
    mappingSlot(BigInt(id), "uint256", BigInt(mappingSlot(worker, "address", PAYROLL_ROOT + 2n)));

  before(async () => {
    r = await startLocalRegion();
    clean = (await r.send("evm_snapshot", [])) as string;
  });
  afterEach(async () => {
    await r.send("evm_revert", [clean]);
    clean = (await r.send("evm_snapshot", [])) as string;
  });
  after(async () => r?.close());

  it("passes shifts, a timesheet, a productivity change and a wage reduction with delay and decay", async () => {
    const shift = employment("Shift");
    const sheet = employment("Timesheet");
    const from = (await r.ethers.provider.getBlockNumber()) + 1;
    const worker = payrollAs(shift.worker);
    await wait(3 * HOUR);
    await (await worker.withdraw(shift.employmentId)).wait(); // settles the open shift and pays
    // A reduction of the shift's occupation: held 1 h, then applied linearly over 2 h.
    const schedule = new Contract(
      r.deployment.contracts.WageSchedule,
      abis.wageScheduleAbi as never,
      demoSigner(r, "Registrar"),
    );
    const occupationId = (await payrollAs(shift.worker).employment(shift.employmentId)).occupationId;
    const { industryId } = (await schedule.occupation(occupationId))[0];
    await (await schedule.changeIndustryNeed(industryId, 0, { custom: true, delay: HOUR, decay: 2 * HOUR })).wait();
    await wait(2 * HOUR); // in the middle of the decay
    await (await worker.clockOut(shift.employmentId)).wait();
    await (await worker.clockIn(shift.employmentId)).wait();
    await asCompany(shift.company, r.deployment.contracts.Payroll, abis.payrollAbi, "setProductivity", [
      shift.employmentId,
      (ONE * 70n) / 100n,
    ]);
    await wait(5 * HOUR);
    await (await payrollAs("Ada").settleBatch([shift.employmentId, sheet.employmentId])).wait();
    // Timesheet: 2 h submitted, 1.5 h approved, paid.
    await (await payrollAs(sheet.worker).submitTimesheet(sheet.employmentId, 2 * HOUR)).wait();
    await asCompany(sheet.company, r.deployment.contracts.Payroll, abis.payrollAbi, "approveTimesheet", [
      sheet.employmentId,
      (3 * HOUR) / 2,
    ]);
    await (await payrollAs(sheet.worker).withdraw(sheet.employmentId)).wait();

    const report = await audit();
    expect(report.violations).to.deep.equal([]);
    expect(report.rules.map((x) => x.name)).to.include.members(["wage-formula", "profit-at-rest"]);
    const payroll = r.deployment.contracts.Payroll;
    expect(await logsOf(payroll, "PayAccrued(uint256,uint256,uint40)", from)).to.have.length.greaterThanOrEqual(3);
    // Three payments, recorded by the token alone: a Wage (and its IncomeTax) per payment, ref = the employment.
    const wages = (
      await logsOf(r.deployment.contracts.RSC, "ActionPerformed(uint8,address,address,uint256,bytes32)", from)
    ).filter((l) => BigInt(l.topics[1]) === 3n);
    expect(wages).to.have.length(3);
    expect(await logsOf(payroll, "TimesheetApproved(uint256,uint32,uint32,uint256,uint256)", from)).to.have.length(1);
  });

  it("(b) catches pay accrued beyond the formula (productivity raised in storage, no event)", async () => {
    const shift = employment("Shift");
    const slot = employmentSlot(shift.employmentId, 0n);
    const word = await readSlot(r, r.deployment.contracts.Payroll, slot);
    // head = worker (160 bits) | occupationId (16) | epoch (16) | productivity (60) | flags: productivity → 1.0
    await writeSlot(r, r.deployment.contracts.Payroll, slot, (word & ~PRODUCTIVITY_MASK) | (ONE << 192n));
    await wait(2 * HOUR);
    await (await payrollAs(shift.worker).clockOut(shift.employmentId)).wait();
    const report = await audit();
    expect(rulesHit(report)).to.deep.equal(["wage-formula"]);
    expect(report.violations[0].expected).to.match(/^\d+ \(wage formula over the shift\)$/);
    expect(BigInt(report.violations[0].found)).to.be.greaterThan(BigInt(report.violations[0].expected.split(" ")[0]));
  });

  it("(b) catches a payment beyond what was earned (accrued raised in storage)", async () => {
    const sheet = employment("Timesheet");
    const worker = (await payrollAs(sheet.worker).employment(sheet.employmentId)).worker as string;
    const slot = amountsSlot(worker, sheet.employmentId);
    const word = await readSlot(r, r.deployment.contracts.Payroll, slot);
    // amounts = accrued (85 bits) | paid (85) | taxWithheld (85) | onShift: 100 RSC owed that no timesheet earned.
    await writeSlot(r, r.deployment.contracts.Payroll, slot, (word & ~U85) | ((word & U85) + 100n * ONE));
    await (await payrollAs(sheet.worker).withdraw(sheet.employmentId)).wait();
    const report = await audit();
    expect(rulesHit(report)).to.deep.equal(["wage-formula"]);
    // Nothing owed before the edit (whatever the seed already paid): accrued == paid.
    expect(report.violations[0].expected).to.match(/^gross ≤ owed 0 \(accrued (\d+) − paid \1\)$/);
    expect(report.violations[0].found).to.equal(`${100n * ONE}`);
  });

  it("(b) catches a payroll payment taxed at a rate the region never set (the token's copy edited in storage)", async () => {
    const shift = employment("Shift");
    // RSC's config word (root + 3) holds IncomeTaxRate in bits 132..191: 15 % → 5 %.
    const config = `0x${(RSC_ROOT + 3n).toString(16).padStart(64, "0")}`;
    const word = await readSlot(r, r.deployment.contracts.RSC, config);
    const rateMask = ((1n << 60n) - 1n) << 132n;
    await writeSlot(r, r.deployment.contracts.RSC, config, (word & ~rateMask) | ((ONE / 20n) << 132n));
    await wait(2 * HOUR);
    await (await payrollAs(shift.worker).withdraw(shift.employmentId)).wait(); // on shift: settles, then pays
    const report = await audit();
    const wage = report.violations.filter((v) => v.rule === "wage-formula");
    expect(wage).to.have.length(1);
    const [, expectedTax, gross] = wage[0].expected.match(/^tax (\d+) and net \d+ of gross (\d+)$/) ?? [];
    expect(BigInt(expectedTax)).to.equal((BigInt(gross) * 15n) / 100n);
    expect(wage[0].found).to.equal(`tax ${BigInt(gross) / 20n}, net ${BigInt(gross) - BigInt(gross) / 20n}`);
  });

  it("passes a due lot's collection, and catches one taxed on a ledger edited in storage", async () => {
    const acme = r.seeded.companies.find((c) => c.name === "Acme Steel")!.address;
    const ledger = new Contract(
      r.deployment.contracts.ProfitAtRest,
      abis.profitAtRestAbi as never,
      demoSigner(r, "Ada"),
    );
    await wait(31 * DAY);
    const snapshot = (await r.send("evm_snapshot", [])) as string;
    await (await ledger.collect(acme, 10)).wait();
    const collected = await logsOf(
      r.deployment.contracts.ProfitAtRest,
      "ProfitAtRestCollected(address,uint256,uint256,uint256)",
    );
    expect(collected.length).to.be.greaterThanOrEqual(1); // the deposit (exempt) and the steel sold
    const taxes = collected.map((l: { data: string }) => BigInt(`0x${l.data.slice(66, 130)}`));
    expect(taxes.some((t: bigint) => t > 0n)).to.equal(true);
    const fine = await audit();
    expect(fine.violations).to.deep.equal([]);

    // The same collection after the taxed lot was made all exempt money in the token's storage,
    // behind the logs: the token then takes no tax, the auditor still expects it.
    await r.send("evm_revert", [snapshot]);
    const lots = await ledger.lotsOf(acme, 0, 10);
    const taxed = lots.findIndex((l: { taxIfCollectedNow: bigint }) => l.taxIfCollectedNow > 0n);
    expect(taxed).to.be.greaterThanOrEqual(0);
    const lot = lots[taxed];
    const rsc = r.deployment.contracts.RSC;
    const lotCount = (await ledger.bookOf(acme)).lotCount;
    if (BigInt(taxed) + 1n === lotCount) {
      // The newest lot: its exempt money is a word of its own (`newestExempt`, root + 2), valid
      // with the book's bit 216, which its deposit set.
      await writeSlot(r, rsc, mappingSlot(acme, "address", COMPANY_LOTS_ROOT + 2n), lot.amount);
    } else {
      // A closed lot in the company's ring (a uint256[64] at root + 1): exempt money from bit 152.
      const ringOfAcme = BigInt(mappingSlot(acme, "address", COMPANY_LOTS_ROOT + 1n));
      const word = toBeHex(ringOfAcme + BigInt(taxed % 64), 32);
      const low = (await readSlot(r, rsc, word)) & ((1n << 152n) - 1n);
      await writeSlot(r, rsc, word, low | (lot.amount << 152n));
    }
    await (await ledger.collect(acme, 10)).wait();
    const report = await audit();
    expect(rulesHit(report)).to.deep.equal(["profit-at-rest"]);
    const taxable = lot.amount - lot.exemptAmount;
    const open = minOf(lot.open, taxable);
    const exempt = lot.exemptAmount > 0n ? `, ${lot.exemptAmount} exempt` : "";
    expect(report.violations[0].expected).to.equal(
      `open ${open} of lot ${taxed} taxed ${lot.taxIfCollectedNow} (× ${(2n * ONE) / 100n} / 1e18)${exempt}`,
    );
    expect(report.violations[0].found).to.equal("open 0 taxed 0");
  });

  it("follows a company's lot ring: 64 uncollected lots, inflows joining the newest, words reused", async () => {
    const grocers = r.seeded.companies.find((c) => c.name === "Green Grocers")!.address;
    const market = new Contract(r.deployment.contracts.Marketplace, abis.marketplaceAbi as never, demoSigner(r, "Ada"));
    const ledger = new Contract(
      r.deployment.contracts.ProfitAtRest,
      abis.profitAtRestAbi as never,
      demoSigner(r, "Ada"),
    );
    let bread = 0n;
    for (let id = 1n; bread === 0n; id++) if ((await market.listingOf(id)).name === "Bread loaf") bread = id;
    // One loaf a period (22.5 h under the 30-day delay) for 70 periods, nothing collected: the
    // ring fills, later loaves join the newest lot.
    const period = (30 * DAY) / 32;
    for (let k = 0; k < 70; k++) {
      await wait(period);
      await (await market.purchase(bread, 1, 10n * ONE)).wait();
    }
    const full = await ledger.bookOf(grocers);
    expect(full.lotCount - full.cursor).to.equal(64n);
    // Collection frees words; later loaves open lots into them.
    await (await ledger.collect(grocers, 256)).wait();
    for (let k = 0; k < 3; k++) {
      await wait(period);
      await (await market.purchase(bread, 1, 10n * ONE)).wait();
    }
    await wait(31 * DAY);
    await (await ledger.collect(grocers, 256)).wait();
    const book = await ledger.bookOf(grocers);
    expect(book.cursor).to.equal(book.lotCount);
    const report = await audit();
    expect(report.violations.filter((v) => v.rule === "profit-at-rest")).to.deep.equal([]);
  });

  it("(a) catches a profit-at-rest tax taken outside a lot's collection", async () => {
    const mover = await deployCarelessModule(r, ["ProfitAtRestTax"]);
    const grocers = r.seeded.companies.find((c) => c.name === "Green Grocers")!.address;
    await (
      await mover.run([
        { action: 6, from: grocers, to: r.deployment.contracts.CapitalPool, amount: ONE, ref: `0x${"00".repeat(32)}` },
      ])
    ).wait();
    const report = await audit();
    expect(rulesHit(report)).to.deep.equal(["profit-at-rest"]);
    expect(report.violations[0].expected).to.equal("a ProfitAtRestCollected for this ProfitAtRestTax");
  });
});
