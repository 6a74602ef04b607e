import { expect } from "chai";
import { actionId, actionMask } from "../../sdk/src/core/enums.ts";
import { ONE } from "../helpers/region.ts";
import { DAY, deployDirect, ethers, networkHelpers } from "./fixture.ts";

const DEPOSIT_REF = `0x${"11".repeat(32)}`;

describe("Emergency pause by the council", () => {
  async function funded() {
    const g = await networkHelpers.loadFixture(deployDirect);
    const { execSafe } = await import("../helpers/safe.ts");
    const custodians = [g.signers[1], g.signers[2]];
    const asCustodians = async (fn: string, args: unknown[]) =>
      execSafe(
        g.custodians as never,
        await g.reserve.getAddress(),
        g.reserve.interface.encodeFunctionData(fn, args),
        custodians,
      );
    await asCustodians("attestReserves", [1000n * ONE, 0, ethers.ZeroHash]);
    await asCustodians("attestDeposit", [DEPOSIT_REF, g.members[0].address, 100n * ONE]);
    return { ...g, asCustodians };
  }

  it("pauses deposits with a reason and an expiry; transfers between persons go on", async () => {
    const g = await funded();
    const until = BigInt(await networkHelpers.time.latest()) + 3n * DAY;
    const mask = actionMask(["Deposit", "Redemption", "Transfer", "Wage", "IncomeTax"]);
    const effective = actionMask(["Deposit", "Redemption"]);
    await expect(g.asCouncil(g.rsc, "pauseActions", [mask, until, "reserve bank outage"]))
      .to.emit(g.rsc, "ActionsPaused")
      .withArgs(effective, until, "reserve bank outage");
    expect(await g.rsc.pausedActions()).to.deep.equal([effective, until]);
    // a deposit is refused (the Safe of the custodians reports the inner revert)
    await expect(
      g.asCustodians("attestDeposit", [`0x${"22".repeat(32)}`, g.members[1].address, ONE]),
    ).to.be.revertedWith("GS013");
    expect(await g.rsc.balanceOf(g.members[1].address)).to.equal(0n);
    // the reason, seen from the custodians' account: the token refuses the paused action
    await expect(
      (g.reserve.connect(ethers.provider) as typeof g.reserve).attestDeposit.staticCall(
        `0x${"22".repeat(32)}`,
        g.members[1].address,
        ONE,
        {
          from: await g.custodians.getAddress(),
        },
      ),
    )
      .to.be.revertedWithCustomError(g.rsc, "RSCActionPaused")
      .withArgs(actionId("Deposit"), until);
    // P2P transfers are never paused
    await g.rsc.connect(g.members[0]).transfer(g.members[1].address, ONE);
    expect(await g.rsc.balanceOf(g.members[1].address)).to.equal(ONE);
  });

  it("expires by itself", async () => {
    const g = await funded();
    const until = BigInt(await networkHelpers.time.latest()) + DAY;
    await g.asCouncil(g.rsc, "pauseActions", [actionMask(["Deposit"]), until, "audit"]);
    await networkHelpers.time.increaseTo(until + 1n);
    expect(await g.rsc.pausedActions()).to.deep.equal([0n, 0n]);
    await g.asCustodians("attestDeposit", [`0x${"22".repeat(32)}`, g.members[1].address, ONE]);
    expect(await g.rsc.balanceOf(g.members[1].address)).to.equal(ONE);
  });

  it("cannot last longer than 30 days", async () => {
    const g = await funded();
    const until = BigInt(await networkHelpers.time.latest()) + 31n * DAY;
    await expect(g.asCouncil(g.rsc, "pauseActions", [actionMask(["Deposit"]), until, "too long"])).to.be.revertedWith(
      "GS013",
    );
    expect((await g.rsc.pausedActions())[0]).to.equal(0n);
  });

  it("is refused to everyone but the council", async () => {
    const g = await funded();
    const until = BigInt(await networkHelpers.time.latest()) + DAY;
    const guardian = await g.rsc.GUARDIAN_ROLE();
    for (const caller of [g.members[0], g.registrar, g.councilSigners[0]]) {
      await expect(g.rsc.connect(caller).pauseActions(actionMask(["Deposit"]), until, "nope"))
        .to.be.revertedWithCustomError(g.rsc, "AccessControlUnauthorizedAccount")
        .withArgs(caller.address, guardian);
    }
  });

  it("is lifted early by governance only", async () => {
    const g = await funded();
    const until = BigInt(await networkHelpers.time.latest()) + 30n * DAY;
    await g.asCouncil(g.rsc, "pauseActions", [actionMask(["Deposit"]), until, "inquiry"]);
    // the council cannot lift it alone
    await expect(g.asCouncil(g.rsc, "unpauseActions", [])).to.be.revertedWith("GS013");
    await expect(g.rsc.connect(g.members[0]).unpauseActions())
      .to.be.revertedWithCustomError(g.rsc, "AccessControlUnauthorizedAccount")
      .withArgs(g.members[0].address, ethers.ZeroHash);
    const p = await g.proposal([[g.rsc, "unpauseActions", []]], "Lift the pause");
    await expect(g.enact(p)).to.emit(g.rsc, "ActionsUnpaused");
    expect((await g.rsc.pausedActions())[0]).to.equal(0n);
    await g.asCustodians("attestDeposit", [`0x${"22".repeat(32)}`, g.members[1].address, ONE]);
    expect(await g.rsc.balanceOf(g.members[1].address)).to.equal(ONE);
  });
});
