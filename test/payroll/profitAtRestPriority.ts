import { expect } from "chai";
import { Action, ethers, Kind, networkHelpers, ONE } from "../helpers/region.ts";
import { DAY, deployPayroll } from "./fixture.ts";

const PARAM = { ProfitAtRestDelay: 2, ProfitAtRestRate: 3, RegionalProfitAtRestRate: 5 } as const;

/**
 * The payroll fixture with the profit-at-rest collector set on the token, a 30-day delay and a 5 %
 * rate. The company's 10,000 RSC were a USD deposit (a lot of exempt money, 0); they leave and,
 * two days later, come back across the bridge, so the company holds one taxable lot of 10,000 RSC
 * (1), dated at setup.
 */
async function withLedger() {
  const f = await deployPayroll();
  const rsc = await f.rsc.getAddress();
  const params = await f.regionParameters.getAddress();
  const pool = await f.capitalPool.getAddress();
  const impl = await ethers.deployContract("ProfitAtRest", [rsc, params, pool]);
  const init = impl.interface.encodeFunctionData("initialize", [f.admin.address]);
  const proxy = await ethers.deployContract("ERC1967Proxy", [await impl.getAddress(), init]);
  const ledger = await ethers.getContractAt("ProfitAtRest", await proxy.getAddress());
  await f.rsc.registerModule(await ledger.getAddress(), Kind.indexOf("Module"), 1 << Action.indexOf("ProfitAtRestTax"));
  await f.rsc.setLotLedger(await ledger.getAddress());
  // The collector keeps the profit-at-rest rates: RegionParameters tells it of every change.
  for (const param of [PARAM.ProfitAtRestRate, PARAM.RegionalProfitAtRestRate]) {
    await f.regionParameters.setListener(param, await ledger.getAddress());
  }
  await f.regionParameters.setParameter(PARAM.ProfitAtRestDelay, 30n * DAY);
  await f.regionParameters.setParameter(PARAM.ProfitAtRestRate, ONE / 20n);
  const company = await f.treasury.getAddress();
  const bridge = await ethers.deployContract("TestModule", [rsc]);
  await f.rsc.registerModule(
    await bridge.getAddress(),
    Kind.indexOf("Module"),
    (1 << Action.indexOf("BridgeOut")) | (1 << Action.indexOf("BridgeIn")),
  );
  await bridge.move(Action.indexOf("BridgeOut"), company, ethers.ZeroAddress, 10_000n * ONE, ethers.ZeroHash);
  // Past the deposit lot's period (22.5 hours under the 30-day delay), so the money coming back
  // opens a lot of its own.
  await networkHelpers.time.increase(2n * DAY);
  await bridge.move(Action.indexOf("BridgeIn"), ethers.ZeroAddress, company, 10_000n * ONE, ethers.ZeroHash);
  return { ...f, ledger, company };
}

describe("Payroll and the profit-at-rest tax", () => {
  it("a company whose due lot's tax it cannot also pay still pays the wages it owes", async () => {
    const f = await networkHelpers.loadFixture(withLedger);
    expect((await f.ledger.bookOf(f.company)).lotCount).to.equal(2n);
    const id = await f.hire(f.alice.address);
    await f.payroll.connect(f.alice).clockIn(id);
    // 31 days on shift: far more is owed than the 10,000 RSC held; the lot (tax 500) is due.
    await networkHelpers.time.increase(31n * DAY);
    const owed = (await f.payroll.getPayroll(id)).debt;
    expect(owed > 10_000n * ONE).to.equal(true);
    // Before wages took precedence this reverted with ProfitAtRestTaxUnpaid(company, 500, 0).
    await expect(f.payroll.connect(f.alice).withdraw(id)).to.emit(f.rsc, "ActionPerformed");
    expect(await f.rsc.balanceOf(f.company)).to.equal(0n);
    const summary = await f.payroll.getPayroll(id);
    expect(summary.paid).to.equal(10_000n * ONE);
    expect(summary.paid + summary.debt).to.equal(summary.accrued);
    // The spent deposit lot was passed on the way; the taxable lot stayed uncollected, and
    // collecting it now finds it spent (on wages): no tax.
    expect((await f.ledger.bookOf(f.company)).cursor).to.equal(1n);
    await expect(f.ledger.collect(f.company, 1n))
      .to.emit(f.ledger, "ProfitAtRestCollected")
      .withArgs(f.company, 1n, 0n, 0n);
  });

  it("control: without the wages, the same due lot is taxed in full (5 % of 10,000)", async () => {
    const f = await networkHelpers.loadFixture(withLedger);
    await networkHelpers.time.increase(31n * DAY);
    expect((await f.ledger.bookOf(f.company)).cursor).to.equal(0n);
    const collect = f.ledger.collect(f.company, 2n);
    await expect(collect).to.emit(f.ledger, "ProfitAtRestCollected").withArgs(f.company, 0n, 0n, 0n);
    await expect(collect)
      .to.emit(f.ledger, "ProfitAtRestCollected")
      .withArgs(f.company, 1n, 10_000n * ONE, 500n * ONE);
  });
});
