import { Contract, type ContractRunner, id, parseEther, type Signer } from "ethers";
import type { Deployment } from "../../sdk/src/deployment.ts";
import * as abis from "../../sdk/src/generated/abis.ts";
import { encodePurchaseData } from "../../sdk/src/marketplace/packedPurchase.ts";
import { employmentIdHex, employmentIdOf, employmentLabel } from "../../sdk/src/payroll/employments.ts";
import { type DemoAccount, demoAccounts, demoWallet } from "./demoAccounts.ts";
import { createSafe, execSafe } from "./safe.ts";
import { seedPendingProposal } from "./seedProposals.ts";

const ONE = 10n ** 18n;

export interface DemoCompany {
  name: string;
  kind: "Company" | "RegionalCompany" | "ExternalCompany";
  industryId: number;
  address: string;
  /** Demo account names of the signers of its Safe (2 of 3). */
  signers: string[];
}

export interface DemoEmployment {
  /** The full id, 32-byte hex (it carries the company: `company << 96 | seq`). */
  employmentId: `0x${string}`;
  /** The short label people see, `#<seq>`. */
  label: string;
  worker: string;
  company: string;
  occupation: string;
  mode: "Shift" | "Timesheet";
}

/** A demo building: this month's costs (paid through Housing and Payroll) and the rents they yield. */
export interface DemoBuilding {
  buildingId: number;
  name: string;
  /** Current month index (`year × 12 + month − 1`, UTC). */
  month: number;
  /** RSC wei (decimal strings, so the record serialises) by category, paid this month. */
  costs: Record<string, string>;
  /** Each unit: area, and its rent in RSC wei this month (from last month's costs: none yet) and next month. */
  units: { unitId: number; area: number; rentNow: string; rentNextMonth: string }[];
}

export interface SeedResult {
  accounts: DemoAccount[];
  companies: DemoCompany[];
  employments: DemoEmployment[];
  buildings?: DemoBuilding[];
}

const KIND = { Company: 2, RegionalCompany: 3, ExternalCompany: 4 } as const;

const COMPANIES: { name: string; kind: DemoCompany["kind"]; industryId: number; signerIdx: number[] }[] = [
  { name: "Northside Housing", kind: "RegionalCompany", industryId: 1, signerIdx: [0, 1, 2] },
  { name: "Riverside Clinic", kind: "RegionalCompany", industryId: 2, signerIdx: [3, 4, 5] },
  { name: "Acme Steel", kind: "Company", industryId: 3, signerIdx: [6, 7, 8] },
  { name: "Green Grocers", kind: "Company", industryId: 4, signerIdx: [9, 10, 11] },
  { name: "Maple Credit Union", kind: "Company", industryId: 5, signerIdx: [12, 13, 14] },
  // Suppliers of the housing company's buildings (they hire no one in the demo).
  { name: "Northside Water", kind: "RegionalCompany", industryId: 1, signerIdx: [3, 4, 5] },
  { name: "Clean Streets", kind: "Company", industryId: 1, signerIdx: [6, 7, 8] },
];

/**
 * Seeds a demo region: 24 members, seven companies with 2-of-3 Safe treasuries (three of them
 * regionally operated: housing, a clinic, water), an external trader, attested reserves, USD deposits
 * for everyone, capital in the pool, a history of person-to-person payments and UBI claims.
 */
export async function seedDemoRegion(
  provider: ContractRunner & { send(method: string, params: unknown[]): Promise<unknown> },
  deployment: Deployment,
): Promise<SeedResult> {
  const accounts = demoAccounts();
  const signers = new Map<string, Signer>();
  for (const a of accounts) {
    // Demo keys need gas on the local chain (a Besu region runs with a zero base fee instead).
    await provider.send("hardhat_setBalance", [a.address, "0x56BC75E2D63100000"]);
    signers.set(a.name, demoWallet(a.index).connect(provider as never));
  }
  const at = (name: string, abi: readonly unknown[], who: Signer) =>
    new Contract(deployment.contracts[name], abi as never, who);
  const registrar = signers.get("Registrar")!;
  const custodians = [signers.get("Custodian A")!, signers.get("Custodian B")!];
  const registry = at("Registry", abis.registryAbi, registrar);
  const reserve = at("Reserve", abis.reserveAbi, registrar);
  const safeFactory = at("SafeProxyFactory", abis.safeProxyFactoryAbi, registrar);
  const custodianSafe = at("Custodians", abis.safeAbi, custodians[0]);
  const members = accounts.filter((a) => a.role === "member");

  const asCustodians = async (fn: string, args: unknown[]) => {
    const tx = await execSafe(
      custodianSafe as never,
      deployment.contracts.Reserve,
      reserve.interface.encodeFunctionData(fn, args),
      custodians,
    );
    await tx.wait();
  };

  // Members
  for (const m of members) await (await registry.onboardMember(m.address)).wait();

  // Companies: each treasury is a 2-of-3 Safe of three members.
  const companies: DemoCompany[] = [];
  let salt = 100n;
  for (const c of COMPANIES) {
    const owners = c.signerIdx.map((i) => members[i].address);
    const address = await createSafe(
      safeFactory,
      deployment.contracts.SafeSingleton,
      deployment.contracts.FallbackHandler,
      owners,
      2,
      salt++,
      new Contract(deployment.contracts.SafeSingleton, abis.safeAbi as never).interface,
    );
    await (await registry.registerCompany(address, KIND[c.kind], c.industryId, c.name)).wait();
    companies.push({
      name: c.name,
      kind: c.kind,
      industryId: c.industryId,
      address,
      signers: c.signerIdx.map((i) => members[i].name),
    });
  }
  const external = accounts.find((a) => a.role === "external")!;
  await (await registry.registerCompany(external.address, KIND.ExternalCompany, 6, "Global Imports")).wait();
  companies.push({
    name: "Global Imports",
    kind: "ExternalCompany",
    industryId: 6,
    address: external.address,
    signers: [external.name],
  });

  // Reserves, then USD deposits: members, companies, and the co-op's capital for the pool.
  await asCustodians("attestReserves", [
    2_000_000n * ONE,
    Math.floor(Date.now() / 1000) - 60,
    id("demo reserve report"),
  ]);
  let ref = 0;
  for (const [i, m] of members.entries()) {
    await asCustodians("attestDeposit", [id(`demo deposit ${ref++}`), m.address, BigInt(1_000 + 250 * (i % 9)) * ONE]);
  }
  for (const c of companies)
    await asCustodians("attestDeposit", [id(`demo deposit ${ref++}`), c.address, 50_000n * ONE]);
  await asCustodians("attestDeposit", [id(`demo deposit ${ref++}`), deployment.contracts.CapitalPool, 250_000n * ONE]);

  // A history: person-to-person payments and UBI claims.
  const rsc = (who: Signer) => at("RSC", abis.rscAbi, who);
  for (let i = 0; i < 30; i++) {
    const from = members[(i * 7) % members.length];
    const to = members[(i * 7 + 5) % members.length];
    await (await rsc(signers.get(from.name)!).transfer(to.address, parseEther(String(5 + (i % 11) * 3)))).wait();
  }
  const pool = (who: Signer) => at("CapitalPool", abis.capitalPoolAbi, who);
  for (const m of members.slice(0, 12)) await (await pool(signers.get(m.name)!).claimUbi()).wait();

  const employments = deployment.contracts.Payroll
    ? await seedPayroll(deployment, registrar, signers, members, companies)
    : [];
  if (deployment.contracts.Marketplace) await seedMarketplace(deployment, signers, members, companies);
  const buildings = deployment.contracts.Housing
    ? await seedHousing(deployment, registrar, signers, members, companies, employments)
    : [];
  await seedPendingProposal(deployment, signers, companies);
  return { accounts, companies, employments, buildings };
}

const LISTINGS: Record<string, { kind: 0 | 1; name: string; price: bigint }[]> = {
  "Acme Steel": [{ kind: 0, name: "Steel beam", price: 120n * ONE }],
  "Green Grocers": [
    { kind: 0, name: "Vegetable box", price: 18n * ONE },
    { kind: 0, name: "Bread loaf", price: 4n * ONE },
  ],
  "Riverside Clinic": [{ kind: 1, name: "General check-up", price: 60n * ONE }],
  "Maple Credit Union": [{ kind: 1, name: "Budget consultation", price: 25n * ONE }],
};

/** Listings by the companies (through their Safes) and purchases by members and by a company. */
async function seedMarketplace(
  deployment: Deployment,
  signers: Map<string, Signer>,
  members: DemoAccount[],
  companies: DemoCompany[],
): Promise<void> {
  const market = (who?: Signer) => new Contract(deployment.contracts.Marketplace, abis.marketplaceAbi as never, who);
  const listingIds = new Map<string, bigint>();
  for (const company of companies) {
    const items = LISTINGS[company.name] ?? [];
    const owners = company.signers.slice(0, 2).map((n) => signers.get(n)!);
    if (owners.length < 2) continue;
    const safe = new Contract(company.address, abis.safeAbi as never, owners[0]);
    for (const item of items) {
      const data = market().interface.encodeFunctionData("createListing", [
        item.kind,
        item.name,
        item.price,
        1_000_000,
      ]);
      await (await execSafe(safe as never, deployment.contracts.Marketplace, data, owners)).wait();
      listingIds.set(item.name, (await market(owners[0]).listingCount()) as bigint);
    }
  }
  // Job openings: each company with an occupation in the schedule posts one.
  if (deployment.contracts.JobBoard && deployment.contracts.WageSchedule) {
    const board = new Contract(deployment.contracts.JobBoard, abis.jobBoardAbi as never);
    const places = ["Northside", "Riverside", "Foundry Row", "Market Square", "Main Street"];
    for (const [i, company] of companies.slice(0, 5).entries()) {
      const owners = company.signers.slice(0, 2).map((n) => signers.get(n)!);
      const data = board.interface.encodeFunctionData("postJob", [i + 1, 32 + 2 * i, places[i]]);
      await (
        await execSafe(
          new Contract(company.address, abis.safeAbi as never, owners[0]) as never,
          deployment.contracts.JobBoard,
          data,
          owners,
        )
      ).wait();
    }
  }
  // Members shop; Green Grocers buys steel for its shelves through its Safe.
  const shopping: [string, number][] = [
    ["Vegetable box", 2],
    ["Bread loaf", 3],
    ["General check-up", 1],
    ["Budget consultation", 1],
  ];
  for (const [i, m] of members.slice(0, 10).entries()) {
    const [item, quantity] = shopping[i % shopping.length];
    const id = listingIds.get(item);
    if (id === undefined) continue;
    const buy = encodePurchaseData({ listingId: id, quantity: BigInt(quantity), maxTotal: 1_000n * ONE });
    await (await signers.get(m.name)!.sendTransaction({ to: deployment.contracts.Marketplace, data: buy })).wait();
  }
  const grocers = companies.find((c) => c.name === "Green Grocers");
  const beam = listingIds.get("Steel beam");
  if (grocers && beam !== undefined) {
    const owners = grocers.signers.slice(0, 2).map((n) => signers.get(n)!);
    const data = encodePurchaseData({ listingId: beam, quantity: 2n, maxTotal: 300n * ONE });
    await (
      await execSafe(
        new Contract(grocers.address, abis.safeAbi as never, owners[0]) as never,
        deployment.contracts.Marketplace,
        data,
        owners,
      )
    ).wait();
  }
}

const FRACTION = (percent: number) => (BigInt(percent) * ONE) / 100n;

/** Industries, occupations (the wage schedule) and employments: workers on shift and on timesheets. */
async function seedPayroll(
  deployment: Deployment,
  admin: Signer,
  signers: Map<string, Signer>,
  members: DemoAccount[],
  companies: DemoCompany[],
): Promise<DemoEmployment[]> {
  const schedule = new Contract(deployment.contracts.WageSchedule, abis.wageScheduleAbi as never, admin);
  const payroll = new Contract(deployment.contracts.Payroll, abis.payrollAbi as never, admin);
  // One industry per demo company (ids 1..6, in the order of COMPANIES + Global Imports), named
  // after its trade; governance (the admin here) names industries and occupations on-chain.
  const industries = [
    { name: "Housing and maintenance", need: 40 },
    { name: "Health care", need: 60 },
    { name: "Steelmaking", need: 30 },
    { name: "Groceries", need: 20 },
    { name: "Credit and banking", need: 25 },
    { name: "Imports", need: 10 },
  ];
  for (const industry of industries) {
    await (await schedule.addNamedIndustry(FRACTION(industry.need), industry.name)).wait();
  }
  const occupations = [
    { name: "Maintenance technician", industryId: 1, params: [1, 20, 30, 40, 30, 30, 20] },
    { name: "Nurse", industryId: 2, params: [2, 60, 70, 60, 70, 20, 20] },
    { name: "Welder", industryId: 3, params: [3, 50, 40, 60, 50, 70, 20] },
    { name: "Shopkeeper", industryId: 4, params: [4, 10, 20, 20, 20, 5, 20] },
    { name: "Loan officer", industryId: 5, params: [5, 40, 30, 60, 30, 0, 20] },
  ];
  for (const o of occupations) {
    const [industryId, ...fractions] = o.params;
    const [industryWeight, need, skill, stress, danger, productivityRange] = fractions.map(FRACTION);
    const params = { industryId, industryWeight, need, skill, stress, danger, productivityRange };
    await (await schedule.addNamedOccupation(params, o.name)).wait();
  }
  // Each company hires two members who are not its signers; the first of each clocks in.
  const employments: DemoEmployment[] = [];
  const signerNames = new Set(companies.flatMap((c) => c.signers));
  const workers = members.filter((m) => !signerNames.has(m.name));
  let next = 0;
  for (const [i, company] of companies.slice(0, occupations.length).entries()) {
    const owners = company.signers.slice(0, 2).map((n) => signers.get(n)!);
    const safe = new Contract(company.address, abis.safeAbi as never, owners[0]);
    for (let k = 0; k < 2 && next < workers.length; k++) {
      const worker = workers[next++];
      const mode = k === 0 ? 0 : 1; // Shift, Timesheet
      const productivity = FRACTION(40 + 15 * k);
      const data = payroll.interface.encodeFunctionData("hire", [worker.address, i + 1, productivity, mode]);
      await (await execSafe(safe as never, deployment.contracts.Payroll, data, owners)).wait();
      const employmentId = employmentIdOf(
        company.address as `0x${string}`,
        (await payroll.employmentCount()) as bigint,
      );
      employments.push({
        employmentId: employmentIdHex(employmentId),
        label: employmentLabel(employmentId),
        worker: worker.name,
        company: company.name,
        occupation: occupations[i].name,
        mode: mode === 0 ? "Shift" : "Timesheet",
      });
      if (mode === 0) {
        const asWorker = new Contract(
          deployment.contracts.Payroll,
          abis.payrollAbi as never,
          signers.get(worker.name)!,
        );
        await (await asWorker.clockIn(employmentId)).wait();
      }
    }
  }
  return employments;
}

/**
 * The regional housing company runs one building of three units (50, 70, 80 m²); four members wait
 * for a flat, the first gets one. It pays this month's costs through the books: property tax to the
 * capital pool, supplies from Acme Steel, water from Northside Water, garbage collection from
 * Clean Streets (each a purchase with sales tax), and its timesheet maintenance technician's wages
 * (Payroll) assigned to the building and booked. Next month's rents derive from them.
 */
async function seedHousing(
  deployment: Deployment,
  admin: Signer,
  signers: Map<string, Signer>,
  members: DemoAccount[],
  companies: DemoCompany[],
  employments: DemoEmployment[],
): Promise<DemoBuilding[]> {
  const housingCompany = companies.find((c) => c.name === "Northside Housing");
  if (!housingCompany) return [];
  const housing = (who: Signer) => new Contract(deployment.contracts.Housing, abis.housingAbi as never, who);
  await (await housing(admin).setHousingCompany(housingCompany.address)).wait();
  const owners = housingCompany.signers.slice(0, 2).map((n) => signers.get(n)!);
  const safe = new Contract(housingCompany.address, abis.safeAbi as never, owners[0]);
  const execAs = async (target: string, data: string) => (await execSafe(safe as never, target, data, owners)).wait();
  const call = (fn: string, args: unknown[]) =>
    execAs(deployment.contracts.Housing, housing(owners[0]).interface.encodeFunctionData(fn, args));
  await call("addBuilding", ["Maple Court"]);
  const areas = [50, 70, 80];
  for (const [type, area] of [
    [0, 50],
    [0, 70],
    [1, 80],
  ] as const)
    await call("addUnit", [1, type, area]);
  for (const m of members.slice(16, 20)) await (await housing(signers.get(m.name)!).joinWaitList(1, 0)).wait();
  await call("assignNext", [1]);

  // This month's costs, every one paid from the treasury through Housing or Payroll.
  const supplier = (name: string) => companies.find((c) => c.name === name)?.address;
  await call("payPropertyTax", [1, 900n * ONE]);
  const purchases: [number, string, bigint][] = [
    [2, "Acme Steel", 180n * ONE], // Supplies
    [3, "Northside Water", 260n * ONE], // Water
    [4, "Clean Streets", 95n * ONE], // Garbage
  ];
  for (const [category, name, amount] of purchases) {
    const address = supplier(name);
    if (address) await call("payBuildingCost", [1, category, address, amount]);
  }
  const technician = employments.find((e) => e.company === housingCompany.name && e.mode === "Timesheet");
  if (technician && deployment.contracts.Payroll) {
    const payroll = (who: Signer) => new Contract(deployment.contracts.Payroll, abis.payrollAbi as never, who);
    const worker = signers.get(technician.worker)!;
    await call("assignMaintenance", [technician.employmentId, 1]);
    await (await payroll(worker).submitTimesheet(technician.employmentId, 16 * 3600)).wait();
    await execAs(
      deployment.contracts.Payroll,
      payroll(worker).interface.encodeFunctionData("approveTimesheet", [technician.employmentId, 16 * 3600]),
    );
    await (await payroll(worker).withdraw(technician.employmentId)).wait();
    await (await housing(admin).bookWages(1)).wait();
  }

  const reader = housing(admin);
  const month = Number(await reader.currentMonth());
  const names = ["PropertyTax", "MaintenanceWages", "Supplies", "Water", "Garbage", "Administration"];
  const costs: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    const amount = (await reader.costOf(1, month, i)) as bigint;
    if (amount > 0n) costs[name] = amount.toString();
  }
  const units = [];
  for (const [i, area] of areas.entries()) {
    units.push({
      unitId: i + 1,
      area,
      rentNow: String(await reader.rentOf(i + 1, month)),
      rentNextMonth: String(await reader.rentOf(i + 1, month + 1)),
    });
  }
  return [{ buildingId: 1, name: "Maple Court", month, costs, units }];
}
