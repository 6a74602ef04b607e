import { expect } from "chai";
import type { Signer } from "ethers";
import { deployFundedRegion, type FundedRegion, MEMBER_FUNDS } from "../helpers/funded.ts";
import { ethers, Kind, networkHelpers, ONE } from "../helpers/region.ts";

const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

/** An EIP-2612 permit signed by `signer` for `owner` (normally the same account). */
async function signPermit(
  r: FundedRegion,
  signer: Signer,
  owner: string,
  spender: string,
  value: bigint,
  deadline: number,
  nonce?: bigint,
) {
  const domain = {
    name: await r.rsc.name(),
    version: "1",
    chainId: (await ethers.provider.getNetwork()).chainId,
    verifyingContract: await r.rsc.getAddress(),
  };
  const message = { owner, spender, value, nonce: nonce ?? (await r.rsc.nonces(owner)), deadline };
  return ethers.Signature.from(await signer.signTypedData(domain, PERMIT_TYPES, message));
}

describe("RSC permit (EIP-2612)", () => {
  it("exposes the EIP-712 domain the signatures use", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    const domain = {
      name: "Demo Region",
      version: "1",
      chainId: (await ethers.provider.getNetwork()).chainId,
      verifyingContract: await r.rsc.getAddress(),
    };
    expect(await r.rsc.DOMAIN_SEPARATOR()).to.equal(ethers.TypedDataEncoder.hashDomain(domain));
    expect(await r.rsc.symbol()).to.equal("RSC");
    expect(await r.rsc.decimals()).to.equal(18n);
  });

  it("a signed permit sets the allowance and uses the nonce; transferFrom then moves Person -> Person", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    const deadline = (await networkHelpers.time.latest()) + 3600;
    const sig = await signPermit(r, r.alice, r.alice.address, r.carol.address, 10n * ONE, deadline);
    await expect(
      r.rsc.connect(r.carol).permit(r.alice.address, r.carol.address, 10n * ONE, deadline, sig.v, sig.r, sig.s),
    )
      .to.emit(r.rsc, "Approval")
      .withArgs(r.alice.address, r.carol.address, 10n * ONE);
    expect(await r.rsc.allowance(r.alice.address, r.carol.address)).to.equal(10n * ONE);
    expect(await r.rsc.nonces(r.alice.address)).to.equal(1n);
    await r.rsc.connect(r.carol).transferFrom(r.alice.address, r.bob.address, 4n * ONE);
    expect(await r.rsc.balanceOf(r.bob.address)).to.equal(MEMBER_FUNDS + 4n * ONE);
    expect(await r.rsc.allowance(r.alice.address, r.carol.address)).to.equal(6n * ONE);
    // replaying the same signature fails: the nonce moved on, so the signer recovered differs
    await expect(
      r.rsc.connect(r.carol).permit(r.alice.address, r.carol.address, 10n * ONE, deadline, sig.v, sig.r, sig.s),
    ).to.be.revertedWithCustomError(r.rsc, "RSCInvalidPermitSigner");
  });

  it("refuses an expired permit", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    const deadline = (await networkHelpers.time.latest()) + 10;
    const sig = await signPermit(r, r.alice, r.alice.address, r.carol.address, ONE, deadline);
    await networkHelpers.time.increaseTo(deadline + 1);
    await expect(r.rsc.permit(r.alice.address, r.carol.address, ONE, deadline, sig.v, sig.r, sig.s))
      .to.be.revertedWithCustomError(r.rsc, "RSCPermitExpired")
      .withArgs(deadline);
    expect(await r.rsc.allowance(r.alice.address, r.carol.address)).to.equal(0n);
    expect(await r.rsc.nonces(r.alice.address)).to.equal(0n);
  });

  it("refuses a permit signed by someone other than the owner", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    const deadline = (await networkHelpers.time.latest()) + 3600;
    const sig = await signPermit(r, r.bob, r.alice.address, r.carol.address, ONE, deadline);
    await expect(r.rsc.permit(r.alice.address, r.carol.address, ONE, deadline, sig.v, sig.r, sig.s))
      .to.be.revertedWithCustomError(r.rsc, "RSCInvalidPermitSigner")
      .withArgs(r.bob.address, r.alice.address);
    // a different value than signed recovers some other address
    const good = await signPermit(r, r.alice, r.alice.address, r.carol.address, ONE, deadline);
    await expect(
      r.rsc.permit(r.alice.address, r.carol.address, 2n * ONE, deadline, good.v, good.r, good.s),
    ).to.be.revertedWithCustomError(r.rsc, "RSCInvalidPermitSigner");
    expect(await r.rsc.allowance(r.alice.address, r.carol.address)).to.equal(0n);
  });

  it("refuses the zero spender", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    const deadline = (await networkHelpers.time.latest()) + 3600;
    const sig = await signPermit(r, r.alice, r.alice.address, ethers.ZeroAddress, ONE, deadline);
    await expect(r.rsc.permit(r.alice.address, ethers.ZeroAddress, ONE, deadline, sig.v, sig.r, sig.s))
      .to.be.revertedWithCustomError(r.rsc, "ERC20InvalidSpender")
      .withArgs(ethers.ZeroAddress);
  });

  it("spending a permit still obeys the rule: only to a Person, only from an active Person", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    const deadline = (await networkHelpers.time.latest()) + 3600;
    const sig = await signPermit(r, r.alice, r.alice.address, r.carol.address, ethers.MaxUint256, deadline);
    await r.rsc.permit(r.alice.address, r.carol.address, ethers.MaxUint256, deadline, sig.v, sig.r, sig.s);
    const pool = await r.capitalPool.getAddress();
    await expect(r.rsc.connect(r.carol).transferFrom(r.alice.address, pool, ONE))
      .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
      .withArgs(0, Kind.indexOf("Person"), Kind.indexOf("Region"));
    await expect(r.rsc.connect(r.carol).transferFrom(r.alice.address, r.carol.address, ONE))
      .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
      .withArgs(0, Kind.indexOf("Person"), Kind.indexOf("None"));
    await r.registry.suspend(r.alice.address, "x");
    await expect(r.rsc.connect(r.carol).transferFrom(r.alice.address, r.bob.address, ONE))
      .to.be.revertedWithCustomError(r.rsc, "RSCAccountSuspended")
      .withArgs(r.alice.address);
    expect(await r.rsc.balanceOf(r.alice.address)).to.equal(MEMBER_FUNDS);
    // an infinite allowance is not spent down
    await r.registry.restore(r.alice.address);
    await r.rsc.connect(r.carol).transferFrom(r.alice.address, r.bob.address, ONE);
    expect(await r.rsc.allowance(r.alice.address, r.carol.address)).to.equal(ethers.MaxUint256);
  });

  it("a company may sign a permit, but spending it is refused as Company -> Person", async () => {
    const r = await networkHelpers.loadFixture(deployFundedRegion);
    await r.registry.registerCompany(r.dave.address, Kind.indexOf("ExternalCompany"), 1, "x");
    const deadline = (await networkHelpers.time.latest()) + 3600;
    const sig = await signPermit(r, r.dave, r.dave.address, r.carol.address, ONE, deadline);
    await r.rsc.permit(r.dave.address, r.carol.address, ONE, deadline, sig.v, sig.r, sig.s);
    await expect(r.rsc.connect(r.carol).transferFrom(r.dave.address, r.alice.address, 0n))
      .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
      .withArgs(0, Kind.indexOf("ExternalCompany"), Kind.indexOf("Person"));
  });
});
