/**
 * Payroll gas benchmark: `bench()` returns one row per operation, measured from receipts (gasUsed,
 * the whole transaction) on an in-process Hardhat network with the real Ignition modules.
 *
 * Company operations go through the smallest possible treasury (`contracts/test/TestTreasury.sol`,
 * one owner, a plain forwarding call), so hire and productivity change include ~3k gas of
 * treasury overhead that a Safe would replace with its own (~30k more).
 *
 * References: Sablier Flow 3.0.1 (`@sablier/flow`) does not install plainly here, so its figures
 * are quoted as measured on this kind of machine with receipts: create 156,297; withdraw 73,972;
 * adjust rate 62,738.
 *
 * Run alone: `npx tsx scripts/bench/payroll.ts`.
 */
import { network } from "hardhat";
import PayrollModule from "../../ignition/modules/Payroll.ts";
import type { BenchRow } from "./types.ts";

const ONE = 10n ** 18n;
const HOUR = 3600;
const SABLIER = "Sablier Flow 3.0.1";
const PLAIN = {
  industryId: 1,
  industryWeight: ONE / 2n,
  need: ONE / 4n,
  skill: ONE / 3n,
  stress: ONE / 5n,
  danger: ONE / 10n,
  productivityRange: ONE / 5n,
};
const REDUCED = { ...PLAIN, need: ONE / 8n };
const TERMS = { custom: true, delay: 7 * 24 * HOUR, decay: 30 * 24 * HOUR };

type Receipt = { gasUsed: bigint; logs: readonly { topics: readonly string[]; data: string }[] } | null;
async function gasOf(tx: Promise<{ wait(): Promise<Receipt> }>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("no receipt");
  return receipt.gasUsed;
}

export async function bench(): Promise<BenchRow[]> {
  const { ethers, ignition, networkHelpers } = await network.create();
  const [, c1, c2, , alice, bob, carol] = await ethers.getSigners();
  const d = await ignition.deploy(PayrollModule);
  const { registry, reserve, wageSchedule, payroll, regionParameters } = d;
  for (const m of [alice, bob, carol]) await registry.onboardMember(m.address);
  const treasury = await (await ethers.getContractFactory("TestTreasury")).deploy(carol.address);
  const company = await treasury.getAddress();
  await registry.registerCompany(company, 2, 1, "Bench Co");
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
  await custodians("attestDeposit", [ethers.id("bench"), company, 1_000_000n * ONE]);
  // The worker already holds RSC (as a working member does), so her balance slot is not new.
  await custodians("attestDeposit", [ethers.id("alice"), alice.address, 1n * ONE]);
  await regionParameters.setParameter(18, 20n * ONE);
  await wageSchedule.addIndustry(ONE / 2n);
  await wageSchedule.addOccupation(PLAIN); // 1: one employment
  await wageSchedule.addOccupation(PLAIN); // 2: a thousand employments
  const asCompany = (fn: string, args: unknown[]) =>
    treasury.connect(carol).execute(payroll.target, payroll.interface.encodeFunctionData(fn, args));

  const rows: BenchRow[] = [];
  const row = (operation: string, gas: bigint, extra: Partial<BenchRow> = {}) =>
    rows.push({
      group: "payroll",
      operation,
      gas,
      ...(extra.reference?.startsWith(SABLIER) ? { quoted: true } : {}),
      ...extra,
    });

  // Steady state: the employment counter, the capital pool's balance and the worker's balance are
  // not new slots (a first employment, the region's first tax or a worker's first RSC cost more).
  /** The employment id of a hire's receipt (it carries the company: `company << 96 | seq`). */
  const hiredId = (receipt: Receipt): bigint => {
    for (const log of receipt?.logs ?? []) {
      const parsed = payroll.interface.parseLog(log as never);
      if (parsed?.name === "Hired") return parsed.args.employmentId as bigint;
    }
    throw new Error("no Hired event");
  };
  const first = hiredId(await (await asCompany("hire", [bob.address, 1, ONE / 2n, 0])).wait());
  await payroll.connect(bob).clockIn(first);
  await networkHelpers.time.increase(HOUR);
  await payroll.connect(bob).withdraw(first);
  const hireReceipt = await (await asCompany("hire", [alice.address, 1, ONE / 2n, 0])).wait();
  if (hireReceipt === null) throw new Error("no receipt");
  const hire = hireReceipt.gasUsed;
  row("hire (via a one-owner treasury)", hire, {
    reference: `${SABLIER} create`,
    referenceGas: 156_297n,
    target: "≤ 100,000 gas",
    met: hire <= 100_000n,
  });
  const id = hiredId(hireReceipt);
  // The same hire from a company whose treasury is a 2-of-2 Safe (the usual case).
  const setup = d.safeSingleton.interface.encodeFunctionData("setup", [
    [c1.address, c2.address],
    2,
    ethers.ZeroAddress,
    "0x",
    await d.fallbackHandler.getAddress(),
    ethers.ZeroAddress,
    0,
    ethers.ZeroAddress,
  ]);
  const singleton = await d.safeSingleton.getAddress();
  const safeAddress = await d.safeProxyFactory.createProxyWithNonce.staticCall(singleton, setup, 7);
  await d.safeProxyFactory.createProxyWithNonce(singleton, setup, 7);
  await registry.registerCompany(safeAddress, 2, 1, "Safe Co");
  const safe = await ethers.getContractAt("Safe", safeAddress);
  const hireData = payroll.interface.encodeFunctionData("hire", [bob.address, 1, ONE / 2n, 0]);
  await (await execSafe(safe as never, await payroll.getAddress(), hireData, [c1, c2])).wait();
  row(
    "hire (via a 2-of-2 Safe treasury)",
    await gasOf(execSafe(safe as never, await payroll.getAddress(), hireData, [c1, c2]) as never),
    { reference: `${SABLIER} create`, referenceGas: 156_297n },
  );
  const clockIn = await gasOf(payroll.connect(alice).clockIn(id));
  row("clock in, first of the employment", clockIn);
  await networkHelpers.time.increase(HOUR);
  row("clock out (settles the shift)", await gasOf(payroll.connect(alice).clockOut(id)));
  row(
    "withdraw with income tax, first of the employment (off shift)",
    await gasOf(payroll.connect(alice).withdraw(id)),
  );
  row("clock in (a later shift)", await gasOf(payroll.connect(alice).clockIn(id)));
  await networkHelpers.time.increase(HOUR);
  await payroll.connect(alice).clockOut(id);
  const withdraw = await gasOf(payroll.connect(alice).withdraw(id));
  row("withdraw with income tax (off shift)", withdraw, {
    reference: `${SABLIER} withdraw`,
    referenceGas: 73_972n,
    target: "≤ 73,972 gas",
    met: withdraw <= 73_972n,
  });
  await payroll.connect(alice).clockIn(id);
  await networkHelpers.time.increase(HOUR);
  row("withdraw with income tax (on shift, settles first)", await gasOf(payroll.connect(alice).withdraw(id)), {
    reference: `${SABLIER} withdraw`,
    referenceGas: 73_972n,
  });
  await networkHelpers.time.increase(HOUR);
  row("productivity change (on shift, settles first)", await gasOf(asCompany("setProductivity", [id, ONE])), {
    reference: `${SABLIER} adjust rate`,
    referenceGas: 62_738n,
  });
  await networkHelpers.time.increase(HOUR);
  row("keeper settleBatch, 1 open shift", await gasOf(payroll.settleBatch([id])));

  const one = await gasOf(wageSchedule.changeOccupation(1, REDUCED, TERMS));
  row("wage-schedule change (reduction), 1 employment", one);
  for (let i = 0; i < 1000; i++) await asCompany("hire", [bob.address, 2, ONE / 2n, 0]);
  const thousand = await gasOf(wageSchedule.changeOccupation(2, REDUCED, TERMS));
  row("wage-schedule change (reduction), 1,000 employments", thousand, {
    reference: "the same change with 1 employment",
    referenceGas: one,
    target: "≤ 1.05× the change with 1",
    met: thousand * 100n <= one * 105n,
  });
  await networkHelpers.time.increase(HOUR);
  row("withdraw on shift after 1 reduction since settlement", await gasOf(payroll.connect(alice).withdraw(id)));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await bench()) {
    const ref =
      r.referenceGas === undefined ? "" : `  ref ${r.referenceGas} (${r.reference}${r.quoted ? ", quoted" : ""})`;
    const target = r.target ? `  target ${r.target}: ${r.met ? "met" : "NOT met"}` : "";
    console.log(`${r.operation.padEnd(62)} ${String(r.gas).padStart(8)}${ref}${target}`);
  }
}
