import { expect } from "chai";
import { Param } from "../../sdk/src/generated/enums.ts";
import { ONE } from "../helpers/region.ts";
import { deployDirect, networkHelpers } from "./fixture.ts";

const P = (name: Param) => Param.indexOf(name);

describe("RegionGovernor — parameter bounds are checked when proposed", () => {
  it("refuses an out-of-bound setParameter at propose time, naming the bound", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const p = await g.proposal(
      [[g.regionParameters, "setParameter", [P("SalesTaxRate"), ONE + 1n]]],
      "Sales tax above 100 %",
    );
    await expect(g.governor.connect(g.members[0]).propose(p.targets, p.values, p.calldatas, p.description))
      .to.be.revertedWithCustomError(g.regionParameters, "RegionParametersOutOfBounds")
      .withArgs(P("SalesTaxRate"), ONE + 1n, 0n, ONE);
    await expect(g.governor.state(p.id)).to.be.revertedWithCustomError(g.governor, "GovernorNonexistentProposal");
  });

  it("refuses an out-of-bound value inside setParameters, among valid ones", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const p = await g.proposal(
      [
        [
          g.regionParameters,
          "setParameters",
          [
            [P("SalesTaxRate"), P("UbiPeriod")],
            [ONE / 10n, 3600n],
          ],
        ],
      ],
      "UBI every hour",
    );
    await expect(g.governor.connect(g.members[0]).propose(p.targets, p.values, p.calldatas, p.description))
      .to.be.revertedWithCustomError(g.regionParameters, "RegionParametersOutOfBounds")
      .withArgs(P("UbiPeriod"), 3600n, 86_400n, 366n * 86_400n);
  });

  it("refuses a setParameters whose lists differ in length", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const p = await g.proposal(
      [[g.regionParameters, "setParameters", [[P("SalesTaxRate"), P("IncomeTaxRate")], [ONE / 10n]]]],
      "malformed",
    );
    await expect(g.governor.connect(g.members[0]).propose(p.targets, p.values, p.calldatas, p.description))
      .to.be.revertedWithCustomError(g.regionParameters, "RegionParametersLengthMismatch")
      .withArgs(2n, 1n);
  });

  it("judges a proposal whole: both ends of the productivity range may move together", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const min = P("ProductivityMin");
    const max = P("ProductivityMax");
    // today [0, 1]. Setting the maximum under the new minimum is refused ...
    const bad = await g.proposal(
      [
        [g.regionParameters, "setParameter", [min, ONE / 2n]],
        [g.regionParameters, "setParameter", [max, ONE / 4n]],
      ],
      "inverted range",
    );
    await expect(g.governor.connect(g.members[0]).propose(bad.targets, bad.values, bad.calldatas, bad.description))
      .to.be.revertedWithCustomError(g.regionParameters, "RegionParametersOutOfBounds")
      .withArgs(min, ONE / 2n, 0n, ONE / 4n);
    // ... while a consistent move of both ends passes and is enacted
    const good = await g.proposal(
      [
        [g.regionParameters, "setParameter", [min, ONE / 2n]],
        [g.regionParameters, "setParameter", [max, (ONE * 3n) / 4n]],
      ],
      "narrower range",
    );
    await g.enact(good);
    expect(await g.regionParameters.get(min)).to.equal(ONE / 2n);
    expect(await g.regionParameters.get(max)).to.equal((ONE * 3n) / 4n);
  });

  it("does not inspect calls to other contracts", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const p = await g.proposal([[g.governor, "setVotingDelay", [1n]]], "shorter delay");
    await expect(g.governor.connect(g.members[0]).propose(p.targets, p.values, p.calldatas, p.description)).to.emit(
      g.governor,
      "ProposalCreated",
    );
  });

  it("exposes the check as a view for clients", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const params = await g.regionParameters.getAddress();
    const ok = g.regionParameters.interface.encodeFunctionData("setParameter", [P("StartingWage"), 25n * ONE]);
    const bad = g.regionParameters.interface.encodeFunctionData("setParameter", [P("StartingWage"), 0n]);
    await g.governor.checkActions([params], [ok]);
    await expect(g.governor.checkActions([params], [bad]))
      .to.be.revertedWithCustomError(g.regionParameters, "RegionParametersOutOfBounds")
      .withArgs(P("StartingWage"), 0n, ONE / 100n, 10_000n * ONE);
  });
});

describe("RegionParameters — only the executor writes", () => {
  it("refuses every caller but the timelock", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const admin = await g.regionParameters.DEFAULT_ADMIN_ROLE();
    const callers = [g.registrar, g.members[0], g.outsider, g.councilSigners[0]];
    for (const caller of callers) {
      await expect(g.regionParameters.connect(caller).setParameter(P("SalesTaxRate"), 1n))
        .to.be.revertedWithCustomError(g.regionParameters, "AccessControlUnauthorizedAccount")
        .withArgs(caller.address, admin);
      await expect(g.regionParameters.connect(caller).setParameters([P("SalesTaxRate")], [1n]))
        .to.be.revertedWithCustomError(g.regionParameters, "AccessControlUnauthorizedAccount")
        .withArgs(caller.address, admin);
    }
    // nor the governor itself, nor the council's Safe: only the timelock
    for (const account of [await g.governor.getAddress(), await g.council.getAddress()]) {
      expect(await g.regionParameters.hasRole(admin, account)).to.equal(false);
    }
    // the Safe reports the failed inner call as GS013
    await expect(g.asCouncil(g.regionParameters, "setParameter", [P("SalesTaxRate"), 1n])).to.be.revertedWith("GS013");
    expect(await g.regionParameters.get(P("SalesTaxRate"))).to.equal((ONE * 8n) / 100n);
  });
});

describe("RegionParameters — history matches the executed proposals", () => {
  it("records every executed change in order, in events", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const tax = P("SalesTaxRate");
    const values = [ONE / 10n, ONE / 20n, ONE / 8n];
    const executedAt: bigint[] = [];
    for (const [i, v] of values.entries()) {
      const p = await g.proposal([[g.regionParameters, "setParameter", [tax, v]]], `Sales tax, step ${i}`);
      await (await g.enact(p)).wait();
      executedAt.push(BigInt(await networkHelpers.time.latest()));
    }
    // a defeated proposal leaves no trace
    const defeated = await g.proposal([[g.regionParameters, "setParameter", [tax, ONE / 2n]]], "defeated");
    await g.proposeAndVote(defeated, g.members[0], [[g.members[1], 0]]);

    const events = await g.regionParameters.queryFilter(g.regionParameters.filters.ParameterChanged(tax));
    expect(events.map((e) => [e.args.oldValue, e.args.newValue])).to.deep.equal([
      [0n, (ONE * 8n) / 100n],
      [(ONE * 8n) / 100n, values[0]],
      [values[0], values[1]],
      [values[1], values[2]],
    ]);
    // each change dated by the block that executed its proposal (what `getParameters` shows)
    const times = await Promise.all(events.slice(1).map(async (e) => BigInt((await e.getBlock()).timestamp)));
    expect(times).to.deep.equal(executedAt);
  });
});
