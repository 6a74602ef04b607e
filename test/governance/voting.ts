import { expect } from "chai";
import { ONE } from "../helpers/region.ts";
import { DAY, deployDirect, networkHelpers, State, Vote } from "./fixture.ts";

const SALES_TAX = 0; // Param.SalesTaxRate

describe("RegionGovernor — who proposes and votes", () => {
  async function activeProposal() {
    const g = await networkHelpers.loadFixture(deployDirect);
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, ONE / 20n]]], "Sales tax to 5 %");
    await g.governor.connect(g.members[0]).propose(p.targets, p.values, p.calldatas, p.description);
    await networkHelpers.time.increase(DAY + 1n);
    return { ...g, p };
  }

  it("refuses a proposal from a non-member, and nothing is recorded", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, 1n]]], "outsider");
    await expect(g.governor.connect(g.outsider).propose(p.targets, p.values, p.calldatas, p.description))
      .to.be.revertedWithCustomError(g.governor, "RegionGovernorNotAMember")
      .withArgs(g.outsider.address);
    await expect(g.governor.state(p.id)).to.be.revertedWithCustomError(g.governor, "GovernorNonexistentProposal");
  });

  it("refuses a proposal from a suspended member", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const [m1] = g.members;
    await g.registry.suspend(m1.address, "fraud inquiry");
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, 1n]]], "suspended");
    await expect(g.governor.connect(m1).propose(p.targets, p.values, p.calldatas, p.description))
      .to.be.revertedWithCustomError(g.governor, "RegionGovernorNotAMember")
      .withArgs(m1.address);
  });

  it("refuses a vote from a non-member, and the tally does not move", async () => {
    const g = await activeProposal();
    await expect(g.governor.connect(g.outsider).castVote(g.p.id, Vote.For))
      .to.be.revertedWithCustomError(g.governor, "RegionGovernorNotAMember")
      .withArgs(g.outsider.address);
    expect(await g.governor.proposalVotes(g.p.id)).to.deep.equal([0n, 0n, 0n]);
  });

  it("refuses a second vote of the same member, and the tally counts her once", async () => {
    const g = await activeProposal();
    const [m1] = g.members;
    await g.governor.connect(m1).castVote(g.p.id, Vote.For);
    expect(await g.governor.hasVoted(g.p.id, m1.address)).to.equal(true);
    const memberId = (await g.rsc.accountOf(m1.address)).tag;
    await expect(g.governor.connect(m1).castVote(g.p.id, Vote.Against))
      .to.be.revertedWithCustomError(g.governor, "RegionGovernorAlreadyVoted")
      .withArgs(g.p.id, memberId);
    expect(await g.governor.proposalVotes(g.p.id)).to.deep.equal([0n, 1n, 0n]);
  });

  it("refuses an unknown vote type", async () => {
    const g = await activeProposal();
    await expect(g.governor.connect(g.members[0]).castVote(g.p.id, 3)).to.be.revertedWithCustomError(
      g.governor,
      "GovernorInvalidVoteType",
    );
  });

  it("refuses votes before the vote opens and after it closes", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, 1n]]], "timing");
    await g.governor.connect(g.members[0]).propose(p.targets, p.values, p.calldatas, p.description);
    await expect(g.governor.connect(g.members[0]).castVote(p.id, Vote.For)).to.be.revertedWithCustomError(
      g.governor,
      "GovernorUnexpectedProposalState",
    );
    await networkHelpers.time.increase(8n * DAY + 2n);
    expect(await g.governor.state(p.id)).to.equal(State.Defeated);
    await expect(g.governor.connect(g.members[0]).castVote(p.id, Vote.For)).to.be.revertedWithCustomError(
      g.governor,
      "GovernorUnexpectedProposalState",
    );
  });

  it("takes the vote away from a member suspended during the vote", async () => {
    const g = await activeProposal();
    const [, m2] = g.members;
    await g.registry.suspend(m2.address, "inquiry");
    await expect(g.governor.connect(m2).castVote(g.p.id, Vote.For))
      .to.be.revertedWithCustomError(g.governor, "RegionGovernorNotAMember")
      .withArgs(m2.address);
  });

  it("gives no vote on an open proposal to a member who joined after it was made", async () => {
    const g = await activeProposal();
    const newcomer = g.signers[13];
    await g.registry.onboardMember(newcomer.address);
    await expect(g.governor.connect(newcomer).castVote(g.p.id, Vote.For))
      .to.be.revertedWithCustomError(g.governor, "RegionGovernorNotAMember")
      .withArgs(newcomer.address);
  });

  it("follows a member's key recovery: the member, not the key, has voted", async () => {
    const g = await activeProposal();
    const [m1] = g.members;
    const newKey = g.signers[14];
    await g.governor.connect(m1).castVote(g.p.id, Vote.For);
    await g.registry.recoverMember(m1.address, newKey.address);
    expect(await g.governor.hasVoted(g.p.id, newKey.address)).to.equal(true);
    expect(await g.governor.hasVoted(g.p.id, m1.address)).to.equal(false);
    // the recovered key votes on proposals made after the recovery
    await networkHelpers.time.increase(1n);
    const later = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, 7n]]], "after recovery");
    await g.governor.connect(newKey).propose(later.targets, later.values, later.calldatas, later.description);
    await networkHelpers.time.increase(DAY + 1n);
    await g.governor.connect(newKey).castVote(later.id, Vote.For);
    expect(await g.governor.proposalVotes(later.id)).to.deep.equal([0n, 1n, 0n]);
  });

  it("gives each member one vote, like the registry's getPastVotes", async () => {
    const g = await activeProposal();
    const snapshot = await g.governor.proposalSnapshot(g.p.id);
    for (const s of [...g.members, g.outsider, g.signers[0]]) {
      expect(await g.governor.getVotes(s.address, snapshot)).to.equal(
        await g.registry.getPastVotes(s.address, snapshot),
      );
    }
    expect(await g.governor.getVotes(g.members[0].address, snapshot)).to.equal(1n);
    expect(await g.governor.clock()).to.equal(await g.registry.clock());
    expect(await g.governor.CLOCK_MODE()).to.equal("mode=timestamp");
    const now = await g.governor.clock();
    await expect(g.governor.getVotes(g.members[0].address, now + 10n))
      .to.be.revertedWithCustomError(g.governor, "RegionGovernorFutureLookup")
      .withArgs(now + 10n, now);
  });

  it("lets the proposer cancel while pending, and only the proposer", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const [m1, m2] = g.members;
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, 1n]]], "cancel me");
    await g.governor.connect(m1).propose(p.targets, p.values, p.calldatas, p.description);
    await expect(
      g.governor.connect(m2).cancel(p.targets, p.values, p.calldatas, p.descriptionHash),
    ).to.be.revertedWithCustomError(g.governor, "GovernorUnableToCancel");
    await g.governor.connect(m1).cancel(p.targets, p.values, p.calldatas, p.descriptionHash);
    expect(await g.governor.state(p.id)).to.equal(State.Canceled);
  });
});
