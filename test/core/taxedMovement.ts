import { expect } from "chai";
import { Action, Param } from "../../sdk/src/generated/enums.ts";
import { deployKinds, type Kinds } from "../helpers/kinds.ts";
import { networkHelpers, ONE } from "../helpers/region.ts";

const a = (action: Action) => Action.indexOf(action);
const REF = `0x${"cd".repeat(32)}`;
const PRICE = 40n * ONE;
const SALES_TAX = ONE / 10n; // 10 %

/** A region whose sales tax is 10 %, so a purchase moves both a price and a tax. */
async function deployTaxed() {
  const r = await deployKinds();
  await r.regionParameters.setParameter(Param.indexOf("SalesTaxRate"), SALES_TAX);
  return r;
}

/** Every account the fixture funded, to check that the balances still sum to the supply. */
async function holdings(r: Kinds) {
  const accounts = [...Object.values(r.byKind).map((c) => c.address), r.person2.address];
  let sum = 0n;
  for (const account of new Set(accounts)) sum += await r.rsc.balanceOf(account);
  return sum;
}

// `moveTaxed` debits once and credits two sides from words it read before the debit; a side that
// is also the sender (or, for the tax, also the receiver) must be re-read, or a stale word would
// be written back and money created or lost. These cases try exactly that.
describe("a taxed movement whose sides coincide", () => {
  it("a company buying from itself pays only the tax; nothing is created or lost", async () => {
    const r = await networkHelpers.loadFixture(deployTaxed);
    const company = r.byKind.Company.address;
    const region = r.byKind.Region.address;
    const [companyBefore, regionBefore, supply] = await Promise.all([
      r.rsc.balanceOf(company),
      r.rsc.balanceOf(region),
      r.rsc.totalSupply(),
    ]);
    const tax = (PRICE * SALES_TAX) / ONE;
    await expect(r.testModule.moveTaxed(a("Purchase"), company, company, PRICE, region, REF))
      .to.emit(r.rsc, "ActionPerformed")
      .withArgs(a("Purchase"), company, company, PRICE, REF)
      .and.to.emit(r.rsc, "ActionPerformed")
      .withArgs(a("SalesTax"), company, region, tax, REF);
    expect(await r.rsc.balanceOf(company)).to.equal(companyBefore - tax);
    expect(await r.rsc.balanceOf(region)).to.equal(regionBefore + tax);
    expect(await r.rsc.totalSupply()).to.equal(supply);
    expect(await holdings(r)).to.equal(supply);
  });

  it("the Region buying with the sales tax paid to itself pays only the price", async () => {
    const r = await networkHelpers.loadFixture(deployTaxed);
    const company = r.byKind.Company.address;
    const region = r.byKind.Region.address;
    const [companyBefore, regionBefore, supply] = await Promise.all([
      r.rsc.balanceOf(company),
      r.rsc.balanceOf(region),
      r.rsc.totalSupply(),
    ]);
    await r.testModule.moveTaxed(a("Purchase"), region, company, PRICE, region, REF);
    expect(await r.rsc.balanceOf(company)).to.equal(companyBefore + PRICE);
    expect(await r.rsc.balanceOf(region)).to.equal(regionBefore - PRICE);
    expect(await r.rsc.totalSupply()).to.equal(supply);
    expect(await holdings(r)).to.equal(supply);
  });

  it("a price and tax above the balance are refused together, moving nothing", async () => {
    const r = await networkHelpers.loadFixture(deployTaxed);
    const company = r.byKind.Company.address;
    const region = r.byKind.Region.address;
    const balance = await r.rsc.balanceOf(company);
    const price = (balance * 10n) / 11n + 1n; // price + 10 % just above the balance
    const total = price + (price * SALES_TAX) / ONE;
    await expect(r.testModule.moveTaxed(a("Purchase"), company, company, price, region, REF))
      .to.be.revertedWithCustomError(r.rsc, "ERC20InsufficientBalance")
      .withArgs(company, balance, total);
    expect(await r.rsc.balanceOf(company)).to.equal(balance);
  });
});
