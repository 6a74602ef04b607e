import { expect } from "chai";
import type { Address } from "viem";
import { coreContracts } from "../../sdk/src/contracts.ts";
import { approve } from "../../sdk/src/core/approve.ts";
import { claimUbi } from "../../sdk/src/core/claimUbi.ts";
import { getAccount } from "../../sdk/src/core/getAccount.ts";
import { getBalance } from "../../sdk/src/core/getBalance.ts";
import { getStatus } from "../../sdk/src/core/getStatus.ts";
import { permit } from "../../sdk/src/core/permit.ts";
import { signPermit } from "../../sdk/src/core/signPermit.ts";
import { transfer } from "../../sdk/src/core/transfer.ts";
import { ConductorContractError, ConductorInputError, ConductorPreflightError } from "../../sdk/src/errors.ts";
import { expectError, refusesWithoutSending as refuses } from "./expectError.ts";
import { type Actor, ONE, startTestRegion, type TestRegion } from "./region.ts";

describe("sdk member actions against a real node: reads, transfer, permit, UBI", function () {
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
  const refusesWithoutSending = refuses(() => r);

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
});
