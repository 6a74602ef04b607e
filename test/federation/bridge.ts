import { expect } from "chai";
import { concat, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import {
  attest,
  connect,
  deployRegionChain,
  ONE,
  type RegionChain,
  seedMembers,
  sentMessage,
  validators,
} from "./helpers.ts";

describe("federation bridge", () => {
  let a: RegionChain;
  let b: RegionChain;
  let aliceA: RegionChain["signers"][number];
  let bobB: RegionChain["signers"][number];

  beforeEach(async () => {
    a = await deployRegionChain(1001);
    b = await deployRegionChain(1002);
    await connect(a, b);
    [aliceA] = await seedMembers(a, 1);
    [bobB] = await seedMembers(b, 1);
  });

  afterEach(async () => {
    await a.connection.close();
    await b.connection.close();
  });

  async function sendAtoB(amount: bigint, recipient = bobB.address) {
    const tx = await a.bridgeGateway.connect(aliceA).send(b.chainId, recipient, amount);
    return sentMessage(a, await tx.wait());
  }

  it("burns on the source, mints on the destination with 2-of-3 attestations, and records net flows", async () => {
    const supplyA = await a.rsc.totalSupply();
    const { id, message } = await sendAtoB(25n * ONE);
    expect(await a.rsc.totalSupply()).to.equal(supplyA - 25n * ONE);
    expect(await a.bridgeGateway.netFlow(b.chainId)).to.equal(25n * ONE);

    const before = await b.rsc.balanceOf(bobB.address);
    await expect(b.bridgeGateway.receiveMessage(message, await attest(message)))
      .to.emit(b.bridgeGateway, "MessageReceived")
      .withArgs(id, a.chainId, bobB.address, 25n * ONE, 0);
    expect(await b.rsc.balanceOf(bobB.address)).to.equal(before + 25n * ONE);
    expect(await b.bridgeGateway.netFlow(a.chainId)).to.equal(-25n * ONE);
    expect(await b.bridgeGateway.isProcessed(a.chainId, message.nonce)).to.equal(true);
  });

  it("refuses a replay of a processed message", async () => {
    const { id, message } = await sendAtoB(ONE);
    const sigs = await attest(message);
    await (await b.bridgeGateway.receiveMessage(message, sigs)).wait();
    await expect(b.bridgeGateway.receiveMessage(message, sigs))
      .to.be.revertedWithCustomError(b.bridgeGateway, "BridgeGatewayAlreadyProcessed")
      .withArgs(id);
  });

  it("refuses forged, duplicated, unsorted and below-threshold attestations", async () => {
    const { message } = await sendAtoB(ONE);
    const forger = privateKeyToAccount(`0x${"77".repeat(32)}`);
    await expect(b.bridgeGateway.receiveMessage(message, await attest(message, [validators[0], forger])))
      .to.be.revertedWithCustomError(b.bridgeGateway, "BridgeGatewayNotAValidator")
      .withArgs(forger.address);
    const one = await attest(message, [validators[0]]);
    await expect(b.bridgeGateway.receiveMessage(message, concat([one, one]))).to.be.revertedWithCustomError(
      b.bridgeGateway,
      "BridgeGatewayUnsortedSigners",
    );
    await expect(b.bridgeGateway.receiveMessage(message, one))
      .to.be.revertedWithCustomError(b.bridgeGateway, "BridgeGatewayTooFewSignatures")
      .withArgs(1, 2);
    const [s0, s1] = [await attest(message, [validators[0]]), await attest(message, [validators[1]])];
    const descending =
      BigInt(validators[0].address) > BigInt(validators[1].address) ? concat([s0, s1]) : concat([s1, s0]);
    await expect(b.bridgeGateway.receiveMessage(message, descending)).to.be.revertedWithCustomError(
      b.bridgeGateway,
      "BridgeGatewayUnsortedSigners",
    );
    await expect(b.bridgeGateway.receiveMessage(message, "0x1234")).to.be.revertedWithCustomError(
      b.bridgeGateway,
      "BridgeGatewayBadSignatureLength",
    );
  });

  it("refuses a message for another chain or gateway, and any tampered field", async () => {
    const { message } = await sendAtoB(ONE);
    const wrongChain = { ...message, dstChainId: 1003n };
    await expect(b.bridgeGateway.receiveMessage(wrongChain, await attest(wrongChain))).to.be.revertedWithCustomError(
      b.bridgeGateway,
      "BridgeGatewayWrongRoute",
    );
    const sigs = await attest(message);
    const fields: [keyof typeof message, unknown][] = [
      ["nonce", message.nonce + 1n],
      ["amount", message.amount * 2n],
      ["recipient", b.signers[9].address],
      ["sender", a.signers[9].address],
      ["ref", `0x${"01".repeat(32)}`],
      ["kind", 2],
    ];
    for (const [field, value] of fields) {
      const tampered = { ...message, [field]: value };
      await expect(b.bridgeGateway.receiveMessage(tampered, sigs), `tampered ${field}`).to.be.revert(b.ethers);
    }
  });

  it("enforces the per-message cap and the rate limits both ways", async () => {
    await (
      await a.bridgeGateway.configureRoute(
        b.chainId,
        await b.bridgeGateway.getAddress(),
        10n * ONE,
        15n * ONE,
        15n * ONE,
        86_400,
      )
    ).wait();
    await expect(a.bridgeGateway.connect(aliceA).send(b.chainId, bobB.address, 11n * ONE))
      .to.be.revertedWithCustomError(a.bridgeGateway, "BridgeGatewayCapExceeded")
      .withArgs(11n * ONE, 10n * ONE);
    await (await a.bridgeGateway.connect(aliceA).send(b.chainId, bobB.address, 10n * ONE)).wait();
    await expect(a.bridgeGateway.connect(aliceA).send(b.chainId, bobB.address, 6n * ONE)).to.be.revertedWithCustomError(
      a.bridgeGateway,
      "BridgeGatewayRateLimited",
    );
    // inbound on b
    await (
      await b.bridgeGateway.configureRoute(
        a.chainId,
        await a.bridgeGateway.getAddress(),
        10n * ONE,
        15n * ONE,
        5n * ONE,
        86_400,
      )
    ).wait();
    await (
      await a.bridgeGateway.configureRoute(
        b.chainId,
        await b.bridgeGateway.getAddress(),
        10n * ONE,
        100n * ONE,
        100n * ONE,
        86_400,
      )
    ).wait();
    const { message } = await sendAtoB(6n * ONE);
    await expect(b.bridgeGateway.receiveMessage(message, await attest(message))).to.be.revertedWithCustomError(
      b.bridgeGateway,
      "BridgeGatewayRateLimited",
    );
  });

  it("honours a guardian's pause until governance unpauses", async () => {
    const [, , , , , guardian] = b.signers;
    await (await b.bridgeGateway.grantRole(await b.bridgeGateway.GUARDIAN_ROLE(), guardian.address)).wait();
    const { message } = await sendAtoB(ONE);
    await expect(b.bridgeGateway.connect(guardian).pause("validator key leak")).to.emit(
      b.bridgeGateway,
      "GatewayPaused",
    );
    await expect(b.bridgeGateway.receiveMessage(message, await attest(message))).to.be.revertedWithCustomError(
      b.bridgeGateway,
      "BridgeGatewayPaused",
    );
    await expect(b.bridgeGateway.connect(guardian).unpause()).to.be.revertedWithCustomError(
      b.bridgeGateway,
      "AccessControlUnauthorizedAccount",
    );
    await (await b.bridgeGateway.unpause()).wait();
    await (await b.bridgeGateway.receiveMessage(message, await attest(message))).wait();
  });

  it("bounces a transfer to a non-member back to its sender", async () => {
    const stranger = b.signers[15].address;
    const balanceBefore = await a.rsc.balanceOf(aliceA.address);
    const { id, message } = await sendAtoB(3n * ONE, stranger);
    const receipt = await (await b.bridgeGateway.receiveMessage(message, await attest(message))).wait();
    const refund = await sentMessage(b, receipt);
    expect(refund.message.kind).to.equal(2);
    expect(refund.message.recipient).to.equal(aliceA.address);
    expect(refund.message.ref).to.equal(id);
    expect(await b.rsc.balanceOf(stranger)).to.equal(0n);
    await (await a.bridgeGateway.receiveMessage(refund.message, await attest(refund.message))).wait();
    expect(await a.rsc.balanceOf(aliceA.address)).to.equal(balanceBefore);
    expect(await a.bridgeGateway.netFlow(b.chainId)).to.equal(0n);
    expect(await b.bridgeGateway.netFlow(a.chainId)).to.equal(0n);
  });

  it("rotates validators only after the governed delay", async () => {
    const next = [validators[1].address, validators[2].address, privateKeyToAccount(`0x${"55".repeat(32)}`).address];
    await expect(b.bridgeGateway.connect(b.signers[5]).proposeValidatorSet(next, 2)).to.be.revertedWithCustomError(
      b.bridgeGateway,
      "AccessControlUnauthorizedAccount",
    );
    await (await b.bridgeGateway.proposeValidatorSet(next, 2)).wait();
    await expect(b.bridgeGateway.activateValidatorSet()).to.be.revertedWithCustomError(
      b.bridgeGateway,
      "BridgeGatewayRotationNotDue",
    );
    await b.connection.provider.request({ method: "evm_increaseTime", params: [3601] });
    await (await b.bridgeGateway.activateValidatorSet()).wait();
    const { message } = await sendAtoB(ONE);
    // validators[0] is no longer in the set
    await expect(b.bridgeGateway.receiveMessage(message, await attest(message, [validators[0], validators[1]])))
      .to.be.revertedWithCustomError(b.bridgeGateway, "BridgeGatewayNotAValidator")
      .withArgs(validators[0].address);
    await (await b.bridgeGateway.receiveMessage(message, await attest(message, [validators[1], validators[2]]))).wait();
  });

  it("pools capital-pool funds from one region into another's pool, by governance only", async () => {
    await (await a.reserve.attestDeposit(`0x${"99".repeat(32)}`, await a.capitalPool.getAddress(), 500n * ONE)).wait();
    await expect(
      a.bridgeGateway.connect(aliceA).sendPooling(b.chainId, ONE, `0x${"00".repeat(32)}`),
    ).to.be.revertedWithCustomError(a.bridgeGateway, "AccessControlUnauthorizedAccount");
    const receipt = await (
      await a.bridgeGateway.sendPooling(b.chainId, 200n * ONE, `0x${"aa".repeat(32)}` as Hex)
    ).wait();
    const { message } = await sentMessage(a, receipt);
    const poolB = await b.capitalPool.getAddress();
    const before = await b.rsc.balanceOf(poolB);
    await (await b.bridgeGateway.receiveMessage(message, await attest(message))).wait();
    expect(await b.rsc.balanceOf(poolB)).to.equal(before + 200n * ONE);
    expect(await a.rsc.balanceOf(await a.capitalPool.getAddress())).to.equal(300n * ONE);
  });

  it("refuses to send for a non-person or to an unknown region", async () => {
    await expect(
      a.bridgeGateway.connect(a.signers[16]).send(b.chainId, bobB.address, ONE),
    ).to.be.revertedWithCustomError(a.bridgeGateway, "BridgeGatewayNotAPerson");
    await expect(a.bridgeGateway.connect(aliceA).send(9999n, bobB.address, ONE))
      .to.be.revertedWithCustomError(a.bridgeGateway, "BridgeGatewayUnknownRoute")
      .withArgs(9999n);
  });
});
