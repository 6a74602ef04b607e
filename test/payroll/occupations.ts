import { expect } from "chai";
import { Command } from "commander";
import { ConductorInputError } from "../../sdk/src/errors.ts";
import { encodeNames } from "../../sdk/src/governance/encodeNames.ts";
import { describeSafeTransaction } from "../../sdk/src/marketplace/describe.ts";
import { registerPayrollCommands } from "../../sdk/src/payroll/cli.ts";
import { encodeHire } from "../../sdk/src/payroll/hire.ts";
import {
  listOccupations,
  occupationLabel,
  resolveOccupation,
  UnknownOccupationError,
} from "../../sdk/src/payroll/occupations.ts";
import { networkHelpers, ONE } from "../helpers/region.ts";
import { clientsFor } from "./clients.ts";
import { deployPayroll, type PayrollFixture, PLAIN } from "./fixture.ts";

describe("SDK: occupations by name", () => {
  let f: PayrollFixture;
  let c: Awaited<ReturnType<typeof clientsFor>>;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployPayroll);
    c = await clientsFor(f);
    // industry 2 "Health care", occupation 2 "Nurse" in it; occupation 3 unnamed and retired
    await f.wageSchedule.addIndustry(ONE / 2n);
    await f.wageSchedule.addOccupation({ ...PLAIN, industryId: 2, industryWeight: ONE, skill: ONE / 2n });
    await f.wageSchedule.addOccupation({ ...PLAIN, industryId: 2 });
    await f.wageSchedule.retireOccupation(3);
    const { targets, calldatas } = encodeNames(c.reader, {
      industries: [{ industryId: 2, name: "Health care" }],
      occupations: [{ occupationId: 2, name: "Nurse" }],
    });
    // the governance executor (the deployer in this fixture) executes the proposal's calls
    for (const [i, data] of calldatas.entries()) await f.admin.sendTransaction({ to: targets[i], data });
  });

  it("listOccupations reads names, industry, retirement and the wage at productivity 0.5", async () => {
    const list = await listOccupations(c.reader);
    expect(list).to.deep.equal([
      {
        occupationId: 1,
        name: "",
        industryId: 1,
        industryName: "",
        retired: false,
        hourlyWageAtHalf: await f.wageSchedule.finalWageOf(1, ONE / 2n),
      },
      {
        occupationId: 2,
        name: "Nurse",
        industryId: 2,
        industryName: "Health care",
        retired: false,
        hourlyWageAtHalf: 225n * ONE, // STARTING_WAGE 100 × (1 + 0.5 × 1) × (1 + 0.5), productivity 0.5
      },
      {
        occupationId: 3,
        name: "",
        industryId: 2,
        industryName: "Health care",
        retired: true,
        hourlyWageAtHalf: await f.wageSchedule.finalWageOf(3, ONE / 2n),
      },
    ]);
  });

  it("a retired industry retires its occupations in the list", async () => {
    await f.wageSchedule.retireIndustry(2);
    const list = await listOccupations(c.reader);
    expect(list.map((o) => o.retired)).to.deep.equal([false, true, true]);
  });

  it("occupationLabel: the name and id, or the id alone", () => {
    expect(occupationLabel({ occupationId: 2, name: "Nurse" })).to.equal("Nurse (#2)");
    expect(occupationLabel({ occupationId: 3, name: "" })).to.equal("#3");
  });

  it("resolveOccupation takes an id or an exact name; an unknown one is a typed error naming the known ones", async () => {
    const list = await listOccupations(c.reader);
    expect(resolveOccupation(list, "Nurse").occupationId).to.equal(2);
    expect(resolveOccupation(list, "2").name).to.equal("Nurse");
    expect(resolveOccupation(list, 1).occupationId).to.equal(1);
    expect(() => resolveOccupation(list, "nurse"))
      .to.throw(UnknownOccupationError, 'no occupation "nurse"')
      .with.property("known")
      .that.deep.equals(["#1", "Nurse (#2)", "#3"]);
    expect(() => resolveOccupation(list, "9")).to.throw(UnknownOccupationError);
    expect(() => resolveOccupation(list, "  ")).to.throw(ConductorInputError, "occupation");
  });

  it("a hire proposal reads the occupation's on-chain name (and the id alone while unnamed)", async () => {
    const named = encodeHire(c.reader, { worker: f.alice.address, occupationId: 2, productivity: "0.5" });
    expect(await describeSafeTransaction(c.reader, named)).to.equal(
      `hire ${f.alice.address} as Nurse (#2) at productivity 0.5 (Shift pay)`,
    );
    const unnamed = encodeHire(c.reader, { worker: f.alice.address, occupationId: 1, productivity: "0.5" });
    expect(await describeSafeTransaction(c.reader, unnamed)).to.contain("as occupation #1 at");
  });

  it("encodeNames refuses an empty name, one over 64 bytes and nothing to name, before encoding", () => {
    expect(() => encodeNames(c.reader, { occupations: [{ occupationId: 2, name: "" }] })).to.throw(
      ConductorInputError,
      "not empty",
    );
    expect(() => encodeNames(c.reader, { industries: [{ industryId: 2, name: "é".repeat(33) }] })).to.throw(
      ConductorInputError,
      "64 bytes",
    );
    expect(() => encodeNames(c.reader, { occupations: [{ occupationId: 0, name: "Nurse" }] })).to.throw(
      ConductorInputError,
      "at least 1",
    );
    expect(() => encodeNames(c.reader, {})).to.throw(ConductorInputError, "name at least one thing");
  });

  it("CLI: `conductor occupations` lists hiring occupations; `wage --occupation` takes a name", async () => {
    const lines: string[] = [];
    const program = new Command().exitOverride();
    registerPayrollCommands(program, { makeClient: () => c.reader, print: (l) => lines.push(l) });
    await program.parseAsync(["occupations"], { from: "user" });
    expect(lines).to.deep.equal([
      "occupation\tindustry\twage/h at 0.5\tstatus",
      `#1\t#1\t${Number((await f.wageSchedule.finalWageOf(1, ONE / 2n)) / ONE)} RSC\thiring`,
      "Nurse (#2)\tHealth care (#2)\t225 RSC\thiring",
    ]);
    lines.length = 0;
    await program.parseAsync(["occupations", "--all"], { from: "user" });
    expect(lines[3]).to.match(/^#3\tHealth care \(#2\)\t.* RSC\tretired$/);
    lines.length = 0;
    await program.parseAsync(["wage", "--occupation", "Nurse", "--productivity", "1"], { from: "user" });
    expect(lines[0]).to.equal("Nurse (#2), Health care (#2), productivity 1");
    expect(lines.join("\n")).to.contain("(matches the contract)");
    await expect(
      program.parseAsync(["wage", "--occupation", "Surgeon", "--productivity", "1"], { from: "user" }),
    ).to.be.rejectedWith(UnknownOccupationError, 'no occupation "Surgeon"');
  });

  it("CLI: `payroll hire --occupation Nurse` hires into occupation 2; an unknown name sends nothing", async () => {
    // The treasury's own account sending (as a smart account would): impersonated on the test chain.
    const company = await f.treasury.getAddress();
    await networkHelpers.impersonateAccount(company);
    await networkHelpers.setBalance(company, ONE);
    const lines: string[] = [];
    const program = new Command().exitOverride();
    registerPayrollCommands(program, { makeClient: () => c.as(company), print: (l) => lines.push(l) });
    const args = ["payroll", "hire", "--worker", f.alice.address, "--productivity", "0.5", "--occupation"];
    await expect(program.parseAsync([...args, "Surgeon"], { from: "user" })).to.be.rejectedWith(UnknownOccupationError);
    await expect(
      program.parseAsync(["payroll", "hire", "--occupation", "Nurse", "--productivity", "0.5"], { from: "user" }),
    ).to.be.rejectedWith(ConductorInputError, "--worker <address> is required");
    expect(await f.payroll.employmentCount()).to.equal(0n);
    await program.parseAsync([...args, "Nurse"], { from: "user" });
    expect(lines[0]).to.match(/^hired as Nurse \(#2\): employment #1, id 0x/);
    const [id] = (await f.payroll.queryFilter(f.payroll.filters.Hired())).map(
      (e) => (e as unknown as { args: { employmentId: bigint } }).args.employmentId,
    );
    expect((await f.payroll.employment(id)).occupationId).to.equal(2n);
  });
});
