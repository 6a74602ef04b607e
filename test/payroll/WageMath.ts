import { expect } from "chai";
import {
  baseWage,
  decayedIndex,
  earned,
  finalWage,
  ONE,
  WageFractionOutOfRangeError,
  wageFormula,
  wageIndex,
} from "../../sdk/src/payroll/wage.ts";
import { ethers, networkHelpers } from "../helpers/region.ts";

async function deployHarness() {
  return (await ethers.getContractFactory("WageMathHarness")).deploy();
}

/** A deterministic pseudo-random bigint in [0, bound] (xorshift; the seed makes failures reproducible). */
function rng(seed: bigint) {
  let x = seed;
  return (bound: bigint) => {
    x ^= (x << 13n) & 0xffffffffffffffffn;
    x ^= x >> 7n;
    x ^= (x << 17n) & 0xffffffffffffffffn;
    const wide = (x << 64n) | ((x * 0x9e3779b97f4a7c15n) % (1n << 64n));
    return wide % (bound + 1n);
  };
}

describe("WageMath (Solidity) and sdk/src/payroll/wage.ts", () => {
  describe("the seed's worked numbers", () => {
    const base = 100n * ONE;
    const range = (ONE * 2n) / 10n;
    it("productivity 0.5 earns the base", async () => {
      const h = await networkHelpers.loadFixture(deployHarness);
      expect(finalWage(base, ONE / 2n, range)).to.equal(base);
      expect(await h.finalWage(base, ONE / 2n, range)).to.equal(base);
    });
    it("range 0.2 and base 100/h gives 80 at productivity 0 and 120 at 1", async () => {
      const h = await networkHelpers.loadFixture(deployHarness);
      expect(finalWage(base, 0n, range)).to.equal(80n * ONE);
      expect(finalWage(base, ONE, range)).to.equal(120n * ONE);
      expect(await h.finalWage(base, 0n, range)).to.equal(80n * ONE);
      expect(await h.finalWage(base, ONE, range)).to.equal(120n * ONE);
    });
    it("every factor at 1 multiplies the starting wage by 32", async () => {
      const h = await networkHelpers.loadFixture(deployHarness);
      const all = { industryNeed: ONE, industryWeight: ONE, skill: ONE, need: ONE, stress: ONE, danger: ONE };
      expect(wageIndex(all)).to.equal(32n * ONE);
      expect(await h.wageIndex(ONE, ONE, ONE, ONE, ONE, ONE)).to.equal(32n * ONE);
      expect(baseWage(20n * ONE, 32n * ONE)).to.equal(640n * ONE);
    });
    it("a worked schedule: starting 20/h, need 0.5×weight 0.4, skill 0.3, need 0.2, stress 0.1, danger 0", () => {
      const w = wageFormula({
        startingWage: 20n * ONE,
        industryNeed: ONE / 2n,
        industryWeight: (ONE * 4n) / 10n,
        skill: (ONE * 3n) / 10n,
        need: (ONE * 2n) / 10n,
        stress: ONE / 10n,
        danger: 0n,
        productivity: (ONE * 3n) / 4n,
        productivityRange: ONE / 10n,
      });
      // 1.2 × 1.3 × 1.2 × 1.1 = 2.0592; 20 × 2.0592 = 41.184; × (1 + 0.5 × 0.1) = 43.2432
      expect(w.index).to.equal(2_059_200_000_000_000_000n);
      expect(w.base).to.equal(41_184_000_000_000_000_000n);
      expect(w.final).to.equal(43_243_200_000_000_000_000n);
    });
    it("the SDK refuses a fraction above 1 with a typed error", () => {
      expect(() => finalWage(ONE, ONE + 1n, 0n)).to.throw(WageFractionOutOfRangeError, "productivity");
    });
  });

  it("agrees with Solidity to the wei over 1,200 random schedules", async () => {
    const h = await networkHelpers.loadFixture(deployHarness);
    const next = rng(0x5eed_2026n);
    const rows: bigint[][] = [];
    for (let i = 0; i < 1200; i++) {
      // Mix round and arbitrary values; the edges 0 and 1e18 come up through `% (ONE + 1)`.
      const fraction = () => (i % 7 === 0 ? [0n, ONE, ONE / 2n][Number(next(2n))] : next(ONE));
      const startingWage = ONE / 100n + next(10_000n * ONE - ONE / 100n);
      rows.push([
        startingWage,
        fraction(),
        fraction(),
        fraction(),
        fraction(),
        fraction(),
        fraction(),
        fraction(),
        fraction(),
      ]);
    }
    let checked = 0;
    for (let start = 0; start < rows.length; start += 200) {
      const batch = rows.slice(start, start + 200);
      const onChain = await h.wages(batch);
      batch.forEach((x, j) => {
        const w = wageFormula({
          startingWage: x[0],
          industryNeed: x[1],
          industryWeight: x[2],
          skill: x[3],
          need: x[4],
          stress: x[5],
          danger: x[6],
          productivityRange: x[7],
          productivity: x[8],
        });
        expect(onChain[j][0]).to.equal(w.base, `base of schedule ${start + j}`);
        expect(onChain[j][1]).to.equal(w.final, `final of schedule ${start + j}`);
        checked++;
      });
    }
    expect(checked).to.equal(1200);
  });

  it("agrees with Solidity on decayed indices and earned pay over 300 random cases", async () => {
    const h = await networkHelpers.loadFixture(deployHarness);
    const next = rng(0xdeca7n);
    for (let i = 0; i < 300; i++) {
      const from = ONE + next(31n * ONE);
      const to = ONE + next(from - ONE);
      const start = next(1000n);
      const end = start + (i % 5 === 0 ? 0n : next(100_000n));
      const t = next(end + 1000n);
      expect(await h.decayedIndex(from, to, start, end, t)).to.equal(decayedIndex(from, to, start, end, t));
      const wageFrom = next(10_000n * ONE);
      const wageTo = next(wageFrom);
      const u = next(end + 500n);
      const v = u + next(200_000n);
      expect(await h.earned(wageFrom, wageTo, start, end, u, v)).to.equal(earned(wageFrom, wageTo, start, end, u, v));
    }
  });

  it("earned: an hour at 100/h is 100; a full linear decay from 100 to 80 over an hour is 90", () => {
    expect(earned(100n * ONE, 100n * ONE, 0n, 0n, 0n, 3600n)).to.equal(100n * ONE);
    expect(earned(100n * ONE, 80n * ONE, 0n, 3600n, 0n, 3600n)).to.equal(90n * ONE);
    expect(earned(100n * ONE, 80n * ONE, 3600n, 3600n, 0n, 7200n)).to.equal(180n * ONE);
  });
});
