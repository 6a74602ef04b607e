import { expect } from "chai";
import { ONE } from "../helpers/region.ts";
import { deployDirect, ethers, Mode, networkHelpers, State, TIMELOCK_DELAY, Vote } from "./fixture.ts";

const SALES_TAX = 0; // Param.SalesTaxRate

describe("RegionGovernor — Direct mode", () => {
  it("deploys in Direct mode with the timelock as admin of the core", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    expect(await g.governor.mode()).to.equal(Mode.Direct);
    const admin = ethers.ZeroHash;
    const timelock = await g.timelock.getAddress();
    for (const c of [g.rsc, g.registry, g.reserve, g.capitalPool, g.regionParameters]) {
      expect(await c.hasRole(admin, timelock)).to.equal(true);
      expect(await c.hasRole(admin, g.registrar.address)).to.equal(false);
    }
    expect(await g.timelock.hasRole(admin, g.registrar.address)).to.equal(false);
  });

  it("runs a parameter change from proposal to execution; anyone executes", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const [m1, m2, m3] = g.members;
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, ONE / 20n]]], "Sales tax to 5 %");
    await g.proposeAndVote(p, m1, [
      [m1, Vote.For],
      [m2, Vote.For],
      [m3, Vote.Against],
    ]);
    expect(await g.governor.state(p.id)).to.equal(State.Succeeded);
    await g.governor.connect(g.outsider).queue(p.targets, p.values, p.calldatas, p.descriptionHash);
    expect(await g.governor.state(p.id)).to.equal(State.Queued);
    await networkHelpers.time.increase(TIMELOCK_DELAY);
    await expect(g.governor.connect(g.outsider).execute(p.targets, p.values, p.calldatas, p.descriptionHash))
      .to.emit(g.regionParameters, "ParameterChanged")
      .withArgs(SALES_TAX, await g.regionParameters.get(SALES_TAX), ONE / 20n);
    expect(await g.governor.state(p.id)).to.equal(State.Executed);
    expect(await g.regionParameters.get(SALES_TAX)).to.equal(ONE / 20n);
  });
});
