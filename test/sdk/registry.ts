import { expect } from "chai";
import { getAccount } from "../../sdk/src/core/getAccount.ts";
import { onboardMember } from "../../sdk/src/core/onboardMember.ts";
import { recoverMember } from "../../sdk/src/core/recoverMember.ts";
import { registerCompany } from "../../sdk/src/core/registerCompany.ts";
import { restoreAccount } from "../../sdk/src/core/restoreAccount.ts";
import { suspendAccount } from "../../sdk/src/core/suspendAccount.ts";
import { transfer } from "../../sdk/src/core/transfer.ts";
import { ConductorContractError, ConductorInputError, ConductorPreflightError } from "../../sdk/src/errors.ts";
import { expectError, refusesWithoutSending as refuses } from "./expectError.ts";
import { type Actor, startTestRegion, type TestRegion } from "./region.ts";

describe("sdk registrar actions against a real node", function () {
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
