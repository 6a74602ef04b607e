import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect } from "chai";
import type { Address } from "viem";
import { getAccount } from "../../sdk/src/core/getAccount.ts";
import { getBalance } from "../../sdk/src/core/getBalance.ts";
import { getRedemptions } from "../../sdk/src/core/getRedemptions.ts";
import { type Actor, ONE, startTestRegion, type TestRegion } from "./region.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe("conductor CLI against a real node", function () {
  this.timeout(900_000);
  let r: TestRegion;
  let ada: Actor;
  let bo: Actor;
  let cleo: Actor;

  before(async () => {
    r = await startTestRegion();
    [ada, bo, cleo] = r.members;
  });
  after(async () => {
    await r?.close();
  });

  /** Runs `conductor --deployment <file> ...args` as a child process with the given key. */
  function conductor(
    args: string[],
    options: { key?: Actor; env?: Record<string, string>; cwd?: string; deployment?: boolean } = {},
  ): Promise<Run> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("CONDUCTOR_")) env[k] = v;
    env.CONDUCTOR_RPC_URL = r.rpcUrl;
    if (options.key) env.CONDUCTOR_PRIVATE_KEY = options.key.key;
    Object.assign(env, options.env);
    const global = options.deployment === false ? [] : ["--deployment", r.deploymentFile];
    return new Promise((resolve, reject) => {
      const child = spawn(
        join(ROOT, "node_modules/.bin/tsx"),
        [join(ROOT, "sdk/bin/conductor.ts"), ...global, ...args],
        {
          cwd: options.cwd ?? ROOT,
          env,
        },
      );
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => {
        stdout += d;
      });
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  const nonce = (a: Address) => r.readOnly.publicClient.getTransactionCount({ address: a });
  const balance = (a: Address) => getBalance(r.readOnly, { address: a });

  /** Exactly one `error: …` line on stderr, nothing on stdout, a non-zero exit. */
  function expectOneErrorLine(run: Run, message: RegExp, code = 2) {
    expect(run.code, run.stderr).to.equal(code);
    expect(run.stdout).to.equal("");
    const lines = run.stderr.trim().split("\n");
    expect(lines, run.stderr).to.have.length(1);
    expect(lines[0]).to.match(/^error: /);
    expect(lines[0]).to.match(message);
  }

  describe("reads", () => {
    it("status, balance, account, registry member, reserve status and redemptions", async () => {
      const [status, statusJson, bal, own, company, member, reserve, redemptions] = await Promise.all([
        conductor(["status"]),
        conductor(["--json", "status"]),
        conductor(["balance", ada.address]),
        conductor(["balance"], { key: bo }),
        conductor(["account", r.housing]),
        conductor(["--json", "registry", "member", ada.address]),
        conductor(["reserve", "status"]),
        conductor(["reserve", "redemptions"]),
      ]);
      expect(status.code, status.stderr).to.equal(0);
      expect(status.stdout).to.match(/region\s+SDK Test Region/);
      expect(status.stdout).to.match(/total supply\s+12000\.00 RSC/);
      expect(status.stdout).to.match(/members\s+4/);
      expect(status.stdout).to.match(/UbiAmount\s+200\.00 RSC/);
      expect(status.stdout).to.match(/SalesTaxRate\s+8 %/);
      const json = JSON.parse(statusJson.stdout);
      expect(json).to.include({
        regionName: "SDK Test Region",
        chainId: 31337,
        totalSupply: (12_000n * ONE).toString(),
      });
      expect(json.parameters.UbiPeriod).to.equal("2592000");
      expect(bal.stdout.trim()).to.equal("1000.00 RSC");
      expect(own.stdout.trim()).to.equal("500.00 RSC");
      expect(company.stdout).to.match(/kind\s+RegionalCompany/);
      expect(company.stdout).to.match(/industry\s+1/);
      expect(JSON.parse(member.stdout)).to.include({ kind: "Person", memberId: "1", votes: "1", suspended: false });
      expect(reserve.stdout).to.match(/attested reserves\s+1000000\.00 USD/);
      expect(reserve.stdout).to.match(/mintable\s+988000\.00 RSC/);
      expect(redemptions.stdout.trim()).to.equal("no redemptions");
    });

    it("finds .conductor/demo.json in the current directory when no --deployment is given", async () => {
      const run = await conductor(["status"], { cwd: r.dir, deployment: false });
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.match(/SDK Test Region/);
    });

    it("reports an unreachable node, a missing deployment file, a bad address, an unknown command", async () => {
      const [down, missing, badAddress, noKeyNoAddress, unknown] = await Promise.all([
        conductor(["--rpc", "http://127.0.0.1:1", "status"], { deployment: false }),
        conductor(["--deployment", "/nonexistent/deployment.json", "status"], { deployment: false }),
        conductor(["account", "0xabc"]),
        conductor(["balance"]),
        conductor(["frobnicate"]),
      ]);
      expectOneErrorLine(down, /cannot reach a node at http:\/\/127\.0\.0\.1:1/, 1);
      expectOneErrorLine(missing, /deployment file \/nonexistent\/deployment\.json does not exist/);
      expectOneErrorLine(badAddress, /"0xabc" is not an address/);
      expectOneErrorLine(noKeyNoAddress, /give an address, or set CONDUCTOR_PRIVATE_KEY/);
      expect(unknown.code).to.not.equal(0);
      expect(unknown.stderr).to.match(/error: unknown command 'frobnicate'/);
    });
  });

  describe("transfer", () => {
    it("pays a member", async () => {
      const [a0, b0] = await Promise.all([balance(ada.address), balance(bo.address)]);
      const run = await conductor(["transfer", bo.address, "12.50"], { key: ada });
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.match(new RegExp(`^sent 12\\.50 RSC to ${bo.address} \\(tx 0x[0-9a-f]{64}\\)`));
      expect(await balance(ada.address)).to.equal(a0 - 12n * ONE - ONE / 2n);
      expect(await balance(bo.address)).to.equal(b0 + 12n * ONE + ONE / 2n);
    });

    it("refuses bad input and forbidden payments with one clear line and no transaction", async () => {
      const watch = [ada.address, bo.address, r.housing, r.external.address];
      const before = await Promise.all([nonce(ada.address), ...watch.map(balance)]);
      const [company, external, badAddress, negative, tooPrecise, unregistered, noKey, json] = await Promise.all([
        conductor(["transfer", r.housing, "5"], { key: ada }),
        conductor(["transfer", r.external.address, "5"], { key: ada }),
        conductor(["transfer", "0x12345", "5"], { key: ada }),
        conductor(["transfer", bo.address, "-5"], { key: ada }),
        conductor(["transfer", bo.address, "1.0000000000000000001"], { key: ada }),
        conductor(["transfer", r.outsiders[0].address, "1"], { key: ada }),
        conductor(["transfer", bo.address, "1"]),
        conductor(["--json", "transfer", r.housing, "5"], { key: ada }),
      ]);
      expectOneErrorLine(
        company,
        new RegExp(
          `^error: ${r.housing} is a RegionalCompany: RSC moves directly only between persons; pay a company through a purchase$`,
        ),
      );
      expectOneErrorLine(external, /is an ExternalCompany: RSC moves directly only between persons/);
      expectOneErrorLine(badAddress, /invalid transfer: to: "0x12345" is not an address/);
      expectOneErrorLine(negative, /amount must not be negative/);
      expectOneErrorLine(tooPrecise, /has 19 decimals; RSC has at most 18/);
      expectOneErrorLine(unregistered, /is not registered in this region/);
      expectOneErrorLine(noKey, /this action sends a transaction: give a key \(CONDUCTOR_PRIVATE_KEY\)/);
      expect(json.code).to.equal(2);
      const parsed = JSON.parse(json.stdout);
      expect(parsed.error).to.include({ name: "ConductorPreflightError", code: "RecipientNotPerson" });
      expect(parsed.error.values).to.deep.equal({ to: r.housing, kind: "RegionalCompany" });
      const after = await Promise.all([nonce(ada.address), ...watch.map(balance)]);
      expect(after).to.deep.equal(before);
    });

    it("a malformed key is refused", async () => {
      const run = await conductor(["transfer", bo.address, "1"], { env: { CONDUCTOR_PRIVATE_KEY: "0x1234" } });
      expectOneErrorLine(run, /invalid private key: a private key is 0x followed by 64 hex digits/);
    });
  });

  describe("ubi and approve", () => {
    it("ubi claim pays once per period", async () => {
      const b0 = await balance(cleo.address);
      const first = await conductor(["ubi", "claim"], { key: cleo });
      expect(first.code, first.stderr).to.equal(0);
      expect(first.stdout).to.match(/^claimed 200\.00 RSC of UBI for member #3; next claim from \d{4}-/);
      expect(await balance(cleo.address)).to.equal(b0 + 200n * ONE);
      const n = await nonce(cleo.address);
      const again = await conductor(["ubi", "claim"], { key: cleo });
      expectOneErrorLine(again, /member #3 already claimed this period's UBI; next claim at/, 1);
      expect(await nonce(cleo.address)).to.equal(n);
    });

    it("approve", async () => {
      const run = await conductor(["--json", "approve", cleo.address, "3"], { key: ada });
      expect(run.code, run.stderr).to.equal(0);
      expect(JSON.parse(run.stdout)).to.include({ spender: cleo.address, amount: (3n * ONE).toString() });
    });
  });

  describe("reserve", () => {
    const [A, B, C] = [0, 1, 2];

    it("redeem, list, custodians pay (with a co-signer key from the environment)", async () => {
      const b0 = await balance(bo.address);
      const redeem = await conductor(["reserve", "redeem", "10"], { key: bo });
      expect(redeem.code, redeem.stderr).to.equal(0);
      expect(redeem.stdout).to.match(/^redemption #0: 10\.00 RSC in escrow for 10\.00 USD/);
      expect(await balance(bo.address)).to.equal(b0 - 10n * ONE);
      const list = await conductor(["reserve", "redemptions", "--status", "Pending"]);
      expect(list.stdout).to.match(new RegExp(`#0\\s+Pending\\s+${bo.address}\\s+10\\.00 RSC`));
      const badStatus = await conductor(["reserve", "redemptions", "--status", "Lost"]);
      expectOneErrorLine(badStatus, /--status/);
      const pay = await conductor(["reserve", "pay", "0", "--payout-ref", "wire 1"], {
        key: r.custodians[A],
        env: { CONDUCTOR_COSIGNER_KEYS: r.custodians[B].key },
      });
      expect(pay.code, pay.stderr).to.equal(0);
      expect(pay.stdout).to.match(/^redemption #0 marked paid \(tx 0x/);
      const [paid] = await getRedemptions(r.readOnly, { holder: bo.address });
      expect(paid.status).to.equal("Paid");
    });

    it("refund collected across two custodians' separate runs (approveHash, then execute)", async () => {
      const redeem = await conductor(["reserve", "redeem", "5"], { key: bo });
      expect(redeem.stdout).to.match(/^redemption #1:/);
      const b0 = await balance(bo.address);
      const first = await conductor(["reserve", "refund", "1", "--reason", "account closed"], { key: r.custodians[A] });
      expect(first.code, first.stderr).to.equal(0);
      expect(first.stdout).to.match(
        /approved by you \(tx 0x[0-9a-f]{64}\): 1 of 2 custodians for Safe transaction 0x[0-9a-f]{64}/,
      );
      expect(await balance(bo.address)).to.equal(b0);
      const second = await conductor(["reserve", "refund", "1", "--reason", "account closed"], {
        key: r.custodians[C],
      });
      expect(second.code, second.stderr).to.equal(0);
      expect(second.stdout).to.match(/^redemption #1 refunded \(tx 0x/);
      expect(await balance(bo.address)).to.equal(b0 + 5n * ONE);
      const third = await conductor(["reserve", "refund", "1", "--reason", "again"], { key: r.custodians[C] });
      expectOneErrorLine(third, /redemption #1 is not pending \(status: Refunded\)/, 1);
    });

    it("deposit and attest-reserves; a non-custodian, zero and past-backing deposits are refused", async () => {
      const custodian = { key: r.custodians[A], env: { CONDUCTOR_COSIGNER_KEYS: r.custodians[B].key } };
      const b0 = await balance(cleo.address);
      const deposit = await conductor(["reserve", "deposit", cleo.address, "25.5", "--ref", "bank 9"], custodian);
      expect(deposit.code, deposit.stderr).to.equal(0);
      expect(deposit.stdout).to.match(new RegExp(`^minted 25\\.50 RSC to ${cleo.address}`));
      expect(await balance(cleo.address)).to.equal(b0 + 25n * ONE + ONE / 2n);
      const n = await nonce(r.custodians[A].address);
      const [twice, zero, tooMuch, member, attest] = await Promise.all([
        conductor(["reserve", "deposit", cleo.address, "25.5", "--ref", "bank 9"], custodian),
        conductor(["reserve", "deposit", cleo.address, "0", "--ref", "bank 10"], custodian),
        conductor(["reserve", "deposit", cleo.address, "5000000", "--ref", "bank 11"], custodian),
        conductor(["reserve", "deposit", cleo.address, "1", "--ref", "bank 12"], { key: cleo }),
        conductor(["reserve", "attest-reserves", "1000", "--as-of", "2020-01-01", "--report", "r"], custodian),
      ]);
      expectOneErrorLine(twice, /deposit 0x[0-9a-f]{64} was already attested/, 1);
      expectOneErrorLine(zero, /amount must be more than zero/);
      expectOneErrorLine(tooMuch, /past the attested reserves' backing/, 1);
      expectOneErrorLine(member, /the Safe 0x[0-9a-fA-F]{40} needs 2 owners; 0 signed or approved/);
      expectOneErrorLine(attest, /would not back the supply of [0-9.]+ RSC: .*--accept-shortfall/);
      expect(await nonce(r.custodians[A].address)).to.equal(n);
      const ok = await conductor(
        [
          "--json",
          "reserve",
          "attest-reserves",
          "1500000",
          "--as-of",
          "2020-01-01T00:00:00Z",
          "--report",
          "statement 2",
        ],
        custodian,
      );
      expect(ok.code, ok.stderr).to.equal(0);
      expect(JSON.parse(ok.stdout)).to.include({
        status: "executed",
        usdReserves: (1_500_000n * ONE).toString(),
        asOf: 1577836800,
      });
    });
  });

  describe("registry", () => {
    it("onboard, register-company, suspend, restore, recover, member", async () => {
      const reg = { key: r.registrar };
      const [newcomer, fresh] = [r.outsiders[1], r.outsiders[2]];
      const onboard = await conductor(["registry", "onboard", newcomer.address], reg);
      expect(onboard.code, onboard.stderr).to.equal(0);
      expect(onboard.stdout).to.match(new RegExp(`^onboarded ${newcomer.address} as member #5`));
      const company = await conductor(
        ["registry", "register-company", r.spareSafe, "--name", "Spare Co", "--industry", "3", "--kind", "Company"],
        reg,
      );
      expect(company.code, company.stderr).to.equal(0);
      expect((await getAccount(r.readOnly, { address: r.spareSafe })).kind).to.equal("Company");
      const suspend = await conductor(["registry", "suspend", newcomer.address, "--reason", "lost phone"], reg);
      expect(suspend.stdout).to.match(/^suspended /);
      expect((await getAccount(r.readOnly, { address: newcomer.address })).suspended).to.equal(true);
      const restore = await conductor(["registry", "restore", newcomer.address], reg);
      expect(restore.stdout).to.match(/^restored /);
      expect((await getAccount(r.readOnly, { address: newcomer.address })).suspended).to.equal(false);
      const lost = await getAccount(r.readOnly, { address: newcomer.address });
      const recover = await conductor(["registry", "recover", newcomer.address, fresh.address], reg);
      expect(recover.code, recover.stderr).to.equal(0);
      const member = await conductor(["registry", "member", fresh.address]);
      expect(member.stdout).to.match(new RegExp(`member id\\s+${lost.memberId}`));
      expect(member.stdout).to.match(/kind\s+Person/);
    });

    it("refuses a non-registrar, a bad kind, a missing reason, an unsuspended restore", async () => {
      const n = await nonce(ada.address);
      const [notRegistrar, badKind, noReason, notSuspended, badIndustry] = await Promise.all([
        conductor(["registry", "onboard", r.outsiders[0].address], { key: ada }),
        conductor(["registry", "register-company", r.housing, "--name", "X", "--industry", "1", "--kind", "Person"], {
          key: r.registrar,
        }),
        conductor(["registry", "suspend", ada.address], { key: r.registrar }),
        conductor(["registry", "restore", ada.address], { key: r.registrar }),
        conductor(["registry", "register-company", r.housing, "--name", "X", "--industry", "one"], {
          key: r.registrar,
        }),
      ]);
      expectOneErrorLine(notRegistrar, new RegExp(`${ada.address} lacks the role 0x[0-9a-f]{64}`), 1);
      expectOneErrorLine(badKind, /a company kind is Company, RegionalCompany or ExternalCompany/);
      expect(noReason.code).to.not.equal(0);
      expect(noReason.stderr).to.match(/error: required option '--reason <text>' not specified/);
      expectOneErrorLine(notSuspended, /is not suspended/, 1);
      expectOneErrorLine(badIndustry, /industry id is a whole number/);
      expect(await nonce(ada.address)).to.equal(n);
    });
  });
});
