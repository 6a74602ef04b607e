import { expect } from "chai";
import { settle, type WageEpoch } from "../../sdk/src/payroll/wage.ts";
import { networkHelpers, ONE } from "../helpers/region.ts";
import { DAY, DEFAULT_TERMS, deployPayroll, HOUR, type PayrollFixture, PLAIN, terms } from "./fixture.ts";

const { time } = networkHelpers;
const HALF = ONE / 2n;
/** Occupation 2: need 1 → index 2 → 200 RSC/h at STARTING_WAGE 100. */
const DOCTOR = { ...PLAIN, need: ONE };
const before = (200n * ONE * 100n) / 3600n; // 100 s at 200/h before the reduction

async function at<T>(timestamp: bigint, tx: () => Promise<T>): Promise<T> {
  await time.setNextBlockTimestamp(timestamp);
  return tx();
}

describe("wage reductions (delay and decay)", () => {
  let f: PayrollFixture;
  let R: bigint;
  let alice: bigint;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployPayroll);
    await f.wageSchedule.addOccupation(DOCTOR);
    alice = await f.hire(f.alice.address, 2);
    R = BigInt(await time.latest()) + 1000n;
    await at(R - 100n, () => f.payroll.connect(f.alice).clockIn(alice));
  });

  const reduce = (need: bigint, t: { custom: boolean; delay: number; decay: number }) =>
    f.wageSchedule.changeOccupation(2, { ...DOCTOR, need }, t);

  it("delay 1 h, decay 2 h: existing workers keep 200 for an hour, then fall linearly to 150; new hires get 150", async () => {
    await expect(at(R, () => reduce(HALF, terms(HOUR, 2n * HOUR))))
      .to.emit(f.wageSchedule, "WageEpochStarted")
      .withArgs(2, 1, 2n * ONE, (3n * ONE) / 2n, 3600, 7200, PLAIN.productivityRange);
    const bob = await at(R + 1n, () => f.hire(f.bob.address, 2));
    expect(await f.payroll.wageOf(bob)).to.equal(150n * ONE);
    expect(await f.payroll.wageOf(alice)).to.equal(200n * ONE);
    await at(R + 2n, () => f.payroll.connect(f.bob).clockIn(bob));
    await time.setNextBlockTimestamp(R + 2n * HOUR);
    await networkHelpers.mine();
    expect(await f.payroll.wageOf(alice)).to.equal(175n * ONE); // halfway through the decay
    await at(R + 4n * HOUR, () => f.payroll.connect(f.alice).clockOut(alice));
    await at(R + 4n * HOUR + 2n, () => f.payroll.connect(f.bob).clockOut(bob));
    // 1 h at 200 + 2 h falling 200→150 (avg 175) + 1 h at 150 = 200 + 350 + 150 = 700
    expect((await f.payroll.employment(alice)).accrued).to.equal(before + 700n * ONE);
    expect((await f.payroll.employment(bob)).accrued).to.equal(4n * 150n * ONE);
  });

  it("delay and decay 0: the reduction is immediate for everyone", async () => {
    await expect(at(R, () => reduce(HALF, terms(0, 0))))
      .to.emit(f.wageSchedule, "WageEpochStarted")
      .withArgs(2, 1, 2n * ONE, (3n * ONE) / 2n, 0, 0, PLAIN.productivityRange);
    await at(R + 4n * HOUR, () => f.payroll.connect(f.alice).clockOut(alice));
    expect((await f.payroll.employment(alice)).accrued).to.equal(before + 4n * 150n * ONE);
  });

  it("delay 1 h, decay 0: a step down after the delay", async () => {
    await at(R, () => reduce(HALF, terms(HOUR, 0)));
    await at(R + 3n * HOUR, () => f.payroll.connect(f.alice).clockOut(alice));
    expect((await f.payroll.employment(alice)).accrued).to.equal(before + 200n * ONE + 2n * 150n * ONE);
  });

  it("an industry need reduction reaches existing workers through the same delay and decay", async () => {
    await f.wageSchedule.addIndustry(ONE);
    await f.wageSchedule.addOccupation({ ...PLAIN, industryId: 2, industryWeight: ONE }); // occupation 3: 200/h
    const bob = await f.hire(f.bob.address, 3);
    const t = R + 10n * HOUR;
    await at(t - HOUR, () => f.payroll.connect(f.bob).clockIn(bob));
    await at(t, () => f.wageSchedule.changeIndustryNeed(2, 0n, terms(0, 2n * HOUR)));
    await at(t + 2n * HOUR, () => f.payroll.connect(f.bob).clockOut(bob));
    // 1 h at 200, then 2 h falling 200→100 (avg 150)
    expect((await f.payroll.employment(bob)).accrued).to.equal(200n * ONE + 300n * ONE);
    expect(await f.payroll.wageOf(bob)).to.equal(100n * ONE);
  });

  it("without custom terms the regional defaults apply (30 days' delay, 90 days' decay)", async () => {
    await expect(at(R, () => reduce(HALF, DEFAULT_TERMS)))
      .to.emit(f.wageSchedule, "WageEpochStarted")
      .withArgs(2, 1, 2n * ONE, (3n * ONE) / 2n, 30n * DAY, 90n * DAY, PLAIN.productivityRange);
    await at(R + 4n * HOUR, () => f.payroll.connect(f.alice).clockOut(alice));
    expect((await f.payroll.employment(alice)).accrued).to.equal(before + 4n * 200n * ONE);
    await time.setNextBlockTimestamp(R + 75n * DAY);
    await networkHelpers.mine();
    expect(await f.payroll.wageOf(alice)).to.equal(175n * ONE); // 30 d delay + 45 of 90 d decay
  });

  it("a second reduction mid-decay starts from the wage as decayed; a mid-decay hire is not raised by it", async () => {
    await at(R, () => reduce(HALF, terms(HOUR, 2n * HOUR)));
    const bob = await at(R + 10n, () => f.hire(f.bob.address, 2)); // hired on 150
    await at(R + HOUR, () => f.payroll.connect(f.bob).clockIn(bob));
    await expect(at(R + 2n * HOUR, () => reduce(0n, terms(0, 3n * HOUR))))
      .to.emit(f.wageSchedule, "WageEpochStarted")
      .withArgs(2, 2, (7n * ONE) / 4n, ONE, 0, 3n * 3600n, PLAIN.productivityRange);
    await at(R + 6n * HOUR, () => f.payroll.connect(f.alice).clockOut(alice));
    await at(R + 6n * HOUR + 1n, () => f.payroll.connect(f.bob).clockOut(bob));
    // alice: 1 h at 200, 1 h 200→175 (187.5), 3 h 175→100 (412.5), 1 h... minus: ends at 6 h: 100
    expect((await f.payroll.employment(alice)).accrued).to.equal(before + 900n * ONE);
    // bob: 1 h at 150, 3 h 150→100 (375), 1 h at 100, 1 s at 100
    expect((await f.payroll.employment(bob)).accrued).to.equal(625n * ONE + (100n * ONE) / 3600n);
    // A raise applies at once to everyone.
    await at(R + 7n * HOUR, () => reduce(ONE, terms(HOUR, HOUR)));
    expect(await f.payroll.wageOf(alice)).to.equal(200n * ONE);
    expect(await f.payroll.wageOf(bob)).to.equal(200n * ONE);
  });

  it("agrees to the wei with the SDK's settle over an irregular history", async () => {
    await at(R - 50n, () => f.asCompany("setProductivity", [alice, (ONE * 73n) / 100n]));
    await at(R, () => reduce((ONE * 37n) / 100n, terms(1234n, 98_765n)));
    await at(R + 5000n, () =>
      f.wageSchedule.changeOccupation(2, { ...DOCTOR, need: ONE / 3n, stress: ONE / 7n }, terms(77n, 4321n)),
    );
    await at(R + 7777n, () =>
      f.wageSchedule.changeOccupation(
        2,
        { ...DOCTOR, need: ONE / 9n, productivityRange: ONE / 3n },
        terms(0n, 11_111n),
      ),
    );
    const stored = await f.payroll.employment(alice);
    const epochs: WageEpoch[] = (await f.wageSchedule.epochsSince(2, stored.epoch)).map((e) => ({
      changedAt: BigInt(e.changedAt),
      delay: BigInt(e.delay),
      decay: BigInt(e.decay),
      toIndex: BigInt(e.toIndex),
      productivityRange: BigInt(e.productivityRange),
    }));
    const end = R + 30_001n;
    const expected = settle(
      epochs,
      {
        fromIndex: BigInt(stored.fromIndex),
        onShift: true,
        settledAt: BigInt(stored.settledAt),
        startingWage: 100n * ONE,
        productivity: (ONE * 73n) / 100n,
      },
      end,
    );
    await at(end, () => f.payroll.connect(f.alice).clockOut(alice));
    const after = await f.payroll.employment(alice);
    expect(after.accrued - stored.accrued).to.equal(expected.amount);
    expect(after.fromIndex).to.equal(expected.fromIndex);
    expect(after.epoch).to.equal(stored.epoch + expected.epochsWalked);
    expect(await f.payroll.wageOf(alice)).to.equal(expected.hourlyWage);
    expect(expected.amount).to.be.greaterThan(0n);
  });
});
