import { expect } from "chai";
import { ONE } from "../helpers/region.ts";
import { deployBoth, Mode, networkHelpers, State, Vote } from "./fixture.ts";

const SALES_TAX = 0; // Param.SalesTaxRate

describe("RegionGovernor — Both mode", () => {
  async function passed() {
    const g = await networkHelpers.loadFixture(deployBoth);
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, ONE / 20n]]], "Sales tax to 5 %");
    await g.proposeAndVote(p, g.members[0], [
      [g.members[0], Vote.For],
      [g.members[1], Vote.For],
    ]);
    return { ...g, p };
  }

  it("members vote, the council approves by queuing, anyone executes", async () => {
    const g = await passed();
    expect(await g.governor.mode()).to.equal(Mode.Both);
    expect(await g.governor.state(g.p.id)).to.equal(State.Succeeded);
    await expect(
      g.asCouncil(g.governor, "queue", [g.p.targets, g.p.values, g.p.calldatas, g.p.descriptionHash]),
    ).to.emit(g.governor, "ProposalQueued");
    expect(await g.governor.state(g.p.id)).to.equal(State.Queued);
    await networkHelpers.time.increase(await g.timelock.getMinDelay());
    await g.governor.connect(g.outsider).execute(g.p.targets, g.p.values, g.p.calldatas, g.p.descriptionHash);
    expect(await g.governor.state(g.p.id)).to.equal(State.Executed);
    expect(await g.regionParameters.get(SALES_TAX)).to.equal(ONE / 20n);
  });

  it("refuses queuing to anyone but the council, members included", async () => {
    const g = await passed();
    for (const caller of [g.outsider, g.members[0], g.councilSigners[0]]) {
      await expect(g.governor.connect(caller).queue(g.p.targets, g.p.values, g.p.calldatas, g.p.descriptionHash))
        .to.be.revertedWithCustomError(g.governor, "RegionGovernorOnlyCouncil")
        .withArgs(caller.address);
    }
    expect(await g.governor.state(g.p.id)).to.equal(State.Succeeded);
  });

  it("cannot queue what members defeated, even for the council", async () => {
    const g = await networkHelpers.loadFixture(deployBoth);
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, 1n]]], "defeated");
    await g.proposeAndVote(p, g.members[0], [[g.members[0], Vote.Against]]);
    await expect(
      g.asCouncil(g.governor, "queue", [p.targets, p.values, p.calldatas, p.descriptionHash]),
    ).to.be.revertedWith("GS013");
    expect(await g.governor.state(p.id)).to.equal(State.Defeated);
  });

  it("still lets members propose and vote", async () => {
    const g = await passed();
    expect(await g.governor.proposalVotes(g.p.id)).to.deep.equal([0n, 2n, 0n]);
  });

  it("switches to Direct by a member vote the council approves", async () => {
    const g = await networkHelpers.loadFixture(deployBoth);
    const p = await g.proposal([[g.governor, "setMode", [Mode.Direct]]], "No council approval needed");
    await expect(g.enact(p)).to.emit(g.governor, "GovernanceModeChanged").withArgs(Mode.Both, Mode.Direct);
    expect(await g.governor.mode()).to.equal(Mode.Direct);
  });
});
