import { expect } from "chai";
import { Param, Unit } from "../../sdk/src/generated/enums.ts";
import { DEFAULT_PARAMETER_VALUES, DEFAULT_PARAMETERS } from "../../sdk/src/governance/defaults.ts";
import { deployRegion, ethers, networkHelpers, ONE } from "../helpers/region.ts";

const p = (param: Param) => Param.indexOf(param);
const u = (unit: Unit) => BigInt(Unit.indexOf(unit));
const DAY = 86_400n;
const YEAR = 365n * DAY;

/** The bounds written out from the seed's parameter list and RegionParameters' documentation. */
const BOUNDS: Record<Param, [bigint, bigint, Unit]> = {
  SalesTaxRate: [0n, ONE, "Fraction"],
  IncomeTaxRate: [0n, ONE, "Fraction"],
  ProfitAtRestDelay: [DAY, 10n * YEAR, "Seconds"],
  ProfitAtRestRate: [0n, ONE, "Fraction"],
  RegionalProfitAtRestDelay: [DAY, 10n * YEAR, "Seconds"],
  RegionalProfitAtRestRate: [0n, ONE, "Fraction"],
  ProductivityMin: [0n, ONE, "Fraction"],
  ProductivityMax: [0n, ONE, "Fraction"],
  WageReductionDelay: [0n, 10n * YEAR, "Seconds"],
  WageReductionDecay: [0n, 10n * YEAR, "Seconds"],
  HealthcareSubsidy: [0n, ONE, "Fraction"],
  HigherEducationSubsidy: [0n, ONE, "Fraction"],
  HigherEducationPriorityYears: [0n, 50n, "Count"],
  ApartmentAboveCost: [0n, ONE, "Fraction"],
  HouseRentalAboveCost: [0n, ONE, "Fraction"],
  UbiAmount: [0n, 1_000_000n * ONE, "RscWei"],
  UbiPeriod: [DAY, 366n * DAY, "Seconds"],
  ExchangeRate: [ONE / 100n, 100n * ONE, "Fraction"],
  StartingWage: [ONE / 100n, 10_000n * ONE, "RscWei"],
};

/** (oldValue, newValue) of every ParameterChanged of `param`, in order: the parameter's history. */
async function changesOf(
  regionParameters: Awaited<ReturnType<typeof deployRegion>>["regionParameters"],
  param: number,
) {
  const events = await regionParameters.queryFilter(regionParameters.filters.ParameterChanged(param));
  return events.map((e) => [e.args.oldValue, e.args.newValue]);
}

async function deployParameters(values: readonly bigint[]) {
  const [admin] = await ethers.getSigners();
  const impl = await ethers.deployContract("RegionParameters");
  const init = impl.interface.encodeFunctionData("initialize", [admin.address, values]);
  return ethers.getContractFactory("ERC1967Proxy").then((f) => f.deploy(impl, init));
}

describe("RegionParameters", () => {
  it("starts at the deployed values, each with one ParameterChanged from 0", async () => {
    const r = await networkHelpers.loadFixture(deployRegion);
    for (const param of Param) {
      expect(await r.regionParameters.get(p(param))).to.equal(DEFAULT_PARAMETERS[param], param);
      expect(await changesOf(r.regionParameters, p(param))).to.deep.equal([[0n, DEFAULT_PARAMETERS[param]]]);
    }
    expect(await r.regionParameters.salesTaxRate()).to.equal(DEFAULT_PARAMETERS.SalesTaxRate);
    expect(await r.regionParameters.incomeTaxRate()).to.equal(DEFAULT_PARAMETERS.IncomeTaxRate);
    expect(await r.regionParameters.ubiAmount()).to.equal(DEFAULT_PARAMETERS.UbiAmount);
    expect(await r.regionParameters.ubiPeriod()).to.equal(DEFAULT_PARAMETERS.UbiPeriod);
    expect(await r.regionParameters.exchangeRate()).to.equal(DEFAULT_PARAMETERS.ExchangeRate);
    expect(await r.regionParameters.startingWage()).to.equal(DEFAULT_PARAMETERS.StartingWage);
  });

  it("reports each parameter's bounds and unit", async () => {
    const r = await networkHelpers.loadFixture(deployRegion);
    for (const param of Param) {
      const [min, max, unit] = BOUNDS[param];
      expect(await r.regionParameters.boundsOf(p(param))).to.deep.equal([min, max, u(unit)], param);
    }
  });

  it("accepts both bounds of every parameter and records the change", async () => {
    const r = await networkHelpers.loadFixture(deployRegion);
    for (const param of Param) {
      const [min, max] = BOUNDS[param];
      if (param === "ProductivityMin") continue; // checked against ProductivityMax below
      const old = await r.regionParameters.get(p(param));
      await expect(r.regionParameters.setParameter(p(param), max))
        .to.emit(r.regionParameters, "ParameterChanged")
        .withArgs(p(param), old, max);
      await r.regionParameters.setParameter(p(param), min);
      expect(await r.regionParameters.get(p(param))).to.equal(min);
      expect(await changesOf(r.regionParameters, p(param))).to.have.length(3);
    }
  });

  it("refuses every value outside the bounds, naming the bound, and changes nothing", async () => {
    const r = await networkHelpers.loadFixture(deployRegion);
    for (const param of Param) {
      const [min, max] = BOUNDS[param];
      const bad = min > 0n ? [min - 1n, max + 1n] : [max + 1n, ethers.MaxUint256];
      for (const value of bad) {
        await expect(r.regionParameters.setParameter(p(param), value))
          .to.be.revertedWithCustomError(r.regionParameters, "RegionParametersOutOfBounds")
          .withArgs(p(param), value, min, max);
        await expect(r.regionParameters.checkValues([p(param)], [value]))
          .to.be.revertedWithCustomError(r.regionParameters, "RegionParametersOutOfBounds")
          .withArgs(p(param), value, min, max);
      }
      expect(await r.regionParameters.get(p(param))).to.equal(DEFAULT_PARAMETERS[param]);
      expect(await changesOf(r.regionParameters, p(param))).to.have.length(1);
    }
  });

  it("refuses a productivity minimum above the maximum, alone or in a batch", async () => {
    const r = await networkHelpers.loadFixture(deployRegion);
    const min = p("ProductivityMin");
    const max = p("ProductivityMax");
    await r.regionParameters.setParameters([min, max], [(ONE * 5n) / 10n, (ONE * 15n) / 100n + ONE / 2n]);
    await expect(r.regionParameters.setParameter(min, (ONE * 7n) / 10n))
      .to.be.revertedWithCustomError(r.regionParameters, "RegionParametersOutOfBounds")
      .withArgs(min, (ONE * 7n) / 10n, 0n, (ONE * 65n) / 100n);
    await expect(r.regionParameters.setParameter(max, (ONE * 4n) / 10n))
      .to.be.revertedWithCustomError(r.regionParameters, "RegionParametersOutOfBounds")
      .withArgs(min, ONE / 2n, 0n, (ONE * 4n) / 10n);
    await expect(r.regionParameters.setParameters([max, min], [ONE / 10n, ONE / 5n]))
      .to.be.revertedWithCustomError(r.regionParameters, "RegionParametersOutOfBounds")
      .withArgs(min, ONE / 5n, 0n, ONE / 10n);
    await expect(r.regionParameters.checkValues([max], [ONE / 10n]))
      .to.be.revertedWithCustomError(r.regionParameters, "RegionParametersOutOfBounds")
      .withArgs(min, ONE / 2n, 0n, ONE / 10n);
    // moving both together is fine, in either order
    await r.regionParameters.checkValues([max, min], [ONE / 10n, ONE / 20n]);
    await r.regionParameters.setParameters([max, min], [ONE / 10n, ONE / 20n]);
    expect(await r.regionParameters.get(min)).to.equal(ONE / 20n);
    expect(await r.regionParameters.get(max)).to.equal(ONE / 10n);
  });

  it("applies a batch atomically and refuses mismatched or empty lists", async () => {
    const r = await networkHelpers.loadFixture(deployRegion);
    const sales = p("SalesTaxRate");
    const period = p("UbiPeriod");
    await expect(r.regionParameters.setParameters([sales, period], [ONE / 10n, 1n]))
      .to.be.revertedWithCustomError(r.regionParameters, "RegionParametersOutOfBounds")
      .withArgs(period, 1n, DAY, 366n * DAY);
    expect(await r.regionParameters.get(sales)).to.equal(DEFAULT_PARAMETERS.SalesTaxRate);
    expect(await changesOf(r.regionParameters, sales)).to.have.length(1);
    await expect(r.regionParameters.setParameters([sales], [1n, 2n]))
      .to.be.revertedWithCustomError(r.regionParameters, "RegionParametersLengthMismatch")
      .withArgs(1n, 2n);
    await expect(r.regionParameters.setParameters([], []))
      .to.be.revertedWithCustomError(r.regionParameters, "RegionParametersLengthMismatch")
      .withArgs(0n, 0n);
    await expect(r.regionParameters.checkValues([sales, period], [1n]))
      .to.be.revertedWithCustomError(r.regionParameters, "RegionParametersLengthMismatch")
      .withArgs(2n, 1n);
    await expect(r.regionParameters.setParameters([sales, period], [ONE / 10n, 7n * DAY]))
      .to.emit(r.regionParameters, "ParameterChanged")
      .withArgs(sales, DEFAULT_PARAMETERS.SalesTaxRate, ONE / 10n)
      .and.to.emit(r.regionParameters, "ParameterChanged")
      .withArgs(period, DEFAULT_PARAMETERS.UbiPeriod, 7n * DAY);
  });

  it("keeps the history in events: each change with its old value, in order, two in a block included", async () => {
    const r = await networkHelpers.loadFixture(deployRegion);
    const param = p("IncomeTaxRate");
    const initial = DEFAULT_PARAMETERS.IncomeTaxRate;
    await r.regionParameters.setParameter(param, ONE / 5n);
    // two changes in one transaction: the last one is in force
    await r.regionParameters.setParameters([param, param], [ONE / 4n, ONE / 3n]);
    expect(await changesOf(r.regionParameters, param)).to.deep.equal([
      [0n, initial],
      [initial, ONE / 5n],
      [ONE / 5n, ONE / 4n],
      [ONE / 4n, ONE / 3n],
    ]);
    expect(await r.regionParameters.get(param)).to.equal(ONE / 3n);
  });

  it("tells a parameter's listener of every change in the same transaction, and only that parameter's", async () => {
    const r = await networkHelpers.loadFixture(deployRegion);
    const listener = await ethers.deployContract("TestParameterListener", [await r.regionParameters.getAddress()]);
    const ubi = p("UbiAmount");
    await expect(r.regionParameters.setListener(ubi, listener))
      .to.emit(r.regionParameters, "ListenerSet")
      .withArgs(ubi, await listener.getAddress());
    expect(await r.regionParameters.listenerOf(ubi)).to.equal(await listener.getAddress());
    await expect(r.regionParameters.setParameter(ubi, 7n * ONE))
      .to.emit(listener, "Heard")
      .withArgs(ubi, 7n * ONE);
    await expect(r.regionParameters.setParameters([p("UbiPeriod"), ubi], [2n * DAY, 9n * ONE]))
      .to.emit(listener, "Heard")
      .withArgs(ubi, 9n * ONE);
    expect(await listener.heard()).to.equal(2n);
    // a listener that refuses makes the whole change fail: no copy can go stale
    await listener.setRefusing(true);
    await expect(r.regionParameters.setParameter(ubi, ONE)).to.be.revertedWithCustomError(listener, "Refused");
    expect(await r.regionParameters.get(ubi)).to.equal(9n * ONE);
    await r.regionParameters.setListener(ubi, ethers.ZeroAddress);
    await r.regionParameters.setParameter(ubi, ONE);
    expect(await listener.heard()).to.equal(2n);
  });

  it("lets only the governance executor set a listener", async () => {
    const r = await networkHelpers.loadFixture(deployRegion);
    const [, stranger] = await ethers.getSigners();
    await expect(r.regionParameters.connect(stranger).setListener(0, stranger.address))
      .to.be.revertedWithCustomError(r.regionParameters, "AccessControlUnauthorizedAccount")
      .withArgs(stranger.address, ethers.ZeroHash);
  });

  it("refuses initial values of the wrong count, out of bounds or with productivity min > max", async () => {
    const impl = await ethers.deployContract("RegionParameters");
    await expect(deployParameters(DEFAULT_PARAMETER_VALUES.slice(1)))
      .to.be.revertedWithCustomError(impl, "RegionParametersLengthMismatch")
      .withArgs(Param.length, Param.length - 1);
    const outOfBounds = [...DEFAULT_PARAMETER_VALUES];
    outOfBounds[p("ExchangeRate")] = 0n;
    await expect(deployParameters(outOfBounds))
      .to.be.revertedWithCustomError(impl, "RegionParametersOutOfBounds")
      .withArgs(p("ExchangeRate"), 0n, ONE / 100n, 100n * ONE);
    const inverted = [...DEFAULT_PARAMETER_VALUES];
    inverted[p("ProductivityMin")] = ONE;
    inverted[p("ProductivityMax")] = ONE / 2n;
    await expect(deployParameters(inverted))
      .to.be.revertedWithCustomError(impl, "RegionParametersOutOfBounds")
      .withArgs(p("ProductivityMin"), ONE, 0n, ONE / 2n);
    await deployParameters(DEFAULT_PARAMETER_VALUES);
  });
});
