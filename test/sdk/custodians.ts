import { expect } from "chai";
import { encodeFunctionData } from "viem";
import { attestDeposit } from "../../sdk/src/core/attestDeposit.ts";
import { attestReserves } from "../../sdk/src/core/attestReserves.ts";
import { getBacking } from "../../sdk/src/core/getBacking.ts";
import { getBalance } from "../../sdk/src/core/getBalance.ts";
import { getRedemptions } from "../../sdk/src/core/getRedemptions.ts";
import { getStatus } from "../../sdk/src/core/getStatus.ts";
import { markRedemptionPaid } from "../../sdk/src/core/markRedemptionPaid.ts";
import { refundRedemption } from "../../sdk/src/core/refundRedemption.ts";
import { requestRedemption } from "../../sdk/src/core/requestRedemption.ts";
import { ConductorContractError, ConductorInputError, ConductorPreflightError } from "../../sdk/src/errors.ts";
import { reserveAbi, safeAbi } from "../../sdk/src/generated/abis.ts";
import { approveSafeTransaction } from "../../sdk/src/safe/approveSafeTransaction.ts";
import { executeSafeTransaction } from "../../sdk/src/safe/executeSafeTransaction.ts";
import { getSafeApprovals } from "../../sdk/src/safe/getSafeApprovals.ts";
import { buildSafeTransaction, hashSafeTransaction } from "../../sdk/src/safe/safeTransaction.ts";
import { signSafeTransaction } from "../../sdk/src/safe/signSafeTransaction.ts";
import { expectError, refusesWithoutSending as refuses } from "./expectError.ts";
import { type Actor, ONE, startTestRegion, type TestRegion } from "./region.ts";

describe("sdk custodian actions against a real node: redemptions through the custodians' Safe", function () {
  this.timeout(600_000);
  let r: TestRegion;
  let ada: Actor;
  let bo: Actor;
  let cleo: Actor;
  let _dev: Actor;

  before(async () => {
    r = await startTestRegion();
    [ada, bo, cleo, _dev] = r.members;
  });
  after(async () => {
    await r?.close();
  });

  const refusesWithoutSending = refuses(() => r);

  describe("redemption and the custodians' Safe", () => {
    it("request → custodians mark paid: escrowed RSC burned, reserves fall", async () => {
      const before = await getStatus(r.readOnly);
      const b0 = await getBalance(r.readOnly, { address: ada.address });
      const req = await requestRedemption(ada.client, { amount: "100" });
      expect(req.usdAmount).to.equal(100n * ONE);
      expect(await getBalance(r.readOnly, { address: ada.address })).to.equal(b0 - 100n * ONE);
      const [pending] = await getRedemptions(r.readOnly, { holder: ada.address, status: "Pending" });
      expect(pending).to.include({
        redemptionId: req.redemptionId,
        holder: ada.address,
        amount: 100n * ONE,
        status: "Pending",
      });
      const paid = await markRedemptionPaid(r.custodians[0].client, {
        redemptionId: req.redemptionId,
        payoutRef: "wire 1",
        cosigners: [r.custodians[2].account],
      });
      expect(paid.status).to.equal("executed");
      const after = await getStatus(r.readOnly);
      expect(after.totalSupply).to.equal(before.totalSupply - 100n * ONE);
      expect(after.attestedReserves.usd).to.equal(before.attestedReserves.usd - 100n * ONE);
      const [done] = await getRedemptions(r.readOnly, { holder: ada.address });
      expect(done.status).to.equal("Paid");
    });

    it("a paid redemption cannot be paid again: decoded before anyone signs", async () => {
      const e = await refusesWithoutSending(
        r.custodians[0],
        () =>
          markRedemptionPaid(r.custodians[0].client, {
            redemptionId: 0n,
            payoutRef: "wire 1",
            cosigners: [r.custodians[1].account],
          }),
        ConductorContractError,
        /redemption #0 is not pending \(status: Paid\)/,
      );
      expect(e.errorName).to.equal("ReserveRedemptionNotPending");
    });

    it("request → refund: the RSC returns to the holder", async () => {
      const b0 = await getBalance(r.readOnly, { address: bo.address });
      const req = await requestRedemption(bo.client, { amount: "40" });
      const refunded = await refundRedemption(r.custodians[1].client, {
        redemptionId: req.redemptionId,
        reason: "bank account closed",
        cosigners: [r.custodians[2].account],
      });
      expect(refunded.status).to.equal("executed");
      expect(await getBalance(r.readOnly, { address: bo.address })).to.equal(b0);
      const [mine] = await getRedemptions(r.readOnly, { holder: bo.address, status: "Refunded" });
      expect(mine.redemptionId).to.equal(req.redemptionId);
    });

    it("redemption input is validated", async () => {
      await expectError(requestRedemption(ada.client, { amount: "0" }), ConductorInputError, /more than zero/);
      await expectError(
        refundRedemption(r.custodians[0].client, { redemptionId: "x", reason: "r" }),
        ConductorInputError,
        /whole number/,
      );
      await expectError(getRedemptions(r.readOnly, { status: "Lost" as never }), ConductorInputError, /status/);
    });

    it("one custodian approves on-chain, the next one executes the same deposit", async () => {
      const params = { depositRef: "bank transfer 77", depositor: cleo.address, usdAmount: "60" };
      const b0 = await getBalance(r.readOnly, { address: cleo.address });
      const first = await attestDeposit(r.custodians[0].client, params);
      expect(first.status).to.equal("approved");
      if (first.status !== "approved") throw new Error("unreachable");
      expect(first).to.include({ approvals: 1, threshold: 2 });
      expect(first.rscAmount).to.equal(null);
      expect(await getBalance(r.readOnly, { address: cleo.address })).to.equal(b0);
      const again = await attestDeposit(r.custodians[0].client, params);
      expect(again.status === "approved" && again.hash === null).to.equal(true);
      const second = await attestDeposit(r.custodians[2].client, params);
      expect(second.status).to.equal("executed");
      expect(second.safeTxHash).to.equal(first.safeTxHash);
      expect(second.rscAmount).to.equal(60n * ONE);
      expect(await getBalance(r.readOnly, { address: cleo.address })).to.equal(b0 + 60n * ONE);
    });

    it("a deposit past the attested reserves is refused before signing", async () => {
      const e = await refusesWithoutSending(
        r.custodians[0],
        () =>
          attestDeposit(r.custodians[0].client, {
            depositRef: "too much",
            depositor: cleo.address,
            usdAmount: "2000000",
            cosigners: [r.custodians[1].account],
          }),
        ConductorContractError,
        /past the attested reserves' backing/,
        [cleo.address],
      );
      expect(e.errorName).to.equal("ReserveInsufficientBacking");
    });

    it("anyone may relay a fully signed Safe transaction; attestReserves updates the figure", async () => {
      const block = await r.readOnly.publicClient.getBlock();
      const result = await attestReserves(ada.client, {
        usdReserves: "2000000",
        asOf: Number(block.timestamp) - 1,
        report: "report 2",
        cosigners: [r.custodians[0].account, r.custodians[1].account],
      });
      expect(result.status).to.equal("executed");
      expect((await getStatus(r.readOnly)).attestedReserves.usd).to.equal(2_000_000n * ONE);
    });

    it("a non-custodian without co-signers cannot reach the threshold", async () => {
      await refusesWithoutSending(
        ada,
        () => attestReserves(ada.client, { usdReserves: "3000000", asOf: 1, report: "r" }),
        ConductorPreflightError,
        /needs 2 owners; 0 signed or approved/,
      );
    });

    it("reserves below the supply are refused before sending (the shortfall must be accepted)", async () => {
      const custodian = r.custodians[0];
      await refusesWithoutSending(
        custodian,
        () =>
          attestReserves(custodian.client, {
            usdReserves: "1",
            asOf: 1,
            report: "r",
            cosigners: [r.custodians[1].account],
          }),
        ConductorPreflightError,
        /would not back the supply of [0-9.]+ RSC/,
      );
    });

    it("a shortfall, once accepted, is recorded and shown by getBacking until reserves cover the supply", async () => {
      const [a, b] = r.custodians;
      const before = await getBacking(r.readOnly);
      expect(before.shortfall).to.equal(0n);
      await attestReserves(a.client, {
        usdReserves: "1",
        asOf: 1,
        report: "r",
        cosigners: [b.account],
        acceptShortfall: true,
      });
      const short = await getBacking(r.readOnly);
      expect([short.attestedReserves.usd, short.mintable]).to.deep.equal([ONE, 0n]);
      expect(short.shortfall).to.equal(short.totalSupply - ONE);
      expect((await getStatus(r.readOnly)).shortfall).to.equal(short.shortfall);
      await attestReserves(a.client, {
        usdReserves: before.attestedReserves.usd,
        asOf: 1,
        report: "r",
        cosigners: [b.account],
      });
      expect((await getBacking(r.readOnly)).shortfall).to.equal(0n);
    });

    it("a future attestation is refused, decoded", async () => {
      const e = await expectError(
        attestReserves(r.custodians[0].client, {
          usdReserves: "1000000000",
          asOf: "2999-01-01",
          report: "r",
          cosigners: [r.custodians[1].account],
        }),
        ConductorContractError,
        /cannot be dated in the future/,
      );
      expect(e.errorName).to.equal("ReserveFutureAttestation");
    });
  });

  describe("the Safe helper", () => {
    it("hashes like the Safe, collects signatures, and lets anyone execute", async () => {
      const safe = r.deployment.contracts.Custodians;
      const block = await r.readOnly.publicClient.getBlock();
      const data = encodeFunctionData({
        abi: reserveAbi,
        functionName: "attestReserves",
        args: [3_000_000n * ONE, Number(block.timestamp) - 1, `0x${"ab".repeat(32)}`],
      });
      const transaction = await buildSafeTransaction(r.readOnly, { safe, to: r.deployment.contracts.Reserve, data });
      const onChain = await r.readOnly.publicClient.readContract({
        address: safe,
        abi: safeAbi,
        functionName: "getTransactionHash",
        args: [
          transaction.to,
          transaction.value,
          transaction.data,
          transaction.operation,
          transaction.safeTxGas,
          transaction.baseGas,
          transaction.gasPrice,
          transaction.gasToken,
          transaction.refundReceiver,
          transaction.nonce,
        ],
      });
      expect(hashSafeTransaction(r.deployment.chainId, safe, transaction)).to.equal(onChain);
      const sigB = await signSafeTransaction(r.custodians[1].client, { safe, transaction });
      const sigC = await signSafeTransaction(r.readOnly, { safe, transaction, signer: r.custodians[2].account });
      const notOwner = await signSafeTransaction(ada.client, { safe, transaction });
      const e = await expectError(
        executeSafeTransaction(ada.client, { safe, transaction, signatures: [sigB, notOwner] }),
        ConductorPreflightError,
        /is not an owner of the Safe/,
      );
      expect(e.code).to.equal("NotSafeOwner");
      await expectError(
        executeSafeTransaction(ada.client, { safe, transaction, signatures: [sigB] }),
        ConductorPreflightError,
        /needs 2 owners; 1 signed or approved/,
      );
      const { safeTxHash } = await executeSafeTransaction(ada.client, { safe, transaction, signatures: [sigC, sigB] });
      expect(safeTxHash).to.equal(onChain);
      expect((await getStatus(r.readOnly)).attestedReserves.usd).to.equal(3_000_000n * ONE);
    });

    it("approveSafeTransaction records an on-chain approval that execution counts", async () => {
      const safe = r.deployment.contracts.Custodians;
      const data = encodeFunctionData({
        abi: reserveAbi,
        functionName: "attestDeposit",
        args: [`0x${"cd".repeat(32)}`, cleo.address, ONE],
      });
      const transaction = await buildSafeTransaction(r.readOnly, { safe, to: r.deployment.contracts.Reserve, data });
      const { safeTxHash } = await approveSafeTransaction(r.custodians[0].client, { safe, transaction });
      const approvals = await getSafeApprovals(r.readOnly, { safe, safeTxHash });
      expect(approvals.threshold).to.equal(2);
      expect(approvals.approvedBy).to.deep.equal([r.custodians[0].address]);
      const b0 = await getBalance(r.readOnly, { address: cleo.address });
      await executeSafeTransaction(r.custodians[1].client, { safe, transaction });
      expect(await getBalance(r.readOnly, { address: cleo.address })).to.equal(b0 + ONE);
    });
  });
});
