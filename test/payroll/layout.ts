import { expect } from "chai";
import { AbiCoder, keccak256, toBeHex } from "ethers";
import type { Address } from "viem";
import { companyOf, employmentIdOf, employmentSeq } from "../../sdk/src/payroll/employments.ts";
import { ethers, networkHelpers, ONE } from "../helpers/region.ts";
import { deployPayroll, HOUR, hiredId, type PayrollFixture, PLAIN } from "./fixture.ts";

/** ERC-7201 roots (scripts/erc7201.mjs): `employments` is Payroll's mapping at root + 1, `amounts`
 * (worker → id → word) at root + 2; WageSchedule
 * keeps its counters at root, `occupations` at root + 3 and `epochs` at root + 4. */
const PAYROLL_ROOT = 0x38e35dffc58654ad11c3acecbaa6b43c1e9a4aa96232a823e79c62c26fbbb500n;
const SCHEDULE_ROOT = 0xcf938623dd96d7dd3cdccbf91be6a3deba914d6ba94b26413f4a86e33b6e3f00n;
const MAX_AMOUNT = (1n << 85n) - 1n;
const U85 = MAX_AMOUNT;
const U32 = (1n << 32n) - 1n;
const coder = AbiCoder.defaultAbiCoder();
const mappingSlot = (key: bigint, root: bigint) => BigInt(keccak256(coder.encode(["uint256", "uint256"], [key, root])));
const word = (v: bigint) => toBeHex(v, 32);

/** Word `k` of employment `id`: 0 head, 1 unused (once the amounts), 2 clock ({EmploymentRecord}). */
const employmentSlot = (id: bigint, k: bigint) => mappingSlot(id, PAYROLL_ROOT + 1n) + k;
/** The amounts word of employment `id` (accrued | paid << 85 | tax << 170 | onShift << 255), keyed by its worker. */
const amountsSlot = (worker: string, id: bigint) => mappingSlot(id, mappingSlot(BigInt(worker), PAYROLL_ROOT + 2n));
const ON_SHIFT = 1n << 255n;
/** Slot 0 of occupation `occupationId`'s record in WageSchedule (industryId | epochCount << 32 | …). */
const occupationSlot = (occupationId: bigint) => mappingSlot(occupationId, SCHEDULE_ROOT + 3n);
/** Epoch `epoch` of occupation `occupationId` in WageSchedule (one word). */
const epochSlot = (occupationId: bigint, epoch: bigint) =>
  mappingSlot(epoch, mappingSlot(occupationId, SCHEDULE_ROOT + 4n));

describe("Payroll: ids carrying the company, the packed employment and its bounds", () => {
  let f: PayrollFixture;
  let company: Address;
  let other: Awaited<ReturnType<typeof otherCompany>>;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployPayroll);
    company = (await f.treasury.getAddress()) as Address;
    other = await otherCompany(f);
  });

  async function otherCompany(fx: PayrollFixture) {
    const treasury = await (await ethers.getContractFactory("TestTreasury")).deploy(fx.dave.address);
    const address = (await treasury.getAddress()) as Address;
    await fx.registry.registerCompany(address, 2 /* Company */, 1, "Other");
    await fx.fund(address, 1_000n * ONE);
    return { treasury, address, as: (fn: string, args: unknown[]) => fx.asCompany(fn, args, treasury, fx.dave) };
  }
  const readWord = async (slot: bigint) => BigInt(await ethers.provider.getStorage(await f.payroll.getAddress(), slot));
  const setWord = async (target: string, slot: bigint, value: bigint) =>
    networkHelpers.setStorageAt(target, word(slot), word(value));
  const scheduleWord = async (slot: bigint) =>
    BigInt(await ethers.provider.getStorage(await f.wageSchedule.getAddress(), slot));
  /** Sets occupation `occupationId`'s epoch count in WageSchedule's storage, copying its epoch 0 up to the new last. */
  async function setEpochCount(occupationId: bigint, count: bigint) {
    const schedule = await f.wageSchedule.getAddress();
    const slot = occupationSlot(occupationId);
    const record = await scheduleWord(slot);
    await setWord(schedule, slot, (record & ~(U32 << 32n)) | (count << 32n));
    const first = await scheduleWord(epochSlot(occupationId, 0n));
    for (const e of [count - 2n, count - 1n]) await setWord(schedule, epochSlot(occupationId, e), first);
  }

  it("ids are company << 96 | seq; a hire creates one word, the company is never stored", async () => {
    const a = await f.hire(f.alice.address);
    const b = hiredId(f.payroll, await (await other.as("hire", [f.bob.address, 1, ONE / 2n, 0])).wait());
    expect(a).to.equal(employmentIdOf(company, 1n));
    expect(b).to.equal(employmentIdOf(other.address, 2n));
    expect([companyOf(a), companyOf(b)]).to.deep.equal([company, other.address]);
    expect(await f.payroll.companyOf(b)).to.equal(other.address);
    expect(await f.payroll.employmentCount()).to.equal(2n);
    const head = await readWord(employmentSlot(a, 0n));
    expect(head & ((1n << 160n) - 1n)).to.equal(BigInt(f.alice.address));
    expect(await readWord(employmentSlot(a, 1n))).to.equal(0n); // unused
    expect(await readWord(amountsSlot(f.alice.address, a))).to.equal(0n); // amounts
    expect(await readWord(employmentSlot(a, 2n))).to.equal(0n); // clock
    expect((await f.payroll.employment(b)).company).to.equal(other.address);
  });

  it("refuses a forged id (another company, the same seq): no employment there", async () => {
    const id = await f.hire(f.alice.address);
    const forged = employmentIdOf(other.address, employmentSeq(id));
    for (const call of [
      () => f.payroll.employment(forged),
      () => f.payroll.getPayroll(forged),
      () => f.payroll.wageOf(forged),
      () => f.payroll.connect(f.alice).withdraw(forged),
      () => f.payroll.connect(f.alice).clockIn(forged),
      () => other.as("setProductivity", [forged, ONE]),
      () => other.as("endEmployment", [forged]),
    ]) {
      await expect(call()).to.be.revertedWithCustomError(f.payroll, "PayrollUnknownEmployment").withArgs(forged);
    }
    // settleBatch skips it with SettlementFailed; the real one is untouched
    await expect(f.payroll.settleBatch([forged])).to.emit(f.payroll, "SettlementFailed");
    expect((await f.payroll.employment(id)).ended).to.equal(false);
  });

  it("refuses company operations by any company but the one in the id, and changes nothing", async () => {
    const id = await f.hire(f.alice.address, 1, ONE / 2n, 1 /* Timesheet */);
    await f.payroll.connect(f.alice).submitTimesheet(id, 3600);
    const before = await f.payroll.employment(id);
    for (const [fn, args] of [
      ["setProductivity", [id, ONE]],
      ["changeOccupation", [id, 1]],
      ["approveTimesheet", [id, 3600]],
      ["endEmployment", [id]],
    ] as const) {
      await expect(other.as(fn, [...args]))
        .to.be.revertedWithCustomError(f.payroll, "PayrollNotEmployer")
        .withArgs(id, other.address);
    }
    expect(await f.payroll.employment(id)).to.deep.equal(before);
  });

  it("an accrual past 2^85 − 1 wei over the employment's life reverts with the values; up to it, it is kept exactly", async () => {
    const id = await f.hire(f.alice.address, 1, ONE / 2n, 1 /* Timesheet */);
    // 50 RSC short of the limit, all paid (nothing owed, so no company balance is needed).
    const start = MAX_AMOUNT - 50n * ONE;
    await setWord(await f.payroll.getAddress(), amountsSlot(f.alice.address, id), start | (start << 85n));
    await f.payroll.connect(f.alice).submitTimesheet(id, 3600); // 1 h at 100 RSC/h
    await expect(f.asCompany("approveTimesheet", [id, 3600]))
      .to.be.revertedWithCustomError(f.payroll, "PayrollAmountTooLarge")
      .withArgs(id, start + 100n * ONE, MAX_AMOUNT);
    await f.asCompany("approveTimesheet", [id, 1800]); // 50 RSC: exactly the limit
    const e = await f.payroll.employment(id);
    expect([e.accrued, e.paid, e.taxWithheld]).to.deep.equal([MAX_AMOUNT, start, 0n]);
    const amounts = await readWord(amountsSlot(f.alice.address, id));
    expect([amounts & U85, (amounts >> 85n) & U85, amounts >> 170n]).to.deep.equal([MAX_AMOUNT, start, 0n]);
  });

  it("an accrual past the limit on shift reverts the clock-out with the values", async () => {
    const id = await f.hire(f.alice.address);
    const start = MAX_AMOUNT - ONE;
    await setWord(await f.payroll.getAddress(), amountsSlot(f.alice.address, id), start | (start << 85n));
    await f.payroll.connect(f.alice).clockIn(id);
    // The clock-in set the amounts word's top bit and kept the amounts; the head is unchanged.
    expect(await readWord(amountsSlot(f.alice.address, id))).to.equal(ON_SHIFT | start | (start << 85n));
    await networkHelpers.time.increase(Number(HOUR));
    await expect(f.payroll.connect(f.alice).clockOut(id)).to.be.revertedWithCustomError(
      f.payroll,
      "PayrollAmountTooLarge",
    );
    expect((await f.payroll.employment(id)).onShift).to.equal(true);
  });

  it("refuses an occupation id above 65,535 (16 bits) at hire and change of occupation", async () => {
    await expect(f.asCompany("hire", [f.alice.address, 65_536, ONE / 2n, 0]))
      .to.be.revertedWithCustomError(f.payroll, "PayrollOccupationIdTooLarge")
      .withArgs(65_536, 65_535);
    const id = await f.hire(f.alice.address);
    await expect(f.asCompany("changeOccupation", [id, 2 ** 32 - 1]))
      .to.be.revertedWithCustomError(f.payroll, "PayrollOccupationIdTooLarge")
      .withArgs(2 ** 32 - 1, 65_535);
  });

  it("refuses a wage epoch above 65,535 (16 bits) at hire and at settlement", async () => {
    // The newest epoch is 65,535: still held.
    await setEpochCount(1n, 65_536n);
    const id = await f.hire(f.alice.address);
    expect((await f.payroll.employment(id)).epoch).to.equal(65_535n);
    await f.payroll.connect(f.alice).clockIn(id);
    // One more epoch (past what WageSchedule itself allows): neither a hire nor a settlement truncates it.
    await setEpochCount(1n, 65_537n);
    await expect(f.asCompany("hire", [f.bob.address, 1, ONE / 2n, 0]))
      .to.be.revertedWithCustomError(f.payroll, "PayrollEpochTooLarge")
      .withArgs(1, 65_536, 65_535);
    await networkHelpers.time.increase(Number(HOUR));
    await expect(f.payroll.connect(f.alice).clockOut(id))
      .to.be.revertedWithCustomError(f.payroll, "PayrollEpochTooLarge")
      .withArgs(1, 65_536, 65_535);
  });

  it("WageSchedule holds at most 65,535 occupations and 65,536 epochs each", async () => {
    const schedule = await f.wageSchedule.getAddress();
    await setEpochCount(1n, 65_536n);
    await expect(f.wageSchedule.changeOccupation(1, PLAIN, { custom: false, delay: 0, decay: 0 }))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleTooManyEpochs")
      .withArgs(1, 65_536);
    await expect(f.wageSchedule.changeIndustryNeed(1, ONE / 2n, { custom: false, delay: 0, decay: 0 }))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleTooManyEpochs")
      .withArgs(1, 65_536);
    const counters = await scheduleWord(SCHEDULE_ROOT);
    await setWord(schedule, SCHEDULE_ROOT, (counters & ~(U32 << 32n)) | (65_535n << 32n));
    await expect(f.wageSchedule.addOccupation(PLAIN))
      .to.be.revertedWithCustomError(f.wageSchedule, "WageScheduleTooManyOccupations")
      .withArgs(65_535);
    await setWord(schedule, SCHEDULE_ROOT, (counters & ~(U32 << 32n)) | (65_534n << 32n));
    await f.wageSchedule.addOccupation(PLAIN);
    expect(await f.wageSchedule.occupationCount()).to.equal(65_535n);
  });

  it("caps the regional productivity maximum at 2^60 − 1, what an employment holds", async () => {
    const source = await f.regionParameters.getAddress();
    await networkHelpers.impersonateAccount(source);
    await networkHelpers.setBalance(source, ONE);
    const asParameters = f.payroll.connect(await ethers.getSigner(source));
    await asParameters.parameterChanged(7 /* ProductivityMax */, (1n << 64n) - 1n);
    const cap = (1n << 60n) - 1n;
    await expect(f.asCompany("hire", [f.alice.address, 1, cap + 1n, 0]))
      .to.be.revertedWithCustomError(f.payroll, "PayrollProductivityOutOfRange")
      .withArgs(cap + 1n, 0n, cap);
    const id = await f.hire(f.alice.address, 1, cap);
    const e = await f.payroll.employment(id);
    expect([e.productivity, e.worker, e.occupationId, e.onShift]).to.deep.equal([cap, f.alice.address, 1n, false]);
  });
});
