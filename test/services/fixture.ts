import ServicesModule from "../../ignition/modules/Services.ts";
import { ethers, ignition, ONE } from "../helpers/region.ts";
import { execSafe } from "../helpers/safe.ts";

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
 * K-12 school and a plain Company (a workshop), each a `TestTreasury` owned by `operator`; the
 * housing company named in Housing, the schools and the hospital registered. The capital pool
 * holds 1,000,000 RSC and every member and company 10,000 RSC.
 */
export async function deployServices() {
  return deployServicesFrom(ServicesModule);
}

/** The same region and services, deployed from `module` (which must use the Services module). */
export async function deployServicesFrom<M extends typeof ServicesModule>(module: M) {
  const deployed = await ignition.deploy(module);
  const signers = await ethers.getSigners();
  const [admin, custodian1, custodian2, , alice, bob, carol, dave, erin, operator, stranger] = signers;
  const { rsc, registry, reserve, regionParameters, housing, education, healthcare, regionalInventory, custodians } =
    deployed;
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

  async function fund(account: string, amount: bigint) {
    const target = await reserve.getAddress();
    const attest = reserve.interface.encodeFunctionData("attestReserves", [10n ** 12n * ONE, 0, nextRef()]);
    await execSafe(custodians as never, target, attest, [custodian1, custodian2]);
    const deposit = reserve.interface.encodeFunctionData("attestDeposit", [nextRef(), account, amount]);
    await execSafe(custodians as never, target, deposit, [custodian1, custodian2]);
  }
  await fund(capitalPool, 1_000_000n * ONE);
  for (const m of members) await fund(m.address, 10_000n * ONE);
  for (const c of [housingCo, college, school, hospital, workshop]) await fund(await c.getAddress(), 10_000n * ONE);

  await housing.setHousingCompany(await housingCo.getAddress());
  await education.registerSchool(await college.getAddress(), SchoolKind.College);
  await education.registerSchool(await school.getAddress(), SchoolKind.K12);
  await healthcare.setHospital(await hospital.getAddress(), true);

  type Target = {
    getAddress(): Promise<string>;
    interface: { encodeFunctionData(f: string, a: readonly unknown[]): string };
  };
  /** Calls `target.fn(...args)` from a company treasury (signed by its operator). */
  async function asCompany(treasury: typeof housingCo, target: Target, fn: string, args: readonly unknown[]) {
    return treasury.connect(operator).execute(await target.getAddress(), target.interface.encodeFunctionData(fn, args));
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
    asCompany,
    fund,
    now,
  };
}

export type ServicesFixture = Awaited<ReturnType<typeof deployServices>>;
