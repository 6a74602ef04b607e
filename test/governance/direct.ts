import { expect } from "chai";
import { ONE } from "../helpers/region.ts";
import { DAY, deployDirect, ethers, Mode, networkHelpers, State, TIMELOCK_DELAY, Vote } from "./fixture.ts";

const SALES_TAX = 0; // Param.SalesTaxRate
const INCOME_TAX = 1; // Param.IncomeTaxRate
const UBI_AMOUNT = 15; // Param.UbiAmount

describe("RegionGovernor — Direct mode", () => {
  it("is deployed with the timelock as the only admin of the core and of itself", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    expect(await g.governor.mode()).to.equal(Mode.Direct);
    expect(await g.governor.timelock()).to.equal(await g.timelock.getAddress());
    const admin = ethers.ZeroHash;
    const timelock = await g.timelock.getAddress();
    for (const c of [g.rsc, g.registry, g.reserve, g.capitalPool, g.regionParameters]) {
      expect(await c.hasRole(admin, timelock)).to.equal(true);
      expect(await c.hasRole(admin, g.registrar.address)).to.equal(false);
    }
    expect(await g.timelock.hasRole(admin, g.registrar.address)).to.equal(false);
    expect(await g.timelock.hasRole(admin, timelock)).to.equal(true);
    expect(await g.timelock.hasRole(await g.timelock.PROPOSER_ROLE(), await g.council.getAddress())).to.equal(false);
    expect(await g.rsc.hasRole(await g.rsc.GUARDIAN_ROLE(), await g.council.getAddress())).to.equal(true);
  });

  it("runs a parameter change from proposal to execution; anyone queues and executes", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const [m1, m2, m3] = g.members;
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, ONE / 20n]]], "Sales tax to 5 %");
    const before = await g.regionParameters.get(SALES_TAX);
    await expect(g.governor.connect(m1).propose(p.targets, p.values, p.calldatas, p.description)).to.emit(
      g.governor,
      "ProposalCreated",
    );
    expect(await g.governor.state(p.id)).to.equal(State.Pending);
    await networkHelpers.time.increase(DAY + 1n);
    expect(await g.governor.state(p.id)).to.equal(State.Active);
    await expect(g.governor.connect(m1).castVote(p.id, Vote.For))
      .to.emit(g.governor, "VoteCast")
      .withArgs(m1.address, p.id, Vote.For, 1n, "");
    await g.governor.connect(m2).castVote(p.id, Vote.For);
    await g.governor.connect(m3).castVote(p.id, Vote.Against);
    expect(await g.governor.proposalVotes(p.id)).to.deep.equal([1n, 2n, 0n]);
    await networkHelpers.time.increase(7n * DAY);
    expect(await g.governor.state(p.id)).to.equal(State.Succeeded);
    await expect(g.governor.connect(g.outsider).queue(p.targets, p.values, p.calldatas, p.descriptionHash)).to.emit(
      g.timelock,
      "CallScheduled",
    );
    expect(await g.governor.state(p.id)).to.equal(State.Queued);
    const eta = await g.governor.proposalEta(p.id);
    expect(eta).to.equal(BigInt(await networkHelpers.time.latest()) + TIMELOCK_DELAY);
    // too early: the timelock refuses
    await expect(
      g.governor.connect(g.outsider).execute(p.targets, p.values, p.calldatas, p.descriptionHash),
    ).to.be.revertedWithCustomError(g.timelock, "TimelockUnexpectedOperationState");
    await networkHelpers.time.increaseTo(eta);
    await expect(g.governor.connect(g.outsider).execute(p.targets, p.values, p.calldatas, p.descriptionHash))
      .to.emit(g.regionParameters, "ParameterChanged")
      .withArgs(SALES_TAX, before, ONE / 20n);
    expect(await g.governor.state(p.id)).to.equal(State.Executed);
    expect(await g.regionParameters.get(SALES_TAX)).to.equal(ONE / 20n);
    // executed once: a second execution is refused
    await expect(g.governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash)).to.be.revertedWithCustomError(
      g.governor,
      "GovernorUnexpectedProposalState",
    );
  });

  it("defeats a proposal without quorum, and one with more votes against than for", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const [m1, m2, m3] = g.members;
    // 5 members, 20 %: quorum 1 vote (for or abstain)
    const none = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, 1n]]], "nobody votes");
    await g.proposeAndVote(none, m1, [[m1, Vote.Against]]);
    expect(await g.governor.state(none.id)).to.equal(State.Defeated);
    const against = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, 2n]]], "against wins");
    await g.proposeAndVote(against, m1, [
      [m1, Vote.For],
      [m2, Vote.Against],
      [m3, Vote.Against],
    ]);
    expect(await g.governor.state(against.id)).to.equal(State.Defeated);
    await expect(
      g.governor.queue(against.targets, against.values, against.calldatas, against.descriptionHash),
    ).to.be.revertedWithCustomError(g.governor, "GovernorUnexpectedProposalState");
  });

  it("abstentions count toward quorum but not toward success", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const [m1, m2] = g.members;
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, 3n]]], "abstain");
    await g.proposeAndVote(p, m1, [
      [m1, Vote.Abstain],
      [m2, Vote.Abstain],
    ]);
    expect(await g.governor.state(p.id)).to.equal(State.Defeated);
  });

  it("changes several parameters in one proposal", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const p = await g.proposal(
      [
        [
          g.regionParameters,
          "setParameters",
          [
            [SALES_TAX, INCOME_TAX],
            [ONE / 10n, ONE / 5n],
          ],
        ],
        [g.regionParameters, "setParameter", [UBI_AMOUNT, 300n * ONE]],
      ],
      "Taxes and UBI",
    );
    await g.enact(p);
    expect(await g.regionParameters.get(SALES_TAX)).to.equal(ONE / 10n);
    expect(await g.regionParameters.get(INCOME_TAX)).to.equal(ONE / 5n);
    expect(await g.regionParameters.get(UBI_AMOUNT)).to.equal(300n * ONE);
  });

  it("governs its own voting delay, voting period, quorum fraction and the timelock delay", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const p = await g.proposal(
      [
        [g.governor, "setVotingDelay", [2n * DAY]],
        [g.governor, "setVotingPeriod", [3n * DAY]],
        [g.governor, "setQuorumFraction", [ONE / 2n]],
        [g.timelock, "updateDelay", [DAY]],
      ],
      "Faster, with a higher quorum",
    );
    await expect(g.enact(p))
      .to.emit(g.governor, "QuorumFractionChanged")
      .withArgs(2n * 10n ** 17n, ONE / 2n)
      .and.to.emit(g.timelock, "MinDelayChange")
      .withArgs(TIMELOCK_DELAY, DAY);
    expect(await g.governor.votingDelay()).to.equal(2n * DAY);
    expect(await g.governor.votingPeriod()).to.equal(3n * DAY);
    expect(await g.governor.quorumFraction()).to.equal(ONE / 2n);
    expect(await g.timelock.getMinDelay()).to.equal(DAY);
    // 5 members at 50 %: a new proposal needs 3 votes
    expect(await g.governor.quorum(0)).to.equal(3n);
  });

  it("refuses its settings to every caller but the timelock", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const [m1] = g.members;
    for (const [fn, args] of [
      ["setMode", [Mode.Both]],
      ["setQuorumFraction", [ONE]],
      ["setVotingDelay", [1n]],
      ["setVotingPeriod", [1n]],
      ["setProposalThreshold", [1n]],
      ["updateTimelock", [m1.address]],
    ] as const) {
      await expect(
        (g.governor.connect(m1) as never as Record<string, (...a: unknown[]) => Promise<unknown>>)[fn](...args),
      )
        .to.be.revertedWithCustomError(g.governor, "GovernorOnlyExecutor")
        .withArgs(m1.address);
    }
    await expect(g.timelock.connect(m1).updateDelay(1n)).to.be.revertedWithCustomError(
      g.timelock,
      "TimelockUnauthorizedCaller",
    );
  });

  it("refuses a quorum fraction of zero or above 100 %", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const p = await g.proposal([[g.governor, "setQuorumFraction", [ONE + 1n]]], "too high");
    await expect(g.enact(p))
      .to.be.revertedWithCustomError(g.governor, "RegionGovernorInvalidQuorumFraction")
      .withArgs(ONE + 1n);
    expect(await g.governor.quorumFraction()).to.equal(2n * 10n ** 17n);
  });

  it("keeps a proposal's quorum from when it was made", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, 4n]]], "quorum fixed");
    await g.governor.connect(g.members[0]).propose(p.targets, p.values, p.calldatas, p.description);
    expect((await g.governor.proposalTally(p.id)).quorum).to.equal(1n);
    // seven more members join (12 at 20 %): a new proposal would need 3, this one still needs 1
    for (const s of g.signers.slice(13, 23)) await g.registry.onboardMember(s.address);
    expect(await g.governor.quorum(0)).to.equal(3n);
    expect((await g.governor.proposalTally(p.id)).quorum).to.equal(1n);
  });
});
