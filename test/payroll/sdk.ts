import { expect } from "chai";
import { Command } from "commander";
import { settleOpenShifts, startPayrollKeeper } from "../../scripts/keepers/payroll.ts";
import { ConductorContractError, ConductorInputError } from "../../sdk/src/errors.ts";
import { approveTimesheet } from "../../sdk/src/payroll/approveTimesheet.ts";
import { registerPayrollCommands } from "../../sdk/src/payroll/cli.ts";
import { clockIn } from "../../sdk/src/payroll/clockIn.ts";
import { clockOut } from "../../sdk/src/payroll/clockOut.ts";
import { computeWage } from "../../sdk/src/payroll/computeWage.ts";
import {
  companyOf,
  employmentIdHex,
  employmentIdOf,
  employmentLabel,
  employmentSeq,
  listEmployments,
} from "../../sdk/src/payroll/employments.ts";
import { getPayroll } from "../../sdk/src/payroll/getPayroll.ts";
import { encodeHire, hire } from "../../sdk/src/payroll/hire.ts";
import { getPayStubs } from "../../sdk/src/payroll/payments.ts";
import { submitTimesheet } from "../../sdk/src/payroll/submitTimesheet.ts";
import { withdraw } from "../../sdk/src/payroll/withdraw.ts";
import { ethers, networkHelpers, ONE } from "../helpers/region.ts";
import { clientsFor } from "./clients.ts";
import { deployPayroll, HOUR, type PayrollFixture } from "./fixture.ts";

const { time } = networkHelpers;

describe("payroll SDK, CLI and keeper (viem over the in-process chain)", () => {
  let f: PayrollFixture;
  let c: Awaited<ReturnType<typeof clientsFor>>;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployPayroll);
    c = await clientsFor(f);
  });

  it("hires through a treasury with encodeHire, clocks in and out, withdraws with tax", async () => {
    const { to, data } = encodeHire(c.reader, { worker: f.alice.address, occupationId: 1, productivity: "0.5" });
    await f.treasury.connect(f.carol).execute(to, data);
    const company = await f.treasury.getAddress();
    const [id] = await listEmployments(c.reader, { worker: f.alice.address });
    expect(id).to.equal(employmentIdOf(company as Address, 1n));
    expect(companyOf(id)).to.equal(company);
    expect([employmentSeq(id), employmentLabel(id)]).to.deep.equal([1n, "#1"]);
    expect(await listEmployments(c.reader, { company: f.alice.address })).to.deep.equal([]);
    const alice = c.as(f.alice.address);
    const t0 = BigInt(await time.latest()) + 10n;
    await time.setNextBlockTimestamp(t0);
    await clockIn(alice, { employmentId: id });
    await time.setNextBlockTimestamp(t0 + HOUR);
    await clockOut(alice, { employmentId: employmentIdHex(id) }); // the CLI's form
    const paid = await withdraw(alice, { employmentId: id.toString() });
    expect([paid.gross, paid.net, paid.tax, paid.debt]).to.deep.equal([100n * ONE, 85n * ONE, 15n * ONE, 0n]);
    const [row] = await getPayroll(c.reader, { worker: f.alice.address });
    expect([row.accrued, row.paid, row.tax, row.debt, row.hourlyWage]).to.deep.equal([
      100n * ONE,
      100n * ONE,
      15n * ONE,
      0n,
      100n * ONE,
    ]);
    expect(await getPayroll(c.reader, { worker: f.bob.address })).to.deep.equal([]);
    // The pay stub, read from the token's Wage and IncomeTax events (Payroll emits none for a payment).
    const stubs = await getPayStubs(c.reader, { worker: f.alice.address });
    expect(
      stubs.map((s) => [s.employmentId, s.company, s.worker, s.gross, s.net, s.tax, s.transactionHash]),
    ).to.deep.equal([[id, company, f.alice.address, 100n * ONE, 85n * ONE, 15n * ONE, paid.hash]]);
    expect(await getPayStubs(c.reader, { worker: f.bob.address })).to.deep.equal([]);
  });

  it("withdraw reports a partial payment and the debt left; the pay stubs list both payments", async () => {
    // A company holding only 30 RSC hires Alice.
    const poor = await (await ethers.getContractFactory("TestTreasury")).deploy(f.dave.address);
    const company = await poor.getAddress();
    await f.registry.registerCompany(company, 2, 1, "Poor");
    await f.fund(company, 30n * ONE);
    const { to, data } = encodeHire(c.reader, { worker: f.alice.address, occupationId: 1, productivity: "0.5" });
    await poor.connect(f.dave).execute(to, data);
    const [id] = await listEmployments(c.reader, { worker: f.alice.address });
    const alice = c.as(f.alice.address);
    await clockIn(alice, { employmentId: id });
    await time.increase(Number(HOUR));
    await clockOut(alice, { employmentId: id });
    const owed = (await f.payroll.getPayroll(id)).debt;
    const first = await withdraw(alice, { employmentId: id });
    expect([first.gross, first.net, first.tax, first.debt]).to.deep.equal([
      30n * ONE,
      30n * ONE - (30n * ONE * 15n) / 100n,
      (30n * ONE * 15n) / 100n,
      owed - 30n * ONE,
    ]);
    await f.fund(company, owed);
    const second = await withdraw(alice, { employmentId: id });
    expect([second.gross, second.debt]).to.deep.equal([owed - 30n * ONE, 0n]);
    const nothing = await withdraw(alice, { employmentId: id });
    expect([nothing.gross, nothing.net, nothing.tax, nothing.debt]).to.deep.equal([0n, 0n, 0n, 0n]);
    const stubs = await getPayStubs(c.reader, { worker: f.alice.address });
    expect(stubs.map((s) => [s.gross, s.transactionHash])).to.deep.equal([
      [30n * ONE, first.hash],
      [owed - 30n * ONE, second.hash],
    ]);
  });

  it("hire from the company's account returns the employment id; timesheets go through the SDK", async () => {
    await expect(
      hire(c.as(f.carol.address), { worker: f.alice.address, occupationId: 1, productivity: "0.5" }),
    ).to.be.rejectedWith(ConductorContractError, "PayrollNotACompany");
    // The treasury's own account sending (as a smart account would): impersonated on the test chain.
    const company = await f.treasury.getAddress();
    await networkHelpers.impersonateAccount(company);
    await networkHelpers.setBalance(company, ONE);
    const hired = await hire(c.as(company), {
      worker: f.alice.address,
      occupationId: 1,
      productivity: "0.5",
      mode: "Timesheet",
    });
    const id = hired.employmentId;
    expect(id).to.equal(employmentIdOf(company as Address, 1n));
    expect(await f.payroll.companyOf(id)).to.equal(company);
    await submitTimesheet(c.as(f.alice.address), { employmentId: id, seconds: 1800 });
    await expect(approveTimesheet(c.as(f.alice.address), { employmentId: id, seconds: 1800 })).to.be.rejectedWith(
      ConductorContractError,
      "PayrollNotEmployer",
    );
    await approveTimesheet(c.as(company), { employmentId: id, seconds: 1800 });
    expect((await f.payroll.employment(id)).accrued).to.equal(50n * ONE);
  });

  it("validates input with zod before sending anything", async () => {
    expect(() => encodeHire(c.reader, { worker: "0x123", occupationId: 1, productivity: "0.5" })).to.throw(
      ConductorInputError,
      "worker",
    );
    expect(() => encodeHire(c.reader, { worker: f.alice.address, occupationId: 1, productivity: "1.5" })).to.throw(
      ConductorInputError,
      "productivity",
    );
    await expect(clockIn(c.as(f.alice.address), { employmentId: 0 })).to.be.rejectedWith(
      ConductorInputError,
      "at least 1",
    );
    await expect(submitTimesheet(c.as(f.alice.address), { employmentId: 1, seconds: 0 })).to.be.rejectedWith(
      ConductorInputError,
      "seconds",
    );
    expect(() => encodeHire(c.reader, { worker: f.alice.address, occupationId: 65_536, productivity: "0.5" })).to.throw(
      ConductorInputError,
      "at most 65535",
    );
  });

  it("computeWage recomputes the schedule's wage and matches the contract", async () => {
    await f.wageSchedule.addIndustry(ONE / 2n);
    await f.wageSchedule.addOccupation({
      industryId: 2,
      industryWeight: (ONE * 4n) / 10n,
      need: (ONE * 2n) / 10n,
      skill: (ONE * 3n) / 10n,
      stress: ONE / 10n,
      danger: ONE / 3n,
      productivityRange: ONE / 7n,
    });
    const w = await computeWage(c.reader, { occupationId: 2, productivity: "0.8" });
    expect(w.final).to.equal(w.onChainFinal);
    expect(w.final).to.equal(await f.wageSchedule.finalWageOf(2, (ONE * 8n) / 10n));
    expect(w.base).to.equal(await f.wageSchedule.baseWageOf(2));
  });

  it("CLI: `conductor wage` and `conductor payroll` print the formula's wage and the payroll table", async () => {
    const lines: string[] = [];
    const program = new Command().exitOverride();
    registerPayrollCommands(program, { makeClient: () => c.reader, print: (l) => lines.push(l) });
    await program.parseAsync(["wage", "--occupation", "1", "--productivity", "1"], { from: "user" });
    expect(lines.join("\n")).to.contain("final 120 RSC/h (matches the contract)");
    const id = await f.hire(f.alice.address);
    lines.length = 0;
    await program.parseAsync(["payroll"], { from: "user" });
    expect(lines[0]).to.equal("#\temployment id\tworker\tcompany\twage/h\taccrued\tpaid\ttax\tdebt");
    expect(lines[1].split("\t").slice(0, 2)).to.deep.equal(["#1", employmentIdHex(id)]);
    expect(lines[1]).to.contain(f.alice.address).and.to.contain("100 RSC");
    await expect(
      program.parseAsync(["wage", "--occupation", "1", "--productivity", "2"], { from: "user" }),
    ).to.be.rejectedWith(ConductorInputError, "productivity");
  });

  it("keeper: settles every open shift in batches, logs failures, never pays twice", async () => {
    const a = await f.hire(f.alice.address);
    const b = await f.hire(f.bob.address);
    const d = await f.hire(f.dave.address);
    for (const [id, s] of [
      [a, f.alice],
      [b, f.bob],
      [d, f.dave],
    ] as const) {
      await f.payroll.connect(s).clockIn(id);
    }
    await f.registry.suspend(f.bob.address, "keeper test");
    await time.increase(Number(HOUR));
    const logs: string[] = [];
    const keeperClient = c.as(f.signers[9].address); // anyone may settle
    const report = await settleOpenShifts(keeperClient, { batchSize: 2, log: (_, m) => logs.push(m) });
    expect(report.open).to.deep.equal([a, b, d]);
    expect(report.settled).to.deep.equal([a, d]);
    expect(report.failed.map((x) => x.employmentId)).to.deep.equal([b]);
    expect(logs.some((l) => l.includes(`employment ${employmentLabel(b)} not settled`))).to.equal(true);
    for (const id of [a, d]) {
      const s = await f.payroll.getPayroll(id);
      expect(s.paid).to.be.greaterThan(99n * ONE);
      expect(s.paid + s.debt).to.equal(s.accrued);
    }
    // Two more passes in a row and a keeper loop: each pays only what accrued since, never twice.
    await f.payroll.connect(f.alice).clockOut(a);
    const accruedA = (await f.payroll.getPayroll(a)).accrued;
    await settleOpenShifts(keeperClient, { log: () => {} });
    await settleOpenShifts(keeperClient, { log: () => {} });
    const keeper = startPayrollKeeper(keeperClient, { intervalMs: 10, log: () => {} });
    await new Promise((r) => setTimeout(r, 300));
    await keeper.stop();
    const after = await f.payroll.getPayroll(a);
    expect(after.accrued).to.equal(accruedA);
    expect(after.paid).to.equal(accruedA);
    expect(await f.rsc.balanceOf(f.alice.address)).to.equal(accruedA - after.tax);
  });
});
