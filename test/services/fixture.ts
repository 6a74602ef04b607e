import ServicesModule from "../../ignition/modules/Services.ts";
import { ethers, ignition, ONE } from "../helpers/region.ts";
import { execSafe } from "../helpers/safe.ts";
import { hiredId } from "../payroll/fixture.ts";

export const Kind = { Company: 2, RegionalCompany: 3, ExternalCompany: 4 } as const;
export const UnitType = { Apartment: 0, Duplex: 1, House: 2 } as const;
export const SchoolKind = { None: 0, K12: 1, College: 2, TradeSchool: 3 } as const;
export const CostCategory = {
  PropertyTax: 0,
  MaintenanceWages: 1,
  Supplies: 2,
  Water: 3,
  Garbage: 4,
  Administration: 5,
} as const;
export const Action = { Rent: 2, Purchase: 1, Wage: 3, IncomeTax: 4, SalesTax: 5 } as const;

let salt = 0;
function nextRef(): string {
  salt += 1;
  return `0x${salt.toString(16).padStart(64, "0")}`;
}

/** The month index the contracts use for a UTC timestamp (seconds): `year × 12 + month − 1`. */
export function monthOf(timestamp: bigint | number): number {
  const d = new Date(Number(timestamp) * 1000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The UTC timestamp (seconds) of the first second of month index `month`. */
export function monthStart(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / 1000;
}

/** The books period "YYYY-MM" of month index `month`. */
export function periodOf(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
}

/**
 * A region with the services deployed through the real Ignition module; members alice, bob, carol,
 * dave, erin; three regional companies — the housing company, a college and the hospital — plus a
 * K-12 school, a plain Company (a workshop), the regional water company and a garbage collector
 * (a Company), each a `TestTreasury` owned by `operator`; the housing company named in Housing,
 * the schools and the hospital registered. The capital pool holds 1,000,000 RSC and every member
 * and company 10,000 RSC. Payroll's wage schedule has one occupation (id 1; starting wage 100 RSC/h).
 */
export async function deployServices() {
  return deployServicesFrom(ServicesModule);
}

/** The same region and services, deployed from `module` (which must use the Services module). */
export async function deployServicesFrom<M extends typeof ServicesModule>(module: M) {
  const deployed = await ignition.deploy(module);
  const signers = await ethers.getSigners();
  const [admin, custodian1, custodian2, , alice, bob, carol, dave, erin, operator, stranger] = signers;
  const {
    rsc,
    registry,
    reserve,
    regionParameters,
    housing,
    education,
    healthcare,
    regionalInventory,
    custodians,
    payroll,
    wageSchedule,
  } = deployed;
  const capitalPool = await deployed.capitalPool.getAddress();
  const members = [alice, bob, carol, dave, erin];
  for (const m of members) await registry.onboardMember(m.address);

  const Treasury = await ethers.getContractFactory("TestTreasury");
  async function company(kind: number, name: string) {
    const t = await Treasury.deploy(operator.address);
    await registry.registerCompany(await t.getAddress(), kind, 1, name);
    return t;
  }
  const housingCo = await company(Kind.RegionalCompany, "Regional Housing");
  const college = await company(Kind.RegionalCompany, "Regional College");
  const school = await company(Kind.RegionalCompany, "K-12 School");
  const hospital = await company(Kind.RegionalCompany, "Regional Hospital");
  const workshop = await company(Kind.Company, "Workshop");
  const waterCo = await company(Kind.RegionalCompany, "Regional Water");
  const garbageCo = await company(Kind.Company, "Garbage Collection");

  async function fund(account: string, amount: bigint) {
    const target = await reserve.getAddress();
    const attest = reserve.interface.encodeFunctionData("attestReserves", [10n ** 12n * ONE, 0, nextRef()]);
    await execSafe(custodians as never, target, attest, [custodian1, custodian2]);
    const deposit = reserve.interface.encodeFunctionData("attestDeposit", [nextRef(), account, amount]);
    await execSafe(custodians as never, target, deposit, [custodian1, custodian2]);
  }
  await fund(capitalPool, 1_000_000n * ONE);
  for (const m of members) await fund(m.address, 10_000n * ONE);
  for (const c of [housingCo, college, school, hospital, workshop, waterCo, garbageCo])
    await fund(await c.getAddress(), 10_000n * ONE);

  await housing.setHousingCompany(await housingCo.getAddress());
  await education.registerSchool(await college.getAddress(), SchoolKind.College);
  await education.registerSchool(await school.getAddress(), SchoolKind.K12);
  await healthcare.setHospital(await hospital.getAddress(), true);
  await regionParameters.setParameter(18 /* StartingWage */, 100n * ONE);
  await wageSchedule.addIndustry(0n);
  await wageSchedule.addOccupation({
    industryId: 1,
    industryWeight: 0n,
    need: 0n,
    skill: 0n,
    stress: 0n,
    danger: 0n,
    productivityRange: (ONE * 2n) / 10n,
  });

  type Target = {
    getAddress(): Promise<string>;
    interface: { encodeFunctionData(f: string, a: readonly unknown[]): string };
  };
  /** Calls `target.fn(...args)` from a company treasury (signed by its operator). */
  async function asCompany(treasury: typeof housingCo, target: Target, fn: string, args: readonly unknown[]) {
    return treasury.connect(operator).execute(await target.getAddress(), target.interface.encodeFunctionData(fn, args));
  }
  /** Hires `worker` from a company treasury (timesheet mode by default); returns the employment id. */
  async function hire(treasury: typeof housingCo, worker: string, productivity = ONE, mode = 1) {
    const tx = await asCompany(treasury, payroll, "hire", [worker, 1, productivity, mode]);
    return hiredId(payroll, await tx.wait());
  }
  async function now(): Promise<bigint> {
    const block = await ethers.provider.getBlock("latest");
    return BigInt(block?.timestamp ?? 0);
  }
  return {
    ...deployed,
    rsc,
    registry,
    regionParameters,
    housing,
    education,
    healthcare,
    regionalInventory,
    payroll,
    hire,
    wageSchedule,
    capitalPool,
    signers,
    admin,
    alice,
    bob,
    carol,
    dave,
    erin,
    operator,
    stranger,
    members,
    housingCo,
    college,
    school,
    hospital,
    workshop,
    waterCo,
    garbageCo,
    asCompany,
    fund,
    now,
  };
}

export type ServicesFixture = Awaited<ReturnType<typeof deployServices>>;

/** Building 1 ("Elm Court") with units 1 (apartment, 50 m²), 2 (apartment, 70 m²), 3 (house, 80 m²). */
export async function threeUnits(f: ServicesFixture) {
  const asHousing = (fn: string, args: readonly unknown[]) => f.asCompany(f.housingCo, f.housing, fn, args);
  await asHousing("addBuilding", ["Elm Court"]);
  await asHousing("addUnit", [1, UnitType.Apartment, 50]);
  await asHousing("addUnit", [1, UnitType.Apartment, 70]);
  await asHousing("addUnit", [1, UnitType.House, 80]);
}

/**
 * Pays a month of building 1's costs through the real flows, in the current month: property tax
 * 1000 RSC to the capital pool; a maintenance worker (dave, hired on a timesheet and assigned to the
 * building, 120 RSC/h) paid for `hours` approved hours and booked; supplies 300 RSC from the workshop, water
 * 400 RSC from the water company, garbage collection 7 wei (each with the 8 % sales tax on top).
 * Returns the employment id and the cumulative gross wage Payroll paid it.
 */
export async function payMonthOfCosts(f: ServicesFixture, hours = 10) {
  const asHousing = (fn: string, args: readonly unknown[]) => f.asCompany(f.housingCo, f.housing, fn, args);
  let employmentId = 0n;
  const existing = await f.housing.maintenanceStaff(1);
  if (existing.length > 0) employmentId = existing[0];
  else {
    employmentId = await f.hire(f.housingCo, f.dave.address);
    await asHousing("assignMaintenance", [employmentId, 1]);
  }
  await asHousing("payPropertyTax", [1, 1000n * ONE]);
  await f.payroll.connect(f.dave).submitTimesheet(employmentId, hours * 3600);
  await f.asCompany(f.housingCo, f.payroll, "approveTimesheet", [employmentId, hours * 3600]);
  await f.payroll.connect(f.dave).withdraw(employmentId);
  await f.housing.bookWages(1);
  await asHousing("payBuildingCost", [1, CostCategory.Supplies, await f.workshop.getAddress(), 300n * ONE]);
  await asHousing("payBuildingCost", [1, CostCategory.Water, await f.waterCo.getAddress(), 400n * ONE]);
  await asHousing("payBuildingCost", [1, CostCategory.Garbage, await f.garbageCo.getAddress(), 7n]);
  const paid = ((await f.payroll.employment(employmentId)) as { paid: bigint }).paid;
  return { employmentId, paid };
}
