import { expect } from "chai";
import { deployFundedRegion, MEMBER_FUNDS, POOL_FUNDS } from "../helpers/funded.ts";
import { Action, ethers, Kind, networkHelpers, ONE } from "../helpers/region.ts";

const { time } = networkHelpers;
const UBI_AMOUNT = 15; // Param.UbiAmount
const UBI_PERIOD = 16; // Param.UbiPeriod
const UBI = 200n * ONE; // the default
const PERIOD = 30 * 86_400; // the default

describe("CapitalPool", () => {
  it("pays a member the UBI amount once, keyed by member id, and opens the next period", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    const pool = await r.capitalPool.getAddress();
    expect(await r.capitalPool.balance()).to.equal(POOL_FUNDS);
    expect(await r.capitalPool.nextUbiClaimAt(1)).to.equal(0n);
    expect(await r.capitalPool.connect(r.alice).claimUbi.staticCall()).to.equal(UBI);
    const at = (await time.latest()) + 1;
    await time.setNextBlockTimestamp(at);
    await expect(r.capitalPool.connect(r.alice).claimUbi())
      .to.emit(r.capitalPool, "UbiClaimed")
      .withArgs(r.alice.address, 1n, UBI, at + PERIOD)
      .and.to.emit(r.rsc, "ActionPerformed")
      .withArgs(Action.indexOf("Ubi"), pool, r.alice.address, UBI, ethers.zeroPadValue("0x01", 32));
    expect(await r.rsc.balanceOf(r.alice.address)).to.equal(MEMBER_FUNDS + UBI);
    expect(await r.capitalPool.balance()).to.equal(POOL_FUNDS - UBI);
    expect(await r.capitalPool.nextUbiClaimAt(1)).to.equal(BigInt(at + PERIOD));
  });

  it("refuses a second claim within the period; the next period pays again", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    await r.capitalPool.connect(r.alice).claimUbi();
    const next = await r.capitalPool.nextUbiClaimAt(1);
    await expect(r.capitalPool.connect(r.alice).claimUbi())
      .to.be.revertedWithCustomError(r.capitalPool, "CapitalPoolUbiAlreadyClaimed")
      .withArgs(1n, next);
    await time.setNextBlockTimestamp(next - 1n);
    await expect(r.capitalPool.connect(r.alice).claimUbi())
      .to.be.revertedWithCustomError(r.capitalPool, "CapitalPoolUbiAlreadyClaimed")
      .withArgs(1n, next);
    // bob's period is his own
    await expect(r.capitalPool.connect(r.bob).claimUbi()).to.emit(r.capitalPool, "UbiClaimed");
    await time.setNextBlockTimestamp(next);
    await expect(r.capitalPool.connect(r.alice).claimUbi())
      .to.emit(r.capitalPool, "UbiClaimed")
      .withArgs(r.alice.address, 1n, UBI, next + BigInt(PERIOD));
    expect(await r.rsc.balanceOf(r.alice.address)).to.equal(MEMBER_FUNDS + 2n * UBI);
  });

  it("follows the regional UBI amount and period as governance changes them", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    await r.regionParameters.setParameter(UBI_AMOUNT, 50n * ONE);
    await r.regionParameters.setParameter(UBI_PERIOD, 86_400);
    const at = (await time.latest()) + 1;
    await time.setNextBlockTimestamp(at);
    await expect(r.capitalPool.connect(r.alice).claimUbi())
      .to.emit(r.capitalPool, "UbiClaimed")
      .withArgs(r.alice.address, 1n, 50n * ONE, at + 86_400);
  });

  it("refuses when the pool holds less than the UBI amount, changing nothing", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    await r.regionParameters.setParameter(UBI_AMOUNT, POOL_FUNDS + 1n);
    await expect(r.capitalPool.connect(r.alice).claimUbi())
      .to.be.revertedWithCustomError(r.capitalPool, "CapitalPoolInsufficientFunds")
      .withArgs(POOL_FUNDS + 1n, POOL_FUNDS);
    expect(await r.capitalPool.nextUbiClaimAt(1)).to.equal(0n);
    expect(await r.capitalPool.balance()).to.equal(POOL_FUNDS);
    expect(await r.rsc.balanceOf(r.alice.address)).to.equal(MEMBER_FUNDS);
    await r.regionParameters.setParameter(UBI_AMOUNT, POOL_FUNDS);
    await r.capitalPool.connect(r.alice).claimUbi();
    expect(await r.capitalPool.balance()).to.equal(0n);
    await expect(r.capitalPool.connect(r.bob).claimUbi())
      .to.be.revertedWithCustomError(r.capitalPool, "CapitalPoolInsufficientFunds")
      .withArgs(POOL_FUNDS, 0n);
  });

  it("refuses when UBI is disabled (amount 0)", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    await r.regionParameters.setParameter(UBI_AMOUNT, 0);
    await expect(r.capitalPool.connect(r.alice).claimUbi()).to.be.revertedWithCustomError(
      r.capitalPool,
      "CapitalPoolUbiDisabled",
    );
    expect(await r.capitalPool.nextUbiClaimAt(1)).to.equal(0n);
  });

  it("refuses suspended members, strangers and companies", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    await r.registry.suspend(r.alice.address, "x");
    await expect(r.capitalPool.connect(r.alice).claimUbi())
      .to.be.revertedWithCustomError(r.capitalPool, "CapitalPoolNotAMember")
      .withArgs(r.alice.address);
    await expect(r.capitalPool.connect(r.carol).claimUbi())
      .to.be.revertedWithCustomError(r.capitalPool, "CapitalPoolNotAMember")
      .withArgs(r.carol.address);
    await r.registry.registerCompany(r.dave.address, Kind.indexOf("ExternalCompany"), 1, "x");
    await expect(r.capitalPool.connect(r.dave).claimUbi())
      .to.be.revertedWithCustomError(r.capitalPool, "CapitalPoolNotAMember")
      .withArgs(r.dave.address);
    expect(await r.capitalPool.balance()).to.equal(POOL_FUNDS);
    await r.registry.restore(r.alice.address);
    await expect(r.capitalPool.connect(r.alice).claimUbi()).to.emit(r.capitalPool, "UbiClaimed");
  });

  it("refuses while the guardian has paused UBI", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    await r.rsc.grantRole(await r.rsc.GUARDIAN_ROLE(), r.admin.address);
    const until = (await time.latest()) + 3600;
    await r.rsc.pauseActions(1 << Action.indexOf("Ubi"), until, "pool audit");
    await expect(r.capitalPool.connect(r.alice).claimUbi())
      .to.be.revertedWithCustomError(r.rsc, "RSCActionPaused")
      .withArgs(Action.indexOf("Ubi"), until);
    expect(await r.capitalPool.nextUbiClaimAt(1)).to.equal(0n);
  });
});
