import { expect } from "chai";
import { formatRsc, MAX_RSC_WEI, parseRsc } from "../../sdk/src/core/amount.ts";
import { ConductorInputError } from "../../sdk/src/errors.ts";

const ONE = 10n ** 18n;

describe("sdk amount: parseRsc / formatRsc", () => {
  it("parses decimal strings and passes wei through", () => {
    expect(parseRsc("12.50")).to.equal(12n * ONE + ONE / 2n);
    expect(parseRsc("3")).to.equal(3n * ONE);
    expect(parseRsc(".5")).to.equal(ONE / 2n);
    expect(parseRsc(" 7. ")).to.equal(7n * ONE);
    expect(parseRsc("0.000000000000000001")).to.equal(1n);
    expect(parseRsc(42n)).to.equal(42n);
    expect(parseRsc("0", { allowZero: true })).to.equal(0n);
  });

  const refused: [string | bigint, RegExp][] = [
    ["-1", /must not be negative \(got -1\.00\)/],
    [-5n, /must not be negative/],
    ["1.0000000000000000001", /has 19 decimals; RSC has at most 18/],
    ["0", /must be more than zero/],
    ["0.000", /must be more than zero/],
    ["abc", /"abc" is not an amount/],
    ["1e18", /is not an amount/],
    ["", /is not an amount/],
    [".", /is not an amount/],
    [MAX_RSC_WEI + 1n, /larger than any RSC balance/],
  ];
  for (const [input, message] of refused) {
    it(`refuses ${JSON.stringify(String(input))}`, () => {
      let caught: unknown;
      try {
        parseRsc(input);
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(ConductorInputError);
      expect((caught as Error).message).to.match(message);
    });
  }

  it("formats with at least two decimals", () => {
    expect(formatRsc(12n * ONE + ONE / 2n)).to.equal("12.50");
    expect(formatRsc(0n)).to.equal("0.00");
    expect(formatRsc(1n)).to.equal("0.000000000000000001");
    expect(formatRsc(-3n * ONE)).to.equal("-3.00");
    expect(formatRsc(1234n * ONE + 5n * 10n ** 15n)).to.equal("1234.005");
  });

  it("round-trips", () => {
    for (const s of ["0.01", "1.5", "1000000.123456789012345678"])
      expect(formatRsc(parseRsc(s)).replace(/0+$/, "")).to.equal(s.replace(/0+$/, ""));
  });
});
