import { expect } from "chai";
import { ethers } from "../helpers/region.ts";
import { monthOf, monthStart } from "./fixture.ts";

describe("CalendarMonth", () => {
  it("agrees with the UTC calendar on every month boundary 1970–2199 and on random instants", async () => {
    const harness = await (await ethers.getContractFactory("CalendarMonthHarness")).deploy();
    const instants: number[] = [];
    for (let m = 1970 * 12; m < 2200 * 12; ++m) instants.push(monthStart(m), monthStart(m) - 1, monthStart(m) + 86_399);
    let seed = 12345;
    for (let i = 0; i < 2000; ++i) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      instants.push(Math.floor((seed / 2 ** 31) * 7_258_118_400)); // up to 2200-01-01
    }
    const valid = instants.filter((t) => t >= 0);
    const expected = valid.map((t) => monthOf(t));
    const got: number[] = [];
    for (let i = 0; i < valid.length; i += 1000) {
      got.push(...(await harness.monthsOf(valid.slice(i, i + 1000))).map(Number));
    }
    expect(got).to.deep.equal(expected);
    expect(await harness.monthOf(Date.UTC(2026, 10, 30, 23, 59, 59) / 1000)).to.equal(2026 * 12 + 10);
  });
});
