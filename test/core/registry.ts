import { expect } from "chai";
import { deployFundedRegion, MEMBER_FUNDS } from "../helpers/funded.ts";
import { Action, ethers, Kind, networkHelpers } from "../helpers/region.ts";

const k = (kind: (typeof Kind)[number]) => Kind.indexOf(kind);
const { time } = networkHelpers;

describe("Registry", () => {
  describe("onboarding", () => {
    it("issues increasing member ids, counts members and starts the vote now", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      await expect(r.registry.onboardMember(r.carol.address))
        .to.emit(r.registry, "MemberOnboarded")
        .withArgs(r.carol.address, 3n)
        .and.to.emit(r.rsc, "AccountRegistered")
        .withArgs(r.carol.address, k("Person"), 3n);
      const account = await r.rsc.accountOf(r.carol.address);
      expect(account.kind).to.equal(BigInt(k("Person")));
      expect(account.tag).to.equal(3n);
      expect(account.suspended).to.equal(false);
      expect(account.votingSince).to.equal(BigInt(await time.latest()));
      expect(await r.registry.memberCount()).to.equal(3n);
      expect(await r.registry.isMember(r.carol.address)).to.equal(true);
      expect(await r.registry.getVotes(r.carol.address)).to.equal(1n);
      expect(await r.registry.clock()).to.equal(BigInt(await time.latest()));
      expect(await r.registry.CLOCK_MODE()).to.equal("mode=timestamp");
    });

    it("refuses onboarding a member twice and changes nothing", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      await expect(r.registry.onboardMember(r.alice.address))
        .to.be.revertedWithCustomError(r.rsc, "RSCAlreadyRegistered")
        .withArgs(r.alice.address, k("Person"));
      expect(await r.registry.memberCount()).to.equal(2n);
      expect((await r.rsc.accountOf(r.alice.address)).tag).to.equal(1n);
      await expect(r.registry.onboardMember(r.carol.address))
        .to.emit(r.registry, "MemberOnboarded")
        .withArgs(r.carol.address, 3n);
    });

    it("refuses the zero address and an address registered with another kind", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      await expect(r.registry.onboardMember(ethers.ZeroAddress)).to.be.revertedWithCustomError(r.rsc, "RSCZeroAddress");
      const pool = await r.capitalPool.getAddress();
      await expect(r.registry.onboardMember(pool))
        .to.be.revertedWithCustomError(r.rsc, "RSCAlreadyRegistered")
        .withArgs(pool, k("Region"));
      expect(await r.registry.memberCount()).to.equal(2n);
    });
  });

  describe("companies", () => {
    it("registers a contract treasury as Company or RegionalCompany, an EOA only as ExternalCompany", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      const treasury = await ethers.deployContract("TestTreasury", [(await ethers.getSigners())[0].address]);
      const regional = await ethers.deployContract("TestTreasury", [(await ethers.getSigners())[0].address]);
      const address = await treasury.getAddress();
      await expect(r.registry.registerCompany(address, k("Company"), 7, "Bakery"))
        .to.emit(r.registry, "CompanyRegistered")
        .withArgs(address, k("Company"), 7, "Bakery");
      const record = await r.registry.companyOf(address);
      expect(record.industryId).to.equal(7n);
      expect(record.registeredAt).to.equal(BigInt(await time.latest()));
      expect(await r.rsc.kindOf(address)).to.equal(BigInt(k("Company")));
      await r.registry.registerCompany(await regional.getAddress(), k("RegionalCompany"), 8, "Housing");
      expect(await r.rsc.kindOf(await regional.getAddress())).to.equal(BigInt(k("RegionalCompany")));
      await r.registry.registerCompany(r.carol.address, k("ExternalCompany"), 9, "Importer");
      expect(await r.rsc.kindOf(r.carol.address)).to.equal(BigInt(k("ExternalCompany")));
      expect(await r.registry.memberCount()).to.equal(2n);
      expect(await r.registry.isMember(address)).to.equal(false);
    });

    it("refuses an EOA treasury for Company and RegionalCompany", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      for (const kind of ["Company", "RegionalCompany"] as const) {
        await expect(r.registry.registerCompany(r.carol.address, k(kind), 1, "x"))
          .to.be.revertedWithCustomError(r.registry, "RegistryTreasuryNotContract")
          .withArgs(r.carol.address);
      }
      expect(await r.rsc.kindOf(r.carol.address)).to.equal(0n);
      expect((await r.registry.companyOf(r.carol.address)).registeredAt).to.equal(0n);
    });

    it("refuses kinds that are not companies", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      const treasury = await ethers.deployContract("TestTreasury", [(await ethers.getSigners())[0].address]);
      for (const kind of ["None", "Person", "Region", "Module", "Bridge"] as const) {
        await expect(r.registry.registerCompany(await treasury.getAddress(), k(kind), 1, "x"))
          .to.be.revertedWithCustomError(r.registry, "RegistryNotACompanyKind")
          .withArgs(k(kind));
      }
    });

    it("refuses registering a company twice or over a member", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      const treasury = await ethers.deployContract("TestTreasury", [(await ethers.getSigners())[0].address]);
      const address = await treasury.getAddress();
      await r.registry.registerCompany(address, k("Company"), 1, "x");
      await expect(r.registry.registerCompany(address, k("RegionalCompany"), 2, "y"))
        .to.be.revertedWithCustomError(r.rsc, "RSCAlreadyRegistered")
        .withArgs(address, k("Company"));
      expect((await r.registry.companyOf(address)).industryId).to.equal(1n);
      await expect(r.registry.registerCompany(r.alice.address, k("ExternalCompany"), 1, "x"))
        .to.be.revertedWithCustomError(r.rsc, "RSCAlreadyRegistered")
        .withArgs(r.alice.address, k("Person"));
    });
  });

  describe("suspension", () => {
    it("suspending a member takes her out of the count and the vote; restoring puts her back from now on", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      const before = await time.latest();
      await time.increase(10);
      await expect(r.registry.suspend(r.alice.address, "inquiry"))
        .to.emit(r.registry, "AccountSuspended")
        .withArgs(r.alice.address, "inquiry")
        .and.to.emit(r.rsc, "AccountSuspensionChanged")
        .withArgs(r.alice.address, true);
      expect(await r.registry.memberCount()).to.equal(1n);
      expect(await r.registry.isMember(r.alice.address)).to.equal(false);
      expect(await r.registry.getVotes(r.alice.address)).to.equal(0n);
      expect(await r.registry.getPastVotes(r.alice.address, before)).to.equal(0n);

      await time.increase(10);
      await expect(r.registry.restore(r.alice.address))
        .to.emit(r.registry, "AccountRestored")
        .withArgs(r.alice.address);
      const restoredAt = await time.latest();
      await time.increase(10);
      expect(await r.registry.memberCount()).to.equal(2n);
      expect(await r.registry.isMember(r.alice.address)).to.equal(true);
      expect(await r.registry.getVotes(r.alice.address)).to.equal(1n);
      expect(await r.registry.getPastVotes(r.alice.address, before)).to.equal(0n);
      expect(await r.registry.getPastVotes(r.alice.address, restoredAt - 1)).to.equal(0n);
      expect(await r.registry.getPastVotes(r.alice.address, restoredAt)).to.equal(1n);
      expect(await r.rsc.balanceOf(r.alice.address)).to.equal(MEMBER_FUNDS);
    });

    it("refuses suspending twice, restoring an active account and suspending an unregistered one", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      await expect(r.registry.restore(r.alice.address))
        .to.be.revertedWithCustomError(r.registry, "RegistrySuspensionUnchanged")
        .withArgs(r.alice.address, false);
      await r.registry.suspend(r.alice.address, "first");
      await expect(r.registry.suspend(r.alice.address, "again"))
        .to.be.revertedWithCustomError(r.registry, "RegistrySuspensionUnchanged")
        .withArgs(r.alice.address, true);
      expect(await r.registry.memberCount()).to.equal(1n);
      await expect(r.registry.suspend(r.carol.address, "x"))
        .to.be.revertedWithCustomError(r.rsc, "RSCNotRegistered")
        .withArgs(r.carol.address);
      await expect(r.registry.restore(r.carol.address))
        .to.be.revertedWithCustomError(r.registry, "RegistrySuspensionUnchanged")
        .withArgs(r.carol.address, false);
    });

    it("refuses suspending the accounts only governance registers (the reserve, the capital pool)", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      for (const [contract, kind] of [
        [r.reserve, "Module"],
        [r.capitalPool, "Region"],
      ] as const) {
        const address = await contract.getAddress();
        await expect(r.registry.suspend(address, "x"))
          .to.be.revertedWithCustomError(r.registry, "RegistryKindNotSuspendable")
          .withArgs(address, k(kind));
      }
    });

    it("suspending a company leaves the member count alone", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      await r.registry.registerCompany(r.carol.address, k("ExternalCompany"), 1, "x");
      await r.registry.suspend(r.carol.address, "x");
      expect(await r.registry.memberCount()).to.equal(2n);
      expect((await r.rsc.accountOf(r.carol.address)).suspended).to.equal(true);
      await r.registry.restore(r.carol.address);
      expect(await r.registry.memberCount()).to.equal(2n);
      expect((await r.rsc.accountOf(r.carol.address)).votingSince).to.equal(0n);
    });
  });

  describe("votes", () => {
    it("count from onboarding on, and never for a future timepoint", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      await time.increase(5);
      const beforeCarol = await time.latest();
      await time.increase(5);
      await r.registry.onboardMember(r.carol.address);
      const onboardedAt = await time.latest();
      await time.increase(5);
      expect(await r.registry.getPastVotes(r.carol.address, beforeCarol)).to.equal(0n);
      expect(await r.registry.getPastVotes(r.carol.address, onboardedAt)).to.equal(1n);
      expect(await r.registry.getPastVotes(r.alice.address, beforeCarol)).to.equal(1n);
      expect(await r.registry.getPastVotes(r.dave.address, onboardedAt)).to.equal(0n);
      const now = await time.latest();
      await expect(r.registry.getPastVotes(r.alice.address, now + 100))
        .to.be.revertedWithCustomError(r.registry, "RegistryFutureLookup")
        .withArgs(now + 100, now);
      await expect(r.registry.getPastVotes(r.alice.address, now))
        .to.be.revertedWithCustomError(r.registry, "RegistryFutureLookup")
        .withArgs(now, now);
    });
  });

  describe("recovery", () => {
    it("moves balance, membership and member id to the new key; the lost key is emptied", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      const [lost, fresh] = [r.alice, r.dave];
      await expect(r.registry.recoverMember(lost.address, fresh.address))
        .to.emit(r.registry, "MemberRecovered")
        .withArgs(lost.address, fresh.address, 1n)
        .and.to.emit(r.rsc, "AccountRecovered")
        .withArgs(lost.address, fresh.address, MEMBER_FUNDS)
        .and.to.emit(r.rsc, "Transfer")
        .withArgs(lost.address, fresh.address, MEMBER_FUNDS)
        .and.to.emit(r.rsc, "ActionPerformed")
        .withArgs(
          Action.indexOf("Recovery"),
          lost.address,
          fresh.address,
          MEMBER_FUNDS,
          ethers.zeroPadValue(fresh.address, 32),
        );
      const account = await r.rsc.accountOf(fresh.address);
      expect(account.balance).to.equal(MEMBER_FUNDS);
      expect(account.tag).to.equal(1n);
      expect(account.kind).to.equal(BigInt(k("Person")));
      const old = await r.rsc.accountOf(lost.address);
      expect(old.kind).to.equal(0n);
      expect(old.balance).to.equal(0n);
      expect(await r.registry.memberCount()).to.equal(2n);
      expect(await r.registry.isMember(fresh.address)).to.equal(true);
      expect(await r.registry.isMember(lost.address)).to.equal(false);
      await expect(r.rsc.connect(fresh).transfer(r.bob.address, 1n)).to.emit(r.rsc, "Transfer");
      await expect(r.rsc.connect(lost).transfer(r.bob.address, 0n))
        .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
        .withArgs(0, k("None"), k("Person"));
    });

    it("the new key votes only from the recovery on; the lost key no longer votes", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      await time.increase(10);
      const proposalSnapshot = await time.latest();
      await time.increase(10);
      await r.registry.recoverMember(r.alice.address, r.dave.address);
      const recoveredAt = await time.latest();
      await time.increase(10);
      expect(await r.registry.getPastVotes(r.dave.address, proposalSnapshot)).to.equal(0n);
      expect(await r.registry.getPastVotes(r.alice.address, proposalSnapshot)).to.equal(0n);
      expect(await r.registry.getPastVotes(r.dave.address, recoveredAt - 1)).to.equal(0n);
      expect(await r.registry.getPastVotes(r.dave.address, recoveredAt)).to.equal(1n);
    });

    it("UBI cannot be claimed twice in one period across a recovery", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      await r.capitalPool.connect(r.alice).claimUbi();
      const next = await r.capitalPool.nextUbiClaimAt(1);
      await r.registry.recoverMember(r.alice.address, r.dave.address);
      await expect(r.capitalPool.connect(r.dave).claimUbi())
        .to.be.revertedWithCustomError(r.capitalPool, "CapitalPoolUbiAlreadyClaimed")
        .withArgs(1n, next);
      await time.increaseTo(next);
      await expect(r.capitalPool.connect(r.dave).claimUbi()).to.emit(r.capitalPool, "UbiClaimed");
    });

    it("a suspended member stays suspended on her new key", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      await r.registry.suspend(r.alice.address, "x");
      await r.registry.recoverMember(r.alice.address, r.dave.address);
      expect((await r.rsc.accountOf(r.dave.address)).suspended).to.equal(true);
      expect(await r.registry.memberCount()).to.equal(1n);
      await r.registry.restore(r.dave.address);
      expect(await r.registry.memberCount()).to.equal(2n);
      expect(await r.rsc.balanceOf(r.dave.address)).to.equal(MEMBER_FUNDS);
    });

    it("refuses a non-member, a registered target and the zero address, changing nothing", async () => {
      const r = await networkHelpers.loadFixture(deployFundedRegion);
      const pool = await r.capitalPool.getAddress();
      await expect(r.registry.recoverMember(r.carol.address, r.dave.address))
        .to.be.revertedWithCustomError(r.registry, "RegistryNotAMember")
        .withArgs(r.carol.address);
      await expect(r.registry.recoverMember(pool, r.dave.address))
        .to.be.revertedWithCustomError(r.registry, "RegistryNotAMember")
        .withArgs(pool);
      await expect(r.registry.recoverMember(r.alice.address, r.bob.address))
        .to.be.revertedWithCustomError(r.rsc, "RSCAlreadyRegistered")
        .withArgs(r.bob.address, k("Person"));
      await expect(r.registry.recoverMember(r.alice.address, ethers.ZeroAddress)).to.be.revertedWithCustomError(
        r.rsc,
        "RSCZeroAddress",
      );
      await expect(r.registry.recoverMember(r.alice.address, r.alice.address))
        .to.be.revertedWithCustomError(r.rsc, "RSCAlreadyRegistered")
        .withArgs(r.alice.address, k("Person"));
      expect(await r.rsc.balanceOf(r.alice.address)).to.equal(MEMBER_FUNDS);
      expect(await r.rsc.balanceOf(r.bob.address)).to.equal(MEMBER_FUNDS);
    });
  });
});
