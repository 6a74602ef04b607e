/**
 * Services gas benchmark: `bench()` returns one row per operation, measured from receipts (gasUsed,
 * the whole transaction) on an in-process Hardhat network with the real Ignition module. Company
 * operations go through `contracts/test/TestTreasury.sol` (one owner, a forwarding call, ~3k gas
 * of overhead; a Safe adds ~30k). The reference is a plain OpenZeppelin ERC-20 transfer
 * (ReferenceERC20) deployed in the same run: a rent or a subsidised payment is one or two token
 * movements plus the service's own bookkeeping.
 *
 * Run alone: `npx tsx scripts/bench/services.ts`.
 */
import { network } from "hardhat";
import ServicesModule from "../../ignition/modules/Services.ts";
import { employmentIdOf } from "../../sdk/src/payroll/employments.ts";
import type { BenchRow } from "./types.ts";

const ONE = 10n ** 18n;

type Receipt = { gasUsed: bigint } | null;
async function gasOf(tx: Promise<{ wait(): Promise<Receipt> }>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("no receipt");
  return receipt.gasUsed;
}

export async function bench(): Promise<BenchRow[]> {
  const { ethers, ignition } = await network.create();
  const [, c1, c2, , alice, bob, carol, operator] = await ethers.getSigners();
  const d = await ignition.deploy(ServicesModule);
  const { registry, reserve, housing, education, healthcare, regionalInventory } = d;
  const pool = await d.capitalPool.getAddress();
  for (const m of [alice, bob, carol]) await registry.onboardMember(m.address);
  const Treasury = await ethers.getContractFactory("TestTreasury");
  const company = async (kind: number, name: string) => {
    const t = await Treasury.deploy(operator.address);
    await registry.registerCompany(await t.getAddress(), kind, 1, name);
    return t;
  };
  const [housingCo, college, hospital, workshop] = [
    await company(3, "Housing"),
    await company(3, "College"),
    await company(3, "Hospital"),
    await company(2, "Workshop"),
  ];
  const { execSafe } = await import("../../test/helpers/safe.ts");
  const custodians = async (fn: string, args: unknown[]) =>
    (
      await execSafe(
        d.custodians as never,
        await reserve.getAddress(),
        reserve.interface.encodeFunctionData(fn, args),
        [c1, c2],
      )
    ).wait();
  await custodians("attestReserves", [10n ** 12n * ONE, 0, ethers.ZeroHash]);
  let n = 0;
  const housingAddress = await housingCo.getAddress();
  for (const account of [
    pool,
    alice.address,
    bob.address,
    carol.address,
    await workshop.getAddress(),
    housingAddress,
  ]) {
    await custodians("attestDeposit", [ethers.toBeHex(++n, 32), account, 100_000n * ONE]);
  }
  await housing.setHousingCompany(await housingCo.getAddress());
  await education.registerSchool(await college.getAddress(), 2);
  await healthcare.setHospital(await hospital.getAddress(), true);
  type Target = { getAddress(): Promise<string>; interface: { encodeFunctionData(f: string, a: unknown[]): string } };
  const as = async (t: typeof housingCo, target: Target, fn: string, args: unknown[]) =>
    t.connect(operator).execute(await target.getAddress(), target.interface.encodeFunctionData(fn, args));

  const rows: BenchRow[] = [];
  const ref = await ethers.deployContract("ReferenceERC20");
  await ref.mint(alice.address, ONE);
  const transferGas = await gasOf(ref.connect(alice).transfer(bob.address, 1n) as never);
  const row = (group: string, operation: string, gas: bigint): BenchRow => ({
    group,
    operation,
    gas,
    reference: "ERC-20 transfer (OpenZeppelin)",
    referenceGas: transferGas,
  });

  await as(housingCo, housing, "addBuilding", ["Elm"]);
  rows.push(row("housing", "addUnit (treasury)", await gasOf(as(housingCo, housing, "addUnit", [1, 0, 50]))));
  rows.push(
    row(
      "housing",
      "payPropertyTax (treasury)",
      await gasOf(as(housingCo, housing, "payPropertyTax", [1, 1000n * ONE])),
    ),
  );
  const supplies = [1, 2, await workshop.getAddress(), 300n * ONE];
  rows.push(
    row(
      "housing",
      "payBuildingCost: Purchase + SalesTax (treasury)",
      await gasOf(as(housingCo, housing, "payBuildingCost", supplies)),
    ),
  );
  // a maintenance technician on a timesheet, paid by Payroll, booked by bookWages
  await d.regionParameters.setParameter(18 /* StartingWage */, 100n * ONE);
  await d.wageSchedule.addIndustry(0n);
  await d.wageSchedule.addOccupation({
    industryId: 1,
    industryWeight: 0n,
    need: 0n,
    skill: 0n,
    stress: 0n,
    danger: 0n,
    productivityRange: (ONE * 2n) / 10n,
  });
  await as(housingCo, d.payroll, "hire", [carol.address, 1, ONE, 1]);
  // the first hire, by the housing company: its id carries the company (`company << 96 | seq`)
  const technician = employmentIdOf((await housingCo.getAddress()) as `0x${string}`, 1n);
  rows.push(
    row(
      "housing",
      "assignMaintenance (treasury)",
      await gasOf(as(housingCo, housing, "assignMaintenance", [technician, 1])),
    ),
  );
  await d.payroll.connect(carol).submitTimesheet(technician, 3600);
  await as(housingCo, d.payroll, "approveTimesheet", [technician, 3600]);
  await d.payroll.connect(carol).withdraw(technician);
  rows.push(row("housing", "bookWages (1 employment)", await gasOf(housing.bookWages(1))));
  rows.push(row("housing", "joinWaitList", await gasOf(housing.connect(alice).joinWaitList(1, 0))));
  await housing.connect(bob).joinWaitList(1, 0);
  rows.push(row("housing", "assignNext (treasury)", await gasOf(as(housingCo, housing, "assignNext", [1]))));
  // next month: the rent derives from this month's costs
  const month = Number(await housing.currentMonth()) + 1;
  await ethers.provider.send("evm_setNextBlockTimestamp", [Date.UTC(Math.floor(month / 12), month % 12, 2) / 1000]);
  rows.push(row("housing", "payRent", await gasOf(housing.connect(alice).payRent(1))));

  await as(college, education, "openProgramme", ["Nursing", 10, 100n * ONE]);
  rows.push(row("education", "applyTo", await gasOf(education.connect(carol).applyTo(1))));
  rows.push(row("education", "admitNext (treasury)", await gasOf(as(college, education, "admitNext", [1]))));
  rows.push(row("education", "payTuition (share + subsidy)", await gasOf(education.connect(carol).payTuition(1))));

  await as(hospital, healthcare, "addProcedure", ["Checkup", 80n * ONE]);
  rows.push(
    row("healthcare", "recordVisit (treasury)", await gasOf(as(hospital, healthcare, "recordVisit", [1, bob.address]))),
  );
  rows.push(row("healthcare", "payVisit (share + subsidy)", await gasOf(healthcare.connect(bob).payVisit(1))));

  for (let i = 0; i < 3; ++i) await regionalInventory.addItem(`Item ${i}`, pool, 10n * ONE);
  rows.push(row("inventory", "lease (treasury)", await gasOf(as(workshop, regionalInventory, "lease", [1]))));
  rows.push(row("inventory", "payLease (treasury)", await gasOf(as(workshop, regionalInventory, "payLease", [1]))));
  await as(workshop, regionalInventory, "lease", [2]);
  await as(workshop, regionalInventory, "lease", [3]);
  rows.push(
    row(
      "inventory",
      "recordBankruptcy (3 leases)",
      await gasOf(regionalInventory.recordBankruptcy(await workshop.getAddress())),
    ),
  );
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await bench()) console.log(`${r.group}\t${r.operation}\t${r.gas}\t(ref ${r.referenceGas})`);
}
