import { expect } from "chai";
import { deployFundedRegion, depositRef, MEMBER_FUNDS, POOL_FUNDS, RESERVES } from "../helpers/funded.ts";
import { Action, ethers, Kind, networkHelpers, ONE } from "../helpers/region.ts";

const k = (kind: (typeof Kind)[number]) => Kind.indexOf(kind);
const a = (action: (typeof Action)[number]) => Action.indexOf(action);
const EXCHANGE_RATE = 17; // Param.ExchangeRate
const SUPPLY = 2n * MEMBER_FUNDS + POOL_FUNDS;
const id = (n: number) => ethers.zeroPadValue(ethers.toBeHex(n), 32);
const REPORT = `0x${"ee".repeat(32)}`;

/**
 * The funded region, plus an EOA holding the custodian role so that refusals surface as the
 * reserve's own custom errors (a Safe with safeTxGas 0 turns any inner revert into "GS013").
 */
async function setup() {
  const r = await deployFundedRegion();
  const custodian = r.signers[16];
  await r.reserve.grantRole(await r.reserve.CUSTODIAN_ROLE(), custodian.address);
  return { ...r, custodian, reserveAsCustodian: r.reserve.connect(custodian) };
}

describe("Reserve", () => {
  describe("attested reserves", () => {
    it("publishes the figure, its date and report hash", async () => {
      const r = await networkHelpers.loadFixture(setup);
      const asOf = await networkHelpers.time.latest();
      await expect(r.reserveAsCustodian.attestReserves(2n * RESERVES, asOf, REPORT))
        .to.emit(r.reserve, "ReservesAttested")
        .withArgs(2n * RESERVES, asOf, REPORT);
      expect(await r.reserve.attestedReserves()).to.deep.equal([2n * RESERVES, BigInt(asOf), REPORT]);
      expect(await r.reserve.mintable()).to.equal(2n * RESERVES - SUPPLY);
    });

    it("records reserves below the supply at the rate as a shortfall: no deposit mints until covered", async () => {
      const r = await networkHelpers.loadFixture(setup);
      await expect(r.reserveAsCustodian.attestReserves(SUPPLY - 1n, 0, REPORT))
        .to.emit(r.reserve, "ReserveShortfall")
        .withArgs(SUPPLY - 1n, SUPPLY, ONE);
      expect((await r.reserve.attestedReserves())[0]).to.equal(SUPPLY - 1n);
      expect(await r.reserve.mintable()).to.equal(0n);
      await r.registry.onboardMember(r.carol.address);
      await expect(r.reserveAsCustodian.attestDeposit(depositRef(7), r.carol.address, 1n))
        .to.be.revertedWithCustomError(r.reserve, "ReserveInsufficientBacking")
        .withArgs(SUPPLY + 1n, SUPPLY - 1n);
      // Holders may still ask to redeem; an attestation covering the supply lifts the shortfall.
      await r.reserve.connect(r.alice).requestRedemption(ONE);
      await expect(r.reserveAsCustodian.attestReserves(SUPPLY, 0, REPORT)).not.to.emit(r.reserve, "ReserveShortfall");
      expect(await r.reserve.mintable()).to.equal(0n);
    });

    it("refuses a future date; nothing changes", async () => {
      const r = await networkHelpers.loadFixture(setup);
      const future = (await networkHelpers.time.latest()) + 1000;
      await expect(r.reserveAsCustodian.attestReserves(RESERVES, future, REPORT))
        .to.be.revertedWithCustomError(r.reserve, "ReserveFutureAttestation")
        .withArgs(future);
      expect((await r.reserve.attestedReserves())[0]).to.equal(RESERVES);
    });

    it("checks the supply against reserves at the current exchange rate", async () => {
      const r = await networkHelpers.loadFixture(setup);
      await r.regionParameters.setParameter(EXCHANGE_RATE, 2n * ONE);
      // SUPPLY RSC need SUPPLY / 2 USD at 2 RSC per USD
      await expect(r.reserveAsCustodian.attestReserves(SUPPLY / 2n - 1n, 0, REPORT))
        .to.emit(r.reserve, "ReserveShortfall")
        .withArgs(SUPPLY / 2n - 1n, SUPPLY, 2n * ONE);
      await expect(r.reserveAsCustodian.attestReserves(SUPPLY / 2n, 0, REPORT))
        .to.emit(r.reserve, "ReservesAttested")
        .and.not.to.emit(r.reserve, "ReserveShortfall");
    });
  });

  describe("deposits", () => {
    it("mint usd x rate to the depositor, as a Deposit action with the deposit reference", async () => {
      const r = await networkHelpers.loadFixture(setup);
      await r.regionParameters.setParameter(EXCHANGE_RATE, (ONE * 105n) / 100n);
      await r.registry.onboardMember(r.carol.address);
      const ref = depositRef(100);
      expect(await r.reserveAsCustodian.attestDeposit.staticCall(ref, r.carol.address, 100n * ONE)).to.equal(
        105n * ONE,
      );
      await expect(r.reserveAsCustodian.attestDeposit(ref, r.carol.address, 100n * ONE))
        .to.emit(r.reserve, "DepositAttested")
        .withArgs(ref, r.carol.address, 100n * ONE, 105n * ONE)
        .and.to.emit(r.rsc, "ActionPerformed")
        .withArgs(a("Deposit"), ethers.ZeroAddress, r.carol.address, 105n * ONE, ref);
      expect(await r.rsc.balanceOf(r.carol.address)).to.equal(105n * ONE);
      expect(await r.rsc.totalSupply()).to.equal(SUPPLY + 105n * ONE);
      expect(await r.reserve.isDepositAttested(ref)).to.equal(true);
      // rounding is in the co-op's favour: floor(3 wei x 1.05) = 3 wei
      await r.reserveAsCustodian.attestDeposit(depositRef(101), r.carol.address, 3n);
      expect(await r.rsc.balanceOf(r.carol.address)).to.equal(105n * ONE + 3n);
    });

    it("refuses the same deposit reference twice and a zero amount; nothing changes", async () => {
      const r = await networkHelpers.loadFixture(setup);
      await expect(r.reserveAsCustodian.attestDeposit(depositRef(1), r.alice.address, ONE))
        .to.be.revertedWithCustomError(r.reserve, "ReserveDepositAlreadyAttested")
        .withArgs(depositRef(1));
      await expect(
        r.reserveAsCustodian.attestDeposit(depositRef(9), r.alice.address, 0n),
      ).to.be.revertedWithCustomError(r.reserve, "ReserveZeroAmount");
      expect(await r.reserve.isDepositAttested(depositRef(9))).to.equal(false);
      expect(await r.rsc.totalSupply()).to.equal(SUPPLY);
    });

    it("refuses a mint past the attested reserves with ReserveInsufficientBacking", async () => {
      const r = await networkHelpers.loadFixture(setup);
      const mintable = await r.reserve.mintable();
      expect(mintable).to.equal(RESERVES - SUPPLY);
      await expect(r.reserveAsCustodian.attestDeposit(depositRef(9), r.alice.address, mintable + 1n))
        .to.be.revertedWithCustomError(r.reserve, "ReserveInsufficientBacking")
        .withArgs(RESERVES + 1n, RESERVES);
      expect(await r.reserve.isDepositAttested(depositRef(9))).to.equal(false);
      await r.reserveAsCustodian.attestDeposit(depositRef(9), r.alice.address, mintable);
      expect(await r.rsc.totalSupply()).to.equal(RESERVES);
      expect(await r.reserve.mintable()).to.equal(0n);
      await expect(r.reserveAsCustodian.attestDeposit(depositRef(10), r.alice.address, 1n))
        .to.be.revertedWithCustomError(r.reserve, "ReserveInsufficientBacking")
        .withArgs(RESERVES + 1n, RESERVES);
    });

    it("refuses depositing to an unregistered address or a module", async () => {
      const r = await networkHelpers.loadFixture(setup);
      await expect(r.reserveAsCustodian.attestDeposit(depositRef(9), r.carol.address, ONE))
        .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
        .withArgs(a("Deposit"), k("None"), k("None"));
      await expect(r.reserveAsCustodian.attestDeposit(depositRef(9), await r.reserve.getAddress(), ONE))
        .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
        .withArgs(a("Deposit"), k("None"), k("Module"));
      expect(await r.reserve.isDepositAttested(depositRef(9))).to.equal(false);
    });

    it("works through the custodians' 2-of-3 Safe", async () => {
      const r = await networkHelpers.loadFixture(setup);
      await expect(r.asCustodians(r.reserve, "attestDeposit", [depositRef(50), r.bob.address, ONE])).to.emit(
        r.reserve,
        "DepositAttested",
      );
      expect(await r.rsc.balanceOf(r.bob.address)).to.equal(MEMBER_FUNDS + ONE);
    });
  });

  describe("redemptions", () => {
    async function requested() {
      const r = await setup();
      await r.regionParameters.setParameter(EXCHANGE_RATE, 2n * ONE);
      await r.reserve.connect(r.alice).requestRedemption(100n * ONE + 1n);
      return r;
    }

    it("escrow the holder's RSC in the reserve and record what USD is owed", async () => {
      const r = await networkHelpers.loadFixture(setup);
      await r.regionParameters.setParameter(EXCHANGE_RATE, 2n * ONE);
      const reserveAddress = await r.reserve.getAddress();
      await expect(r.reserve.connect(r.alice).requestRedemption(100n * ONE + 1n))
        .to.emit(r.reserve, "RedemptionRequested")
        .withArgs(0n, r.alice.address, 100n * ONE + 1n, 50n * ONE)
        .and.to.emit(r.rsc, "ActionPerformed")
        .withArgs(a("Redemption"), r.alice.address, reserveAddress, 100n * ONE + 1n, id(0));
      const redemption = await r.reserve.redemptionOf(0);
      expect(redemption.holder).to.equal(r.alice.address);
      expect(redemption.amount).to.equal(100n * ONE + 1n);
      expect(redemption.usdAmount).to.equal(50n * ONE); // floor: the odd wei stays with the co-op
      expect(redemption.requestedAt).to.equal(BigInt(await networkHelpers.time.latest()));
      expect(redemption.status).to.equal(1n);
      expect(await r.reserve.redemptionCount()).to.equal(1n);
      expect(await r.rsc.balanceOf(reserveAddress)).to.equal(100n * ONE + 1n);
      expect(await r.rsc.balanceOf(r.alice.address)).to.equal(MEMBER_FUNDS - 100n * ONE - 1n);
      expect(await r.rsc.totalSupply()).to.equal(SUPPLY);
    });

    it("paid: burn the escrow and lower the attested reserves by the USD paid", async () => {
      const r = await networkHelpers.loadFixture(requested);
      const reserveAddress = await r.reserve.getAddress();
      const payout = `0x${"99".repeat(32)}`;
      await expect(r.reserveAsCustodian.markRedemptionPaid(0, payout))
        .to.emit(r.reserve, "RedemptionPaid")
        .withArgs(0n, payout)
        .and.to.emit(r.rsc, "ActionPerformed")
        .withArgs(a("Redemption"), reserveAddress, ethers.ZeroAddress, 100n * ONE + 1n, id(0));
      expect(await r.rsc.totalSupply()).to.equal(SUPPLY - 100n * ONE - 1n);
      expect(await r.rsc.balanceOf(reserveAddress)).to.equal(0n);
      expect((await r.reserve.attestedReserves())[0]).to.equal(RESERVES - 50n * ONE);
      expect((await r.reserve.redemptionOf(0)).status).to.equal(2n);
      const [usd] = await r.reserve.attestedReserves();
      expect(await r.rsc.totalSupply()).to.be.at.most((usd * 2n * ONE) / ONE);
    });

    it("refunded: return the escrow to the holder", async () => {
      const r = await networkHelpers.loadFixture(requested);
      const reserveAddress = await r.reserve.getAddress();
      await expect(r.reserveAsCustodian.refundRedemption(0, "bank details invalid"))
        .to.emit(r.reserve, "RedemptionRefunded")
        .withArgs(0n, "bank details invalid")
        .and.to.emit(r.rsc, "ActionPerformed")
        .withArgs(a("Refund"), reserveAddress, r.alice.address, 100n * ONE + 1n, id(0));
      expect(await r.rsc.balanceOf(r.alice.address)).to.equal(MEMBER_FUNDS);
      expect(await r.rsc.totalSupply()).to.equal(SUPPLY);
      expect((await r.reserve.attestedReserves())[0]).to.equal(RESERVES);
      expect((await r.reserve.redemptionOf(0)).status).to.equal(3n);
    });

    it("a settled or unknown redemption cannot be settled again", async () => {
      const r = await networkHelpers.loadFixture(requested);
      await r.reserveAsCustodian.markRedemptionPaid(0, REPORT);
      await expect(r.reserveAsCustodian.markRedemptionPaid(0, REPORT))
        .to.be.revertedWithCustomError(r.reserve, "ReserveRedemptionNotPending")
        .withArgs(0n, 2n);
      await expect(r.reserveAsCustodian.refundRedemption(0, "x"))
        .to.be.revertedWithCustomError(r.reserve, "ReserveRedemptionNotPending")
        .withArgs(0n, 2n);
      await expect(r.reserveAsCustodian.markRedemptionPaid(1, REPORT))
        .to.be.revertedWithCustomError(r.reserve, "ReserveRedemptionNotPending")
        .withArgs(1n, 0n);
      await r.reserve.connect(r.bob).requestRedemption(ONE);
      await r.reserveAsCustodian.refundRedemption(1, "x");
      await expect(r.reserveAsCustodian.markRedemptionPaid(1, REPORT))
        .to.be.revertedWithCustomError(r.reserve, "ReserveRedemptionNotPending")
        .withArgs(1n, 3n);
      expect(await r.rsc.balanceOf(r.bob.address)).to.equal(MEMBER_FUNDS);
    });

    it("refunded to a holder whose key was recovered meanwhile: the escrow reaches her current key", async () => {
      const r = await networkHelpers.loadFixture(requested);
      const [key2, key3] = [r.signers[17].address, r.signers[18].address];
      await r.registry.recoverMember(r.alice.address, key2);
      await r.registry.recoverMember(key2, key3);
      expect([await r.registry.successorOf(r.alice.address), await r.registry.successorOf(key2)]).to.deep.equal([
        key2,
        key3,
      ]);
      expect(await r.registry.successorOf(key3)).to.equal(ethers.ZeroAddress);
      await expect(r.reserveAsCustodian.refundRedemption(0, "bank details invalid"))
        .to.emit(r.rsc, "ActionPerformed")
        .withArgs(a("Refund"), await r.reserve.getAddress(), key3, 100n * ONE + 1n, id(0));
      expect(await r.rsc.balanceOf(key3)).to.equal(MEMBER_FUNDS);
      expect(await r.rsc.balanceOf(r.alice.address)).to.equal(0n);
    });

    it("refuses zero, more than the balance, an unregistered or a suspended holder", async () => {
      const r = await networkHelpers.loadFixture(setup);
      await expect(r.reserve.connect(r.alice).requestRedemption(0)).to.be.revertedWithCustomError(
        r.reserve,
        "ReserveZeroAmount",
      );
      await expect(r.reserve.connect(r.alice).requestRedemption(MEMBER_FUNDS + 1n))
        .to.be.revertedWithCustomError(r.rsc, "ERC20InsufficientBalance")
        .withArgs(r.alice.address, MEMBER_FUNDS, MEMBER_FUNDS + 1n);
      await expect(r.reserve.connect(r.carol).requestRedemption(1n))
        .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
        .withArgs(a("Redemption"), k("None"), k("Module"));
      await r.registry.suspend(r.bob.address, "x");
      await expect(r.reserve.connect(r.bob).requestRedemption(1n))
        .to.be.revertedWithCustomError(r.rsc, "RSCAccountSuspended")
        .withArgs(r.bob.address);
      expect(await r.reserve.redemptionCount()).to.equal(0n);
    });

    it("a refund to a holder suspended meanwhile is refused; paying out still works", async () => {
      const r = await networkHelpers.loadFixture(requested);
      await r.registry.suspend(r.alice.address, "x");
      await expect(r.reserveAsCustodian.refundRedemption(0, "x"))
        .to.be.revertedWithCustomError(r.rsc, "RSCAccountSuspended")
        .withArgs(r.alice.address);
      await expect(r.reserveAsCustodian.markRedemptionPaid(0, REPORT)).to.emit(r.reserve, "RedemptionPaid");
    });
  });
});
