import { expect } from "chai";
import type { Address } from "viem";
import { coreContracts } from "../../sdk/src/contracts.ts";
import { approve } from "../../sdk/src/core/approve.ts";
import { attestDeposit } from "../../sdk/src/core/attestDeposit.ts";
import { attestReserves } from "../../sdk/src/core/attestReserves.ts";
import { claimUbi } from "../../sdk/src/core/claimUbi.ts";
import { getAccount } from "../../sdk/src/core/getAccount.ts";
import { getBalance } from "../../sdk/src/core/getBalance.ts";
import { getRedemptions } from "../../sdk/src/core/getRedemptions.ts";
import { getStatus } from "../../sdk/src/core/getStatus.ts";
import { markRedemptionPaid } from "../../sdk/src/core/markRedemptionPaid.ts";
import { onboardMember } from "../../sdk/src/core/onboardMember.ts";
import { permit } from "../../sdk/src/core/permit.ts";
import { recoverMember } from "../../sdk/src/core/recoverMember.ts";
import { refundRedemption } from "../../sdk/src/core/refundRedemption.ts";
import { registerCompany } from "../../sdk/src/core/registerCompany.ts";
import { requestRedemption } from "../../sdk/src/core/requestRedemption.ts";
import { restoreAccount } from "../../sdk/src/core/restoreAccount.ts";
import { signPermit } from "../../sdk/src/core/signPermit.ts";
import { suspendAccount } from "../../sdk/src/core/suspendAccount.ts";
import { transfer } from "../../sdk/src/core/transfer.ts";
import { ConductorContractError, ConductorInputError, ConductorPreflightError } from "../../sdk/src/errors.ts";
import { expectError } from "./expectError.ts";
import { type Actor, ONE, startTestRegion, type TestRegion } from "./region.ts";

describe("sdk core actions against a real node", function () {
  this.timeout(600_000);
  let r: TestRegion;
  let ada: Actor;
  let bo: Actor;
  let cleo: Actor;
  let dev: Actor;

  before(async () => {
    r = await startTestRegion();
    [ada, bo, cleo, dev] = r.members;
  });
  after(async () => {
    await r?.close();
  });

  const nonce = (a: Address) => r.readOnly.publicClient.getTransactionCount({ address: a });
  /** Asserts `fn` rejects with `type` and that `who` sent nothing and no balance moved. */
  async function refusesWithoutSending<T extends Error>(
    who: Actor,
    fn: () => Promise<unknown>,
    type: abstract new (...args: never[]) => T,
    message: RegExp,
    watch: Address[] = [],
  ): Promise<T> {
    const before = await Promise.all([nonce(who.address), ...watch.map((a) => getBalance(r.readOnly, { address: a }))]);
    const error = await expectError(fn(), type, message);
    const after = await Promise.all([nonce(who.address), ...watch.map((a) => getBalance(r.readOnly, { address: a }))]);
    expect(after).to.deep.equal(before);
    return error;
  }

  describe("reads", () => {
    it("getStatus: supply, reserves, pool, members, parameters", async () => {
      const s = await getStatus(r.readOnly);
      expect(s.regionName).to.equal("SDK Test Region");
      expect(s.chainId).to.equal(31337);
      expect(s.totalSupply).to.equal(12_000n * ONE);
      expect(s.attestedReserves.usd).to.equal(1_000_000n * ONE);
      expect(s.mintable).to.equal(988_000n * ONE);
      expect(s.poolBalance).to.equal(10_000n * ONE);
      expect(s.memberCount).to.equal(4n);
      expect(s.parameters.UbiAmount).to.equal(200n * ONE);
      expect(s.parameters.ExchangeRate).to.equal(ONE);
      expect(s.units.UbiPeriod).to.equal("Seconds");
      expect(s.units.SalesTaxRate).to.equal("Fraction");
    });

    it("getBalance: any address, or the client's own", async () => {
      expect(await getBalance(r.readOnly, { address: bo.address })).to.equal(500n * ONE);
      expect(await getBalance(ada.client)).to.equal(1000n * ONE);
      expect(await getBalance(r.readOnly, { address: r.outsiders[0].address.toLowerCase() })).to.equal(0n);
    });

    it("getBalance refuses a bad address", async () => {
      await expectError(
        getBalance(r.readOnly, { address: "0x1234" }),
        ConductorInputError,
        /"0x1234" is not an address/,
      );
      await expectError(getBalance(r.readOnly), ConductorInputError, /address/);
    });

    it("getAccount: a member, a company, an unregistered address", async () => {
      const a = await getAccount(r.readOnly, { address: ada.address });
      expect(a).to.include({ kind: "Person", suspended: false, memberId: 1n, votes: 1n, canTransferDirectly: true });
      expect(a.votingSince).to.be.a("number");
      const c = await getAccount(r.readOnly, { address: r.housing });
      expect(c).to.include({ kind: "RegionalCompany", memberId: null, votes: 0n, canTransferDirectly: false });
      expect(c.company?.industryId).to.equal(1);
      const x = await getAccount(r.readOnly, { address: r.external.address });
      expect(x.kind).to.equal("ExternalCompany");
      expect(x.balance).to.equal(300n * ONE);
      const none = await getAccount(r.readOnly, { address: r.outsiders[0].address });
      expect(none).to.include({ kind: "None", memberId: null, company: null, balance: 0n });
    });
  });

  describe("transfer", () => {
    it("pays another member: balances move by the amount", async () => {
      const [a0, b0] = [
        await getBalance(r.readOnly, { address: ada.address }),
        await getBalance(r.readOnly, { address: bo.address }),
      ];
      const result = await transfer(ada.client, { to: bo.address.toLowerCase(), amount: "12.50" });
      expect(result.amount).to.equal(12n * ONE + ONE / 2n);
      expect(result.to).to.equal(bo.address);
      const receipt = await r.readOnly.publicClient.getTransactionReceipt({ hash: result.hash });
      expect(receipt.status).to.equal("success");
      expect(await getBalance(r.readOnly, { address: ada.address })).to.equal(a0 - result.amount);
      expect(await getBalance(r.readOnly, { address: bo.address })).to.equal(b0 + result.amount);
    });

    it("accepts wei as a bigint", async () => {
      const b0 = await getBalance(r.readOnly, { address: cleo.address });
      await transfer(bo.client, { to: cleo.address, amount: 7n });
      expect(await getBalance(r.readOnly, { address: cleo.address })).to.equal(b0 + 7n);
    });

    it("refuses to pay a company directly, with the reason, before signing", async () => {
      const e = await refusesWithoutSending(
        ada,
        () => transfer(ada.client, { to: r.housing, amount: "5" }),
        ConductorPreflightError,
        /is a RegionalCompany: RSC moves directly only between persons; pay a company through a purchase/,
        [ada.address, r.housing],
      );
      expect(e.code).to.equal("RecipientNotPerson");
      expect(e.values).to.deep.equal({ to: r.housing, kind: "RegionalCompany" });
      await refusesWithoutSending(
        ada,
        () => transfer(ada.client, { to: r.external.address, amount: "5" }),
        ConductorPreflightError,
        /is an ExternalCompany: RSC moves directly only between persons/,
      );
    });

    it("refuses an unregistered recipient", async () => {
      const e = await refusesWithoutSending(
        ada,
        () => transfer(ada.client, { to: r.outsiders[0].address, amount: "1" }),
        ConductorPreflightError,
        /is not registered in this region/,
        [ada.address],
      );
      expect(e.code).to.equal("RecipientNotRegistered");
    });

    it("refuses a sender who is not a person (an external company)", async () => {
      const e = await refusesWithoutSending(
        r.external,
        () => transfer(r.external.client, { to: ada.address, amount: "1" }),
        ConductorPreflightError,
        /is an ExternalCompany: only persons transfer directly/,
        [r.external.address],
      );
      expect(e.code).to.equal("SenderNotPerson");
    });

    it("refuses more than the balance", async () => {
      const e = await refusesWithoutSending(
        dev,
        () => transfer(dev.client, { to: ada.address, amount: "1" }),
        ConductorPreflightError,
        /insufficient balance: .* holds 0\.00 RSC, the transfer needs 1\.00 RSC/,
      );
      expect(e.code).to.equal("InsufficientBalance");
    });

    const badInputs: [string, { to: string; amount: string | bigint }, RegExp][] = [
      ["a bad address", { to: "0xnope", amount: "1" }, /to: "0xnope" is not an address/],
      ["a negative amount", { to: "BO", amount: "-1" }, /amount: amount must not be negative/],
      ["a too-precise amount", { to: "BO", amount: "0.1234567890123456789" }, /19 decimals; RSC has at most 18/],
      ["a zero amount", { to: "BO", amount: "0" }, /amount must be more than zero/],
      ["a non-number", { to: "BO", amount: "ten" }, /"ten" is not an amount/],
    ];
    for (const [what, params, message] of badInputs) {
      it(`refuses ${what} before sending`, async () => {
        const to = params.to === "BO" ? bo.address : params.to;
        const e = await refusesWithoutSending(
          ada,
          () => transfer(ada.client, { ...params, to }),
          ConductorInputError,
          message,
          [ada.address, bo.address],
        );
        expect(e.message).to.match(/^invalid transfer: /);
        expect(e.issues.length).to.be.greaterThan(0);
      });
    }

    it("refuses without a key", async () => {
      await expectError(
        transfer(r.readOnly, { to: bo.address, amount: "1" }),
        ConductorInputError,
        /sends a transaction: give a key \(CONDUCTOR_PRIVATE_KEY\)/,
      );
    });
  });

  describe("approve and permit", () => {
    const allowance = (owner: Address, spender: Address) =>
      r.readOnly.publicClient.readContract({
        ...coreContracts(r.readOnly).rsc,
        functionName: "allowance",
        args: [owner, spender],
      });

    it("approve sets the allowance; zero revokes", async () => {
      await approve(ada.client, { spender: cleo.address, amount: "50" });
      expect(await allowance(ada.address, cleo.address)).to.equal(50n * ONE);
      await approve(ada.client, { spender: cleo.address, amount: "0" });
      expect(await allowance(ada.address, cleo.address)).to.equal(0n);
      await expectError(approve(ada.client, { spender: cleo.address, amount: "-2" }), ConductorInputError, /negative/);
    });

    it("signPermit off-chain, permit submitted by a relayer", async () => {
      const adaNonce = await nonce(ada.address);
      const signed = await signPermit(ada.client, { spender: bo.address, amount: "25" });
      expect(await nonce(ada.address)).to.equal(adaNonce);
      expect(signed.owner).to.equal(ada.address);
      await permit(cleo.client, signed);
      expect(await allowance(ada.address, bo.address)).to.equal(25n * ONE);
      const permitNonce = await r.readOnly.publicClient.readContract({
        ...coreContracts(r.readOnly).rsc,
        functionName: "nonces",
        args: [ada.address],
      });
      expect(permitNonce).to.equal(signed.nonce + 1n);
    });

    it("an expired permit is refused with the decoded error before sending", async () => {
      const signed = await signPermit(ada.client, { spender: bo.address, amount: "1", deadline: 1 });
      const e = await refusesWithoutSending(
        cleo,
        () => permit(cleo.client, signed),
        ConductorContractError,
        /the permit expired/,
      );
      expect(e.errorName).to.equal("RSCPermitExpired");
      expect(e.args).to.deep.equal([1n]);
    });

    it("a permit replayed is refused (signer mismatch)", async () => {
      const signed = await signPermit(ada.client, { spender: bo.address, amount: "3" });
      await permit(cleo.client, signed);
      const e = await expectError(permit(cleo.client, signed), ConductorContractError, /not by the owner/);
      expect(e.errorName).to.equal("RSCInvalidPermitSigner");
    });
  });

  describe("UBI", () => {
    it("a member claims once per period", async () => {
      const b0 = await getBalance(r.readOnly, { address: dev.address });
      const claimed = await claimUbi(dev.client);
      expect(claimed.amount).to.equal(200n * ONE);
      expect(claimed.memberId).to.equal(4n);
      expect(await getBalance(r.readOnly, { address: dev.address })).to.equal(b0 + 200n * ONE);
      const e = await refusesWithoutSending(
        dev,
        () => claimUbi(dev.client),
        ConductorContractError,
        /already claimed this period's UBI/,
        [dev.address],
      );
      expect(e.errorName).to.equal("CapitalPoolUbiAlreadyClaimed");
      expect(e.args).to.deep.equal([4n, claimed.nextClaimAt]);
    });

    it("a non-member is refused", async () => {
      const e = await refusesWithoutSending(
        r.outsiders[0],
        () => claimUbi(r.outsiders[0].client),
        ConductorContractError,
        /is not an active member/,
      );
      expect(e.errorName).to.equal("CapitalPoolNotAMember");
    });
  });

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

    it("a future attestation is refused, decoded", async () => {
      const e = await expectError(
        attestReserves(r.custodians[0].client, {
          usdReserves: "1",
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

  describe("registry", () => {
    it("onboardMember gives the next member id; a second time is refused", async () => {
      const newcomer = r.outsiders[1];
      const { memberId } = await onboardMember(r.registrar.client, { member: newcomer.address });
      expect(memberId).to.equal(5n);
      expect((await getAccount(r.readOnly, { address: newcomer.address })).kind).to.equal("Person");
      const e = await refusesWithoutSending(
        r.registrar,
        () => onboardMember(r.registrar.client, { member: newcomer.address }),
        ConductorContractError,
        /already registered as a Person/,
      );
      expect(e.errorName).to.equal("RSCAlreadyRegistered");
    });

    it("only a registrar onboards", async () => {
      const e = await refusesWithoutSending(
        ada,
        () => onboardMember(ada.client, { member: r.outsiders[2].address }),
        ConductorContractError,
        /lacks the role/,
      );
      expect(e.errorName).to.equal("AccessControlUnauthorizedAccount");
      expect(e.args[0]).to.equal(ada.address);
    });

    it("registerCompany: a Safe treasury; an EOA is refused for a regional company; bad kind refused", async () => {
      await registerCompany(r.registrar.client, {
        treasury: r.spareSafe,
        kind: "Company",
        industryId: "3",
        name: "Spare Co",
      });
      expect((await getAccount(r.readOnly, { address: r.spareSafe })).company?.industryId).to.equal(3);
      const e = await refusesWithoutSending(
        r.registrar,
        () =>
          registerCompany(r.registrar.client, {
            treasury: r.outsiders[2].address,
            kind: "RegionalCompany",
            industryId: 1,
            name: "X",
          }),
        ConductorContractError,
        /has no code: a company's treasury must be a contract/,
      );
      expect(e.errorName).to.equal("RegistryTreasuryNotContract");
      await expectError(
        registerCompany(r.registrar.client, {
          treasury: r.spareSafe,
          kind: "Person" as never,
          industryId: 1,
          name: "X",
        }),
        ConductorInputError,
        /a company kind is Company, RegionalCompany or ExternalCompany/,
      );
      await expectError(
        registerCompany(r.registrar.client, { treasury: r.spareSafe, kind: "Company", industryId: -1, name: "" }),
        ConductorInputError,
        /industryId: an industry id must not be negative; name: a company needs a name/,
      );
    });

    it("suspend blocks transfers both ways and the vote; restore lifts it", async () => {
      await suspendAccount(r.registrar.client, { account: cleo.address, reason: "lost phone" });
      const s = await getAccount(r.readOnly, { address: cleo.address });
      expect(s).to.include({ suspended: true, votes: 0n, canTransferDirectly: false });
      const e = await refusesWithoutSending(
        ada,
        () => transfer(ada.client, { to: cleo.address, amount: "1" }),
        ConductorPreflightError,
        /is suspended: it cannot receive RSC/,
        [ada.address, cleo.address],
      );
      expect(e.code).to.equal("RecipientSuspended");
      await refusesWithoutSending(
        cleo,
        () => transfer(cleo.client, { to: ada.address, amount: "1" }),
        ConductorPreflightError,
        /your account .* is suspended/,
      );
      await expectError(
        suspendAccount(r.registrar.client, { account: cleo.address, reason: "again" }),
        ConductorContractError,
        /is already suspended/,
      );
      await expectError(
        suspendAccount(r.registrar.client, { account: cleo.address, reason: " " }),
        ConductorInputError,
        /give a reason/,
      );
      await restoreAccount(r.registrar.client, { account: cleo.address });
      expect((await getAccount(r.readOnly, { address: cleo.address })).suspended).to.equal(false);
      await expectError(
        restoreAccount(r.registrar.client, { account: cleo.address }),
        ConductorContractError,
        /is not suspended/,
      );
    });

    it("recoverMember keeps balance, member id and membership", async () => {
      const lost = await getAccount(r.readOnly, { address: bo.address });
      const fresh = r.outsiders[2];
      await expectError(
        recoverMember(r.registrar.client, { lost: bo.address, to: bo.address }),
        ConductorInputError,
        /must differ/,
      );
      await recoverMember(r.registrar.client, { lost: bo.address, to: fresh.address });
      const now = await getAccount(r.readOnly, { address: fresh.address });
      expect(now).to.include({ kind: "Person", memberId: lost.memberId, balance: lost.balance });
      expect((await getAccount(r.readOnly, { address: bo.address })).kind).to.equal("None");
      const e = await expectError(
        recoverMember(r.registrar.client, { lost: bo.address, to: r.outsiders[0].address }),
        ConductorContractError,
        /is not a member/,
      );
      expect(e.errorName).to.equal("RegistryNotAMember");
    });
  });
});
