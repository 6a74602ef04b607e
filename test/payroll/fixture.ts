import type { Interface } from "ethers";
import PayrollModule from "../../ignition/modules/Payroll.ts";
import { ethers, ignition, ONE } from "../helpers/region.ts";
import { execSafe } from "../helpers/safe.ts";

export const HOUR = 3600n;
export const DAY = 86_400n;
/** Custom reduction terms `{custom, delay, decay}`; `DEFAULT_TERMS` takes the regional defaults. */
export const DEFAULT_TERMS = { custom: false, delay: 0, decay: 0 };
export const terms = (delay: bigint | number, decay: bigint | number) => ({
  custom: true,
  delay: Number(delay),
  decay: Number(decay),
});

/** An occupation with every factor zero and range 0.2: index 1, base = STARTING_WAGE. */
export const PLAIN = {
  industryId: 1,
  industryWeight: 0n,
  need: 0n,
  skill: 0n,
  stress: 0n,
  danger: 0n,
  productivityRange: (ONE * 2n) / 10n,
};

type Logs = { logs: readonly { topics: readonly string[]; data: string }[] } | null;

/** The employment id a hire's receipt announces in `Hired` (it carries the company: `company << 96 | seq`). */
export function hiredId(payroll: { interface: Interface }, receipt: Logs): bigint {
  for (const log of receipt?.logs ?? []) {
    const parsed = (() => {
      try {
        return payroll.interface.parseLog(log as never);
      } catch {
        return null;
      }
    })();
    if (parsed?.name === "Hired") return parsed.args.employmentId as bigint;
  }
  throw new Error("no Hired event in the receipt");
}

let salt = 0;
function nextRef(): string {
  salt += 1;
  return `0x${salt.toString(16).padStart(64, "0")}`;
}

/**
 * A region with payroll: one industry (need 0) and one plain occupation (id 1); members alice, bob
 * (workers) and carol (owner of the company treasury); the company is a `TestTreasury` owned by
 * carol and registered as a Company, funded with 10,000 RSC; STARTING_WAGE is 100 RSC/h.
 */
export async function deployPayroll() {
  const deployed = await ignition.deploy(PayrollModule);
  const signers = await ethers.getSigners();
  const [admin, custodian1, custodian2, , alice, bob, carol, dave] = signers;
  const { rsc, registry, reserve, regionParameters, wageSchedule, payroll, custodians, capitalPool } = deployed;
  for (const m of [alice, bob, carol, dave]) await registry.onboardMember(m.address);
  const treasury = await (await ethers.getContractFactory("TestTreasury")).deploy(carol.address);
  await registry.registerCompany(await treasury.getAddress(), 2 /* Company */, 1, "Acme");
  await regionParameters.setParameter(18 /* StartingWage */, 100n * ONE);

  async function asCustodians(target: string, data: string) {
    return execSafe(custodians as never, target, data, [custodian1, custodian2]);
  }
  async function fund(account: string, amount: bigint) {
    await asCustodians(
      await reserve.getAddress(),
      reserve.interface.encodeFunctionData("attestReserves", [10n ** 9n * ONE, 0, nextRef()]),
    );
    await asCustodians(
      await reserve.getAddress(),
      reserve.interface.encodeFunctionData("attestDeposit", [nextRef(), account, amount]),
    );
  }
  await fund(await treasury.getAddress(), 10_000n * ONE);

  await wageSchedule.addIndustry(0n);
  await wageSchedule.addOccupation(PLAIN);

  /** Calls `payroll.fn(...args)` from the company treasury (signed by carol). */
  async function asCompany(fn: string, args: unknown[], company = treasury, owner = carol) {
    return company.connect(owner).execute(await payroll.getAddress(), payroll.interface.encodeFunctionData(fn, args));
  }
  /** Hires `worker` (shift mode by default) and returns the employment id (from `Hired`). */
  async function hire(worker: string, occupationId = 1, productivity = ONE / 2n, mode = 0, company = treasury) {
    return hiredId(
      payroll,
      await (await asCompany("hire", [worker, occupationId, productivity, mode], company)).wait(),
    );
  }
  return {
    ...deployed,
    rsc,
    payroll,
    wageSchedule,
    regionParameters,
    capitalPool,
    signers,
    admin,
    alice,
    bob,
    carol,
    dave,
    treasury,
    asCompany,
    hire,
    fund,
  };
}

export type PayrollFixture = Awaited<ReturnType<typeof deployPayroll>>;
