import { expect } from "chai";
import { networkHelpers } from "../helpers/region.ts";
import { deployServices, type ServicesFixture, UnitType } from "./fixture.ts";

const ZERO = "0x0000000000000000000000000000000000000000";

/** A small deterministic PRNG (mulberry32), so a failing sequence can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) as number;
  };
}

const SEEDS = [1, 2, 3];
const STEPS = 40;

describe("Wait-lists against a reference model (random sequences)", () => {
  let f: ServicesFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployServices);
  });

  for (const seed of SEEDS) {
    it(`housing: join/leave/assign/move-out keep FIFO order per building and type (seed ${seed})`, async () => {
      const rand = rng(seed);
      const asHousing = (fn: string, args: readonly unknown[]) => f.asCompany(f.housingCo, f.housing, fn, args);
      await asHousing("addBuilding", ["A"]);
      // units 1, 2: apartments; unit 3: house
      const units = [UnitType.Apartment, UnitType.Apartment, UnitType.House];
      for (const t of units) await asHousing("addUnit", [1, t, 40]);
      // the model: one list per type, one tenant per unit
      const lists: string[][] = [[], [], []];
      const tenants: string[] = [ZERO, ZERO, ZERO];
      let refused = 0;
      for (let step = 0; step < STEPS; ++step) {
        const op = rand(4);
        if (op === 0) {
          const m = f.members[rand(f.members.length)];
          const t = rand(2) === 0 ? UnitType.Apartment : UnitType.House;
          if (lists[t].includes(m.address)) {
            await expect(f.housing.connect(m).joinWaitList(1, t)).to.be.revertedWithCustomError(
              f.housing,
              "HousingAlreadyWaiting",
            );
            refused++;
          } else {
            await f.housing.connect(m).joinWaitList(1, t);
            lists[t].push(m.address);
          }
        } else if (op === 1) {
          const m = f.members[rand(f.members.length)];
          const t = rand(2) === 0 ? UnitType.Apartment : UnitType.House;
          if (lists[t].includes(m.address)) {
            await f.housing.connect(m).leaveWaitList(1, t);
            lists[t].splice(lists[t].indexOf(m.address), 1);
          } else {
            await expect(f.housing.connect(m).leaveWaitList(1, t)).to.be.revertedWithCustomError(
              f.housing,
              "HousingNotWaiting",
            );
            refused++;
          }
        } else if (op === 2) {
          const u = rand(3);
          const t = units[u];
          if (tenants[u] !== ZERO) {
            await expect(asHousing("assignNext", [u + 1])).to.be.revertedWithCustomError(
              f.housing,
              "HousingUnitOccupied",
            );
          } else if (lists[t].length === 0) {
            await expect(asHousing("assignNext", [u + 1])).to.be.revertedWithCustomError(
              f.housing,
              "HousingWaitListEmpty",
            );
          } else {
            await asHousing("assignNext", [u + 1]);
            tenants[u] = lists[t].shift() as string;
          }
        } else {
          const u = rand(3);
          if (tenants[u] === ZERO) {
            await expect(asHousing("moveOut", [u + 1])).to.be.revertedWithCustomError(f.housing, "HousingUnitVacant");
          } else {
            await asHousing("moveOut", [u + 1]);
            tenants[u] = ZERO;
          }
        }
        expect(await f.housing.waitList(1, UnitType.Apartment)).to.deep.equal(lists[UnitType.Apartment]);
        expect(await f.housing.waitList(1, UnitType.House)).to.deep.equal(lists[UnitType.House]);
        for (let u = 0; u < 3; ++u) expect((await f.housing.unit(u + 1)).tenant).to.equal(tenants[u]);
      }
      expect(refused).to.be.lessThan(STEPS);
    });

    it(`education: priority class first, FIFO within each class (seed ${seed})`, async () => {
      const rand = rng(seed * 7919);
      const college = f.college;
      await f.asCompany(college, f.education, "openProgramme", ["Welding", 1000, 0]);
      // model: two queues, the enrolled set, who has ever been enrolled (no time passes, so a
      // student who was ever enrolled is never priority again within this sequence: N = 5 years)
      const priority: string[] = [];
      const regular: string[] = [];
      const enrolled = new Set<string>();
      const ever = new Set<string>();
      for (let step = 0; step < STEPS; ++step) {
        const op = rand(4);
        const m = f.members[rand(f.members.length)];
        const waiting = priority.includes(m.address) || regular.includes(m.address);
        if (op === 0) {
          if (waiting || enrolled.has(m.address)) {
            await expect(f.education.connect(m).applyTo(1)).to.be.revertedWithCustomError(
              f.education,
              waiting ? "EducationAlreadyApplied" : "EducationAlreadyEnrolled",
            );
          } else {
            await f.education.connect(m).applyTo(1);
            (ever.has(m.address) ? regular : priority).push(m.address);
          }
        } else if (op === 1) {
          if (!waiting) {
            await expect(f.education.connect(m).withdrawApplication(1)).to.be.revertedWithCustomError(
              f.education,
              "EducationNotApplied",
            );
          } else {
            await f.education.connect(m).withdrawApplication(1);
            const q = priority.includes(m.address) ? priority : regular;
            q.splice(q.indexOf(m.address), 1);
          }
        } else if (op === 2) {
          if (priority.length + regular.length === 0) {
            await expect(f.asCompany(college, f.education, "admitNext", [1])).to.be.revertedWithCustomError(
              f.education,
              "EducationWaitListEmpty",
            );
          } else {
            await f.asCompany(college, f.education, "admitNext", [1]);
            const next = (priority.length > 0 ? priority.shift() : regular.shift()) as string;
            enrolled.add(next);
            ever.add(next);
          }
        } else if (enrolled.has(m.address)) {
          await f.education.connect(m).endEnrolment(1, m.address);
          enrolled.delete(m.address);
        } else {
          await expect(f.education.connect(m).endEnrolment(1, m.address)).to.be.revertedWithCustomError(
            f.education,
            "EducationNotEnrolled",
          );
        }
        const [p, r] = await f.education.waitLists(1);
        expect(p).to.deep.equal(priority);
        expect(r).to.deep.equal(regular);
        for (const member of f.members) {
          expect(await f.education.isEnrolled(1, member.address)).to.equal(enrolled.has(member.address));
        }
      }
    });
  }
});
