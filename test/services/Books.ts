import { expect } from "chai";
import { Command } from "commander";
import { type Address, createPublicClient, custom, defineChain, type PublicClient } from "viem";
import type { ConductorClient } from "../../sdk/src/client.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { ConductorInputError } from "../../sdk/src/errors.ts";
import { type Books, getBooks } from "../../sdk/src/services/books.ts";
import { registerServicesCommands } from "../../sdk/src/services/cli.ts";
import { connection, ethers, networkHelpers, ONE } from "../helpers/region.ts";
import {
  deployServices,
  monthOf,
  monthStart,
  payMonthOfCosts,
  periodOf,
  type ServicesFixture,
  threeUnits,
} from "./fixture.ts";

const { time } = networkHelpers;
/** The month the scenarios run in: two months after the fixture's (the shared chain's clock may be anywhere). */
let M: number;
const HOUR = 3600;

const deployWithPayroll = deployServices;
type Fixture = ServicesFixture;

async function readerFor(f: Fixture): Promise<ConductorClient> {
  const chain = defineChain({
    id: 31337,
    name: "test region",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: ["http://127.0.0.1:1"] } },
  });
  const publicClient = createPublicClient({ chain, transport: custom(connection.provider) }) as PublicClient;
  const contracts: Record<string, Address> = {};
  for (const [name, key] of [
    ["RSC", "rsc"],
    ["Registry", "registry"],
    ["RegionParameters", "regionParameters"],
    ["Reserve", "reserve"],
    ["Custodians", "custodians"],
    ["Payroll", "payroll"],
    ["Housing", "housing"],
    ["Education", "education"],
    ["Healthcare", "healthcare"],
    ["RegionalInventory", "regionalInventory"],
  ] as const) {
    contracts[name] = (await (f[key] as { getAddress(): Promise<string> }).getAddress()) as Address;
  }
  contracts.CapitalPool = f.capitalPool as Address;
  const deployment: Deployment = { chainId: 31337, regionName: "Test", startBlock: 0, contracts };
  return { publicClient, deployment, chain } as ConductorClient;
}

/** The ERC-20 Transfer logs in and out of `account` over blocks [from, to]: the independent check. */
async function transferNet(f: Fixture, account: string, from: bigint, to: bigint): Promise<bigint> {
  const filterIn = f.rsc.filters.Transfer(undefined, account);
  const filterOut = f.rsc.filters.Transfer(account, undefined);
  const ins = await f.rsc.queryFilter(filterIn, Number(from), Number(to));
  const outs = await f.rsc.queryFilter(filterOut, Number(from), Number(to));
  const sum = (logs: typeof ins) => logs.reduce((s, l) => s + (l as { args: { value: bigint } }).args.value, 0n);
  return sum(ins) - sum(outs);
}

describe("Public books", () => {
  let f: Fixture;
  let client: ConductorClient;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployWithPayroll);
    client = await readerFor(f);
    M = monthOf(await f.now()) + 2;
  });

  /** Month M at the hospital: a visit, a wage, a lease, a deposit; then a visit in month M + 1.
   * Returns the hospital and its employment. */
  async function hospitalFebruary() {
    const hospital = await f.hospital.getAddress();
    await time.increaseTo(monthStart(M) + 86_400);
    await f.asCompany(f.hospital, f.healthcare, "addProcedure", ["Checkup", 400n * ONE + 3n]);
    await f.asCompany(f.hospital, f.healthcare, "recordVisit", [1, f.alice.address]);
    await f.healthcare.connect(f.alice).payVisit(1);
    const employmentId = await f.hire(f.hospital, f.bob.address, ONE / 2n, 0);
    await f.payroll.connect(f.bob).clockIn(employmentId);
    await time.increase(2 * HOUR);
    await f.payroll.connect(f.bob).clockOut(employmentId);
    await f.payroll.connect(f.bob).withdraw(employmentId);
    await f.regionalInventory.addItem("Ambulance", f.capitalPool, 250n * ONE);
    await f.asCompany(f.hospital, f.regionalInventory, "lease", [1]);
    await f.asCompany(f.hospital, f.regionalInventory, "payLease", [1]);
    await f.fund(hospital, 1_000n * ONE);
    await time.increaseTo(monthStart(M + 1) + 86_400);
    await f.asCompany(f.hospital, f.healthcare, "recordVisit", [1, f.carol.address]);
    await f.healthcare.connect(f.carol).payVisit(2);
    return { hospital, employmentId };
  }

  function line(books: Books, category: string) {
    return books.lines.find((l) => l.category === category)?.amount ?? 0n;
  }

  it("sums categories to the company's balance change over the month, to the wei", async () => {
    const { hospital, employmentId } = await hospitalFebruary();
    const books = await getBooks(client, { company: hospital, period: periodOf(M) });
    const wage = (await f.payroll.employment(employmentId)) as { paid: bigint; taxWithheld: bigint };
    expect(books.reconciles).to.equal(true);
    const opening = await ethers.provider.send("eth_call", [
      { to: await f.rsc.getAddress(), data: f.rsc.interface.encodeFunctionData("balanceOf", [hospital]) },
      `0x${(books.fromBlock - 1n).toString(16)}`,
    ]);
    expect(books.openingBalance).to.equal(BigInt(opening));
    expect(books.closingBalance - books.openingBalance).to.equal(books.net);
    // the independent check: the token's own Transfer logs over the same blocks
    expect(await transferNet(f, hospital, books.fromBlock, books.toBlock)).to.equal(books.net);
    // the sum of categories is the net
    const signed = books.lines.reduce((s, l) => s + (l.direction === "in" ? l.amount : -l.amount), 0n);
    expect(signed).to.equal(books.net);
    // each category, from the service contracts' own figures
    expect(line(books, "Purchase in from Person")).to.equal(100n * ONE + 1n);
    expect(line(books, "Subsidy in from Region")).to.equal(300n * ONE + 2n);
    expect(line(books, "Wage out to Person") + line(books, "IncomeTax out to Region")).to.equal(wage.paid);
    expect(line(books, "IncomeTax out to Region")).to.equal(wage.taxWithheld);
    expect(line(books, "Rent out to Region")).to.equal(250n * ONE);
    expect(line(books, "Deposit in from None")).to.equal(1_000n * ONE);
    expect(books.revenue).to.equal(400n * ONE + 3n); // what the hospital cost: what it charged at cost
    expect(books.expense).to.equal(wage.paid + 250n * ONE);
    // the next month's visit is not in month M's books
    const march = await getBooks(client, { company: hospital, period: periodOf(M + 1) });
    expect(line(march, "Purchase in from Person")).to.equal(100n * ONE + 1n);
    expect(march.reconciles).to.equal(true);
  });

  it("adds the housing company's building costs, each reconciled to the token's Transfers to the wei", async () => {
    await threeUnits(f);
    await time.increaseTo(monthStart(M) + 86_400);
    const housingCo = await f.housingCo.getAddress();
    const { employmentId, paid } = await payMonthOfCosts(f);
    // wages paid in M and booked in M + 1 belong to M + 1's costs
    await f.payroll.connect(f.dave).submitTimesheet(employmentId, 3600);
    await f.asCompany(f.housingCo, f.payroll, "approveTimesheet", [employmentId, 3600]);
    await f.payroll.connect(f.dave).withdraw(employmentId);
    await time.increaseTo(monthStart(M + 1) + 86_400);
    await f.housing.bookWages(1);
    const books = await getBooks(client, { company: housingCo, period: periodOf(M) });
    expect(books.costs).to.deep.equal([
      { category: "PropertyTax", amount: 1000n * ONE, entries: 1 },
      { category: "MaintenanceWages", amount: paid, entries: 1 },
      { category: "Supplies", amount: 324n * ONE, entries: 1 },
      { category: "Water", amount: 432n * ONE, entries: 1 },
      { category: "Garbage", amount: 7n, entries: 1 },
    ]);
    expect(books.costsReconcile).to.equal(true);
    expect(books.costEntries.map((e) => [e.source, e.transfers, e.transferred === e.amount])).to.deep.equal([
      ["paid", 1, true], // property tax: one Rent move
      ["paid", 2, true], // supplies: Purchase + SalesTax
      ["paid", 2, true],
      ["paid", 1, true], // garbage: 7 wei, sales tax rounds to 0
      ["wages", 2, true], // Wage + IncomeTax
    ]);
    // the building's costs for M are the contract's, and every one is an outflow of the cash flow;
    // the only other outflow is the 120 RSC wage paid in M and booked in M + 1
    const total = books.costs.reduce((s, c) => s + c.amount, 0n);
    const late = 120n * ONE;
    expect(total).to.equal(await f.housing.monthlyCosts(1, M));
    expect(
      line(books, "Rent out to Region") +
        line(books, "Purchase out to Company") +
        line(books, "Purchase out to RegionalCompany") +
        line(books, "SalesTax out to Region") +
        line(books, "Wage out to Person") +
        line(books, "IncomeTax out to Region"),
    ).to.equal(total + late);
    expect(books.outflow).to.equal(total + late);
    expect(await transferNet(f, housingCo, books.fromBlock, books.toBlock)).to.equal(books.net);
    expect(books.reconciles).to.equal(true);
    // the late wages: booked in M + 1, reconciled to the payment made in M
    const next = await getBooks(client, { company: housingCo, period: periodOf(M + 1) });
    expect(next.costs).to.deep.equal([{ category: "MaintenanceWages", amount: late, entries: 1 }]);
    expect(next.costEntries[0].transferred).to.equal(late);
    expect(next.costsReconcile).to.equal(true);
    // another company's books carry no housing costs
    const hospital = await getBooks(client, { company: await f.hospital.getAddress(), period: periodOf(M) });
    expect(hospital.costs).to.deep.equal([]);
    expect(hospital.costEntries).to.deep.equal([]);
  });

  it("lists the housing costs in CSV and JSON", async () => {
    await threeUnits(f);
    await time.increaseTo(monthStart(M) + 86_400);
    await payMonthOfCosts(f);
    const out: string[] = [];
    const program = new Command().exitOverride();
    registerServicesCommands(program, { makeClient: () => client, print: (l) => out.push(l) });
    const housingCo = await f.housingCo.getAddress();
    await program.parseAsync(["books", housingCo, "--period", periodOf(M)], { from: "user" });
    const csv = out.join("\n").split("\n");
    expect(csv).to.include(`housing-cost,PropertyTax,booked,1,${1000n * ONE}`);
    expect(csv).to.include(`housing-cost,Water,booked,1,${432n * ONE}`);
    expect(csv).to.include("check,costs reconcile,,,true");
    out.length = 0;
    await program.parseAsync(["books", housingCo, "--period", periodOf(M), "--format", "json"], { from: "user" });
    const json = JSON.parse(out.join("\n"));
    expect(json.costsReconcile).to.equal(true);
    expect(json.costEntries).to.have.length(5);
    expect(json.costEntries.every((e: { amount: string; transferred: string }) => e.amount === e.transferred)).to.equal(
      true,
    );
    // `conductor housing rents`: next month, the rents derived from these costs
    await time.increaseTo(monthStart(M + 1) + 86_400);
    out.length = 0;
    await program.parseAsync(["housing", "rents", "1"], { from: "user" });
    expect(out[0]).to.equal("Elm Court (200 m²): costs of the last closed month 2956.000000000000000007 RSC");
    expect(out).to.include("  PropertyTax: 1000 RSC");
    expect(out.some((l) => l.startsWith("  unit 1 Apartment 50 m²: 775.950000000000000001 RSC — vacant"))).to.equal(
      true,
    );
  });

  it("prints CSV and JSON through `conductor books`, and refuses a malformed period", async () => {
    const { hospital } = await hospitalFebruary();
    const out: string[] = [];
    const program = new Command().exitOverride();
    registerServicesCommands(program, { makeClient: () => client, print: (l) => out.push(l) });
    await program.parseAsync(["books", hospital, "--period", periodOf(M)], { from: "user" });
    const csv = out.join("\n").split("\n");
    expect(csv[0]).to.equal("section,category,direction,count,amount_wei");
    expect(csv).to.include(`revenue,Subsidy in from Region,in,1,${300n * ONE + 2n}`);
    expect(csv).to.include("check,reconciles,,,true");
    out.length = 0;
    await program.parseAsync(["books", hospital, "--period", periodOf(M), "--format", "json"], { from: "user" });
    const json = JSON.parse(out.join("\n"));
    expect(json.reconciles).to.equal(true);
    expect(BigInt(json.closingBalance) - BigInt(json.openingBalance)).to.equal(BigInt(json.net));
    let refused: unknown;
    try {
      await getBooks(client, { company: hospital, period: "2027-13" });
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(ConductorInputError);
  });
});
