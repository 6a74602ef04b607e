import { expect } from "chai";
import { incomeTax } from "../../sdk/src/payroll/wage.ts";
import { ethers, networkHelpers, ONE } from "../helpers/region.ts";
import { deployPayroll, HOUR, hiredId, PLAIN, terms } from "./fixture.ts";

const { time } = networkHelpers;

/** A deterministic pseudo-random integer in [0, n) (the seed makes a failure reproducible). */
function rng(seed: number) {
  let x = seed >>> 0;
  return (n: number) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

/**
 * Random sequences of payroll operations (shifts, withdrawals, productivity and wage changes,
 * reductions with delay/decay, an underfunded company topped up now and then). After every step,
 * for every employment: paid + debt == accrued, paid <= accrued, and every payment's tax is
 * ⌊gross × rate / 1e18⌋ with net = gross − tax, matching the RSC that moved.
 */
describe("payroll invariants (random operation sequences)", () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: paid + debt == accrued, paid <= accrued, tax == ⌊gross × rate⌋`, async () => {
      const f = await networkHelpers.loadFixture(deployPayroll);
      const next = rng(seed * 7919);
      const rate = await f.regionParameters.get(1 /* IncomeTaxRate */);
      // A second, thin company so that debts happen.
      const thin = await (await ethers.getContractFactory("TestTreasury")).deploy(f.dave.address);
      await f.registry.registerCompany(await thin.getAddress(), 2, 1, "Thin");
      await f.fund(await thin.getAddress(), 50n * ONE);
      await f.wageSchedule.addOccupation({ ...PLAIN, need: ONE, skill: ONE / 3n });
      const workers = [f.alice, f.bob, f.carol];
      const ids: bigint[] = [];
      for (const [i, w] of workers.entries()) {
        if (i === 2) {
          const hiring = await thin
            .connect(f.dave)
            .execute(
              await f.payroll.getAddress(),
              f.payroll.interface.encodeFunctionData("hire", [w.address, 2, ONE / 4n, 0]),
            );
          ids.push(hiredId(f.payroll, await hiring.wait()));
        } else {
          ids.push(await f.hire(w.address, 1 + i, BigInt(next(1000)) * 10n ** 15n));
        }
      }
      let payments = 0;
      for (let step = 0; step < 40; step++) {
        const k = next(ids.length);
        const id = ids[k];
        const worker = workers[k];
        const e = await f.payroll.employment(id);
        const op = next(6);
        await time.increase(1 + next(Number(2n * HOUR)));
        if (op === 0) {
          await (e.onShift ? f.payroll.connect(worker).clockOut(id) : f.payroll.connect(worker).clockIn(id));
        } else if (op === 1) {
          const paidBefore = (await f.payroll.employment(id)).paid;
          const tx = await f.payroll.connect(worker).withdraw(id);
          const receipt = await tx.wait();
          // The payment is the token's Wage (net) and IncomeTax (tax) actions with ref = the id.
          let net = 0n;
          let tax = 0n;
          for (const log of receipt!.logs) {
            const parsed = f.rsc.interface.parseLog(log);
            if (parsed?.name !== "ActionPerformed" || BigInt(parsed.args.ref) !== id) continue;
            if (parsed.args.action === 3n) net += parsed.args.amount;
            else if (parsed.args.action === 4n) tax += parsed.args.amount;
          }
          const gross = net + tax;
          expect(gross).to.equal((await f.payroll.employment(id)).paid - paidBefore);
          expect(tax).to.equal(incomeTax(gross, rate));
          if (gross !== 0n) payments++;
        } else if (op === 2 && k !== 2) {
          await f.asCompany("setProductivity", [id, BigInt(next(1001)) * 10n ** 15n]);
        } else if (op === 3) {
          const occupation = Number(e.occupationId);
          const params = { ...PLAIN, need: BigInt(next(1001)) * 10n ** 15n, skill: occupation === 2 ? ONE / 3n : 0n };
          await f.wageSchedule.changeOccupation(occupation, params, terms(next(3600), next(4 * 3600)));
        } else if (op === 4) {
          await f.payroll.settleBatch(ids);
        } else if (op === 5 && next(2) === 0) {
          await f.fund(await thin.getAddress(), BigInt(next(100)) * ONE);
        }
        for (const other of ids) {
          const s = await f.payroll.getPayroll(other);
          const stored = await f.payroll.employment(other);
          expect(s.paid + s.debt).to.equal(s.accrued, `employment ${other} at step ${step}`);
          expect(s.paid <= s.accrued).to.equal(true);
          expect(stored.paid <= stored.accrued).to.equal(true);
          expect(s.tax).to.equal(stored.taxWithheld);
        }
      }
      // Every RSC wei the workers hold came from payroll, net of tax; the pool holds exactly the tax.
      let taxes = 0n;
      for (const [k, id] of ids.entries()) {
        const s = await f.payroll.getPayroll(id);
        taxes += s.tax;
        expect(await f.rsc.balanceOf(workers[k].address)).to.equal(s.paid - s.tax);
      }
      expect(await f.rsc.balanceOf(await f.capitalPool.getAddress())).to.equal(taxes);
      expect(payments + Number(await f.payroll.employmentCount())).to.be.greaterThan(3);
    });
  }
});
