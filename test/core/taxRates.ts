import { expect } from "chai";
import { deployFundedRegion, MEMBER_FUNDS } from "../helpers/funded.ts";
import { Action, ethers, Kind, networkHelpers, ONE } from "../helpers/region.ts";

const PARAM = { SalesTaxRate: 0, IncomeTaxRate: 1, ProfitAtRestRate: 3 } as const;
const REF = `0x${"ab".repeat(32)}`;

async function setup() {
  const r = await deployFundedRegion();
  const payer = await ethers.deployContract("TestModule", [await r.rsc.getAddress()]);
  const mask = (1 << Action.indexOf("Purchase")) | (1 << Action.indexOf("SalesTax"));
  await r.rsc.registerModule(await payer.getAddress(), Kind.indexOf("Module"), mask);
  const treasury = await ethers.deployContract("TestTreasury", [r.signers[12].address]);
  const company = { address: await treasury.getAddress() };
  await r.registry.registerCompany(company.address, Kind.indexOf("Company"), 1, "Acme");
  return { ...r, payer, company };
}

describe("RSC: cached tax rates and moveWithTax", () => {
  it("the token's tax-rate cache equals RegionParameters after deployment and after every change", async () => {
    const r = await networkHelpers.loadFixture(setup);
    const sales = await r.regionParameters.get(PARAM.SalesTaxRate);
    const income = await r.regionParameters.get(PARAM.IncomeTaxRate);
    expect(await r.rsc.taxRates()).to.deep.equal([sales, income]);
    expect(await r.rsc.regionParameters()).to.equal(await r.regionParameters.getAddress());
    expect(await r.regionParameters.taxRateCache()).to.equal(await r.rsc.getAddress());
    await expect(r.regionParameters.setParameter(PARAM.SalesTaxRate, ONE / 10n))
      .to.emit(r.rsc, "TaxRatesSynced")
      .withArgs(ONE / 10n, income);
    await r.regionParameters.setParameters([PARAM.IncomeTaxRate], [ONE / 4n]);
    expect(await r.rsc.taxRates()).to.deep.equal([ONE / 10n, ONE / 4n]);
    // Another parameter does not touch the cache.
    await expect(r.regionParameters.setParameter(PARAM.ProfitAtRestRate, ONE / 100n)).not.to.emit(
      r.rsc,
      "TaxRatesSynced",
    );
  });

  it("anyone may resync (it only copies RegionParameters); a zero parameters address is refused", async () => {
    const r = await networkHelpers.loadFixture(setup);
    await expect(r.rsc.connect(r.alice).syncTaxRates()).to.emit(r.rsc, "TaxRatesSynced");
    await expect(r.rsc.setRegionParameters(ethers.ZeroAddress)).to.be.revertedWithCustomError(r.rsc, "RSCZeroAddress");
  });

  it("moveWithTax debits once and emits the same events as two moves, action first", async () => {
    const r = await networkHelpers.loadFixture(setup);
    const pool = await r.capitalPool.getAddress();
    const supply = await r.rsc.totalSupply();
    const poolBefore = await r.rsc.balanceOf(pool);
    const tx = r.payer.moveWithTax(
      Action.indexOf("Purchase"),
      Action.indexOf("SalesTax"),
      r.alice.address,
      r.company.address,
      10n * ONE,
      pool,
      ONE,
      REF,
    );
    const receipt = await (await tx).wait();
    const names = receipt!.logs
      .map((l: { topics: readonly string[]; data: string }) => r.rsc.interface.parseLog(l)?.name)
      .filter((n: string | undefined) => n !== undefined);
    expect(names).to.deep.equal(["Transfer", "ActionPerformed", "Transfer", "ActionPerformed"]);
    await expect(tx)
      .to.emit(r.rsc, "ActionPerformed")
      .withArgs(Action.indexOf("Purchase"), r.alice.address, r.company.address, 10n * ONE, REF);
    await expect(tx)
      .to.emit(r.rsc, "ActionPerformed")
      .withArgs(Action.indexOf("SalesTax"), r.alice.address, pool, ONE, REF);
    expect(await r.rsc.balanceOf(r.alice.address)).to.equal(MEMBER_FUNDS - 11n * ONE);
    expect(await r.rsc.balanceOf(r.company.address)).to.equal(10n * ONE);
    expect(await r.rsc.balanceOf(pool)).to.equal(poolBefore + ONE);
    expect(await r.rsc.totalSupply()).to.equal(supply);
  });

  it("moveWithTax refuses what either move would refuse, and moves nothing", async () => {
    const r = await networkHelpers.loadFixture(setup);
    const pool = await r.capitalPool.getAddress();
    const P = Action.indexOf("Purchase");
    const S = Action.indexOf("SalesTax");
    const W = Action.indexOf("Wage");
    // A tax action the module is not allowed.
    await expect(r.payer.moveWithTax(P, W, r.alice.address, r.company.address, ONE, pool, 1n, REF))
      .to.be.revertedWithCustomError(r.rsc, "RSCUnauthorizedModule")
      .withArgs(await r.payer.getAddress(), W);
    // A tax to a pair outside the rule (SalesTax to a person).
    await expect(r.payer.moveWithTax(P, S, r.alice.address, r.company.address, ONE, r.bob.address, 1n, REF))
      .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
      .withArgs(S, Kind.indexOf("Person"), Kind.indexOf("Person"));
    // More than the balance, counting the tax.
    await expect(r.payer.moveWithTax(P, S, r.alice.address, r.company.address, MEMBER_FUNDS, pool, 1n, REF))
      .to.be.revertedWithCustomError(r.rsc, "ERC20InsufficientBalance")
      .withArgs(r.alice.address, MEMBER_FUNDS, MEMBER_FUNDS + 1n);
    // No mint through it.
    await expect(
      r.payer.moveWithTax(P, S, ethers.ZeroAddress, r.company.address, ONE, pool, 1n, REF),
    ).to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed");
    expect(await r.rsc.balanceOf(r.alice.address)).to.equal(MEMBER_FUNDS);
  });
});
