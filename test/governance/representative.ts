import { expect } from "chai";
import { ONE } from "../helpers/region.ts";
import { DAY, deployDirect, deployRepresentative, ethers, Mode, networkHelpers, TIMELOCK_DELAY } from "./fixture.ts";

const SALES_TAX = 0; // Param.SalesTaxRate

type Governed = Awaited<ReturnType<typeof deployRepresentative>>;

/** The council's operation on the timelock: one batch of calls, with its salt. */
async function councilBatch(
  g: Governed,
  calls: [
    { getAddress(): Promise<string>; interface: { encodeFunctionData(f: string, a: unknown[]): string } },
    string,
    unknown[],
  ][],
  salt: string,
) {
  const targets = await Promise.all(calls.map(([c]) => c.getAddress()));
  const values = calls.map(() => 0n);
  const payloads = calls.map(([c, fn, args]) => c.interface.encodeFunctionData(fn, args));
  const saltHash = ethers.id(salt);
  const id: string = await g.timelock.hashOperationBatch(targets, values, payloads, ethers.ZeroHash, saltHash);
  const schedule = () =>
    g.asCouncil(g.timelock, "scheduleBatch", [targets, values, payloads, ethers.ZeroHash, saltHash, TIMELOCK_DELAY]);
  const execute = () => g.asCouncil(g.timelock, "executeBatch", [targets, values, payloads, ethers.ZeroHash, saltHash]);
  return { targets, values, payloads, saltHash, id, schedule, execute };
}

describe("RegionGovernor — Representative mode", () => {
  it("is deployed with the council as proposer, executor and canceller of the timelock", async () => {
    const g = await networkHelpers.loadFixture(deployRepresentative);
    const council = await g.council.getAddress();
    expect(await g.governor.mode()).to.equal(Mode.Representative);
    for (const role of [g.timelock.PROPOSER_ROLE(), g.timelock.EXECUTOR_ROLE(), g.timelock.CANCELLER_ROLE()]) {
      expect(await g.timelock.hasRole(await role, council)).to.equal(true);
    }
  });

  it("lets the council decide with its threshold through the timelock; members see every call", async () => {
    const g = await networkHelpers.loadFixture(deployRepresentative);
    const op = await councilBatch(
      g,
      [[g.regionParameters, "setParameter", [SALES_TAX, ONE / 20n]]],
      "Sales tax to 5 %",
    );
    await expect(op.schedule())
      .to.emit(g.timelock, "CallScheduled")
      .withArgs(op.id, 0n, op.targets[0], 0n, op.payloads[0], ethers.ZeroHash, TIMELOCK_DELAY);
    expect(await g.timelock.isOperationPending(op.id)).to.equal(true);
    // the Safe refuses to run before the delay (the timelock reverts inside it)
    await expect(op.execute()).to.be.revertedWith("GS013");
    await networkHelpers.time.increase(TIMELOCK_DELAY);
    await expect(op.execute()).to.emit(g.regionParameters, "ParameterChanged");
    expect(await g.regionParameters.get(SALES_TAX)).to.equal(ONE / 20n);
    expect(await g.timelock.isOperationDone(op.id)).to.equal(true);
  });

  it("needs the council's threshold: one signer alone cannot schedule", async () => {
    const g = await networkHelpers.loadFixture(deployRepresentative);
    const data = g.timelock.interface.encodeFunctionData("updateDelay", [DAY]);
    const { execSafe } = await import("../helpers/safe.ts");
    await expect(
      execSafe(g.council as never, await g.timelock.getAddress(), data, [g.councilSigners[0]]),
    ).to.be.revertedWith("GS020");
  });

  it("refuses scheduling and executing on the timelock to everyone else", async () => {
    const g = await networkHelpers.loadFixture(deployRepresentative);
    const [m1] = g.members;
    const data = g.regionParameters.interface.encodeFunctionData("setParameter", [SALES_TAX, 1n]);
    const target = await g.regionParameters.getAddress();
    await expect(g.timelock.connect(m1).schedule(target, 0n, data, ethers.ZeroHash, ethers.ZeroHash, TIMELOCK_DELAY))
      .to.be.revertedWithCustomError(g.timelock, "AccessControlUnauthorizedAccount")
      .withArgs(m1.address, await g.timelock.PROPOSER_ROLE());
    await expect(g.timelock.connect(m1).execute(target, 0n, data, ethers.ZeroHash, ethers.ZeroHash))
      .to.be.revertedWithCustomError(g.timelock, "AccessControlUnauthorizedAccount")
      .withArgs(m1.address, await g.timelock.EXECUTOR_ROLE());
  });

  it("closes member proposals", async () => {
    const g = await networkHelpers.loadFixture(deployRepresentative);
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, 1n]]], "members cannot propose");
    await expect(g.governor.connect(g.members[0]).propose(p.targets, p.values, p.calldatas, p.description))
      .to.be.revertedWithCustomError(g.governor, "RegionGovernorProposalsClosed")
      .withArgs(Mode.Representative);
  });

  it("switches back to Direct by its own process, the council's roles going with it", async () => {
    const g = await networkHelpers.loadFixture(deployRepresentative);
    const council = await g.council.getAddress();
    const [proposer, executor, canceller] = await Promise.all([
      g.timelock.PROPOSER_ROLE(),
      g.timelock.EXECUTOR_ROLE(),
      g.timelock.CANCELLER_ROLE(),
    ]);
    // setMode alone is refused: the council would still propose in Direct mode
    const alone = await councilBatch(g, [[g.governor, "setMode", [Mode.Direct]]], "direct, roles kept");
    await alone.schedule();
    await networkHelpers.time.increase(TIMELOCK_DELAY);
    await expect(alone.execute()).to.be.revertedWith("GS013");
    expect(await g.governor.mode()).to.equal(Mode.Representative);
    const op = await councilBatch(
      g,
      [
        [g.timelock, "revokeRole", [proposer, council]],
        [g.timelock, "revokeRole", [canceller, council]],
        [g.timelock, "revokeRole", [executor, council]],
        [g.governor, "setMode", [Mode.Direct]],
      ],
      "Back to direct democracy",
    );
    await op.schedule();
    await networkHelpers.time.increase(TIMELOCK_DELAY);
    await expect(op.execute()).to.emit(g.governor, "GovernanceModeChanged").withArgs(Mode.Representative, Mode.Direct);
    for (const role of [proposer, executor, canceller]) expect(await g.timelock.hasRole(role, council)).to.equal(false);
    // members propose again
    const p = await g.proposal([[g.regionParameters, "setParameter", [SALES_TAX, ONE / 10n]]], "members again");
    await g.enact(p);
    expect(await g.regionParameters.get(SALES_TAX)).to.equal(ONE / 10n);
  });
});

describe("RegionGovernor — switching modes", () => {
  it("members switch from Direct to Representative, granting the council its roles in the same proposal", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const council = await g.council.getAddress();
    const [proposer, executor, canceller] = await Promise.all([
      g.timelock.PROPOSER_ROLE(),
      g.timelock.EXECUTOR_ROLE(),
      g.timelock.CANCELLER_ROLE(),
    ]);
    const p = await g.proposal(
      [
        [g.timelock, "grantRole", [proposer, council]],
        [g.timelock, "grantRole", [executor, council]],
        [g.timelock, "grantRole", [canceller, council]],
        [g.governor, "setMode", [Mode.Representative]],
      ],
      "Elect the council to decide",
    );
    await expect(g.enact(p)).to.emit(g.governor, "GovernanceModeChanged").withArgs(Mode.Direct, Mode.Representative);
    expect(await g.governor.mode()).to.equal(Mode.Representative);
    expect(await g.timelock.hasRole(proposer, council)).to.equal(true);
  });

  it("refuses a switch to Representative that does not give the council the proposer role", async () => {
    const g = await networkHelpers.loadFixture(deployDirect);
    const p = await g.proposal([[g.governor, "setMode", [Mode.Representative]]], "council without roles");
    await expect(g.enact(p))
      .to.be.revertedWithCustomError(g.governor, "RegionGovernorModeRolesMismatch")
      .withArgs(Mode.Representative, false);
    expect(await g.governor.mode()).to.equal(Mode.Direct);
  });
});
