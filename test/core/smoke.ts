import { expect } from "chai";
import { deployRegion, networkHelpers, ONE } from "../helpers/region.ts";

describe("region smoke", () => {
  it("deploys, onboards, deposits and transfers", async () => {
    const r = await networkHelpers.loadFixture(deployRegion);
    const [, , , , alice, bob] = r.signers;
    await r.registry.onboardMember(alice.address);
    await r.registry.onboardMember(bob.address);
    await r.asCustodians(r.reserve, "attestReserves", [1000n * ONE, 0, `0x${"00".repeat(32)}`]);
    await r.asCustodians(r.reserve, "attestDeposit", [`0x${"11".repeat(32)}`, alice.address, 100n * ONE]);
    expect(await r.rsc.balanceOf(alice.address)).to.equal(100n * ONE);
    await r.rsc.connect(alice).transfer(bob.address, 40n * ONE);
    expect(await r.rsc.balanceOf(bob.address)).to.equal(40n * ONE);
  });
});
