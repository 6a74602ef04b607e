import { expect } from "chai";
import { actionMask } from "../../sdk/src/core/enums.ts";
import { deployRegion, ethers, kindId, networkHelpers, ONE } from "../helpers/region.ts";

describe("RSC is ERC-7802 bridgeable", () => {
  async function fixture() {
    const r = await deployRegion();
    const [, , , , alice, bridge, moduleAccount, stranger] = r.signers;
    await (await r.registry.onboardMember(alice.address)).wait();
    await (await r.rsc.registerModule(bridge.address, kindId("Bridge"), actionMask(["BridgeIn", "BridgeOut"]))).wait();
    await (
      await r.rsc.registerModule(moduleAccount.address, kindId("Module"), actionMask(["BridgeIn", "BridgeOut"]))
    ).wait();
    return { ...r, alice, bridge, moduleAccount, stranger };
  }

  it("declares IERC7802 and IAccessControl through ERC-165", async () => {
    const r = await networkHelpers.loadFixture(fixture);
    expect(await r.rsc.supportsInterface("0x33331994")).to.equal(true); // IERC7802
    expect(await r.rsc.supportsInterface("0x7965db0b")).to.equal(true); // IAccessControl
    expect(await r.rsc.supportsInterface("0xffffffff")).to.equal(false);
  });

  it("mints and burns for a Bridge account as BridgeIn/BridgeOut actions, with the 7802 events", async () => {
    const r = await networkHelpers.loadFixture(fixture);
    const supply = await r.rsc.totalSupply();
    await expect(r.rsc.connect(r.bridge).crosschainMint(r.alice.address, 5n * ONE))
      .to.emit(r.rsc, "CrosschainMint")
      .withArgs(r.alice.address, 5n * ONE, r.bridge.address)
      .and.to.emit(r.rsc, "ActionPerformed")
      .withArgs(14, ethers.ZeroAddress, r.alice.address, 5n * ONE, ethers.ZeroHash);
    expect(await r.rsc.totalSupply()).to.equal(supply + 5n * ONE);
    await expect(r.rsc.connect(r.bridge).crosschainBurn(r.alice.address, 2n * ONE))
      .to.emit(r.rsc, "CrosschainBurn")
      .withArgs(r.alice.address, 2n * ONE, r.bridge.address);
    expect(await r.rsc.balanceOf(r.alice.address)).to.equal(3n * ONE);
  });

  it("refuses modules that are not bridges, strangers, and kinds the rule forbids", async () => {
    const r = await networkHelpers.loadFixture(fixture);
    await expect(r.rsc.connect(r.moduleAccount).crosschainMint(r.alice.address, ONE))
      .to.be.revertedWithCustomError(r.rsc, "RSCUnauthorizedModule")
      .withArgs(r.moduleAccount.address, 14);
    await expect(r.rsc.connect(r.stranger).crosschainBurn(r.alice.address, ONE))
      .to.be.revertedWithCustomError(r.rsc, "RSCUnauthorizedModule")
      .withArgs(r.stranger.address, 13);
    // BridgeIn never mints to a module (the transfer rule still applies across the bridge).
    await expect(r.rsc.connect(r.bridge).crosschainMint(await r.reserve.getAddress(), ONE))
      .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
      .withArgs(14, 0, kindId("Module"));
  });
});
