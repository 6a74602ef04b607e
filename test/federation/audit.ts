import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { type Hex, keccak256, toHex } from "viem";
import { actionMask } from "../../sdk/src/core/enums.ts";
import { auditChains, auditFederation } from "../../sdk/src/federation/audit.ts";
import { readFederation } from "../../sdk/src/federation/config.ts";
import { Action, Kind } from "../../sdk/src/generated/enums.ts";
import { attest, connect, deployRegionChain, ONE, type RegionChain, seedMembers, sentMessage } from "./helpers.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/**
 * The cross-chain audit on two HTTP nodes: clean traffic (a transfer, a bounce and its refund)
 * passes; then violations are planted with a rogue Bridge account registered by governance — a
 * mint with no message, a second mint of a delivered message, a burn with no message — and a
 * message left undelivered. The audit (function and CLI) names each one.
 */
describe("federation: cross-chain audit", function () {
  this.timeout(300_000);
  let a: RegionChain;
  let b: RegionChain;
  let dir: string;
  let config: string;

  before(async () => {
    a = await deployRegionChain(1301, { serve: true });
    b = await deployRegionChain(1302, { serve: true });
    await connect(a, b);
    dir = mkdtempSync(join(tmpdir(), "conductor-federation-audit-"));
    config = join(dir, "federation.json");
    const region = async (r: RegionChain, name: string) => ({
      name,
      chainId: Number(r.chainId),
      rpcUrl: r.url,
      deployment: {
        chainId: Number(r.chainId),
        regionName: name,
        startBlock: 0,
        contracts: Object.fromEntries(
          await Promise.all(
            (
              ["rsc", "registry", "regionParameters", "reserve", "capitalPool", "custodians", "bridgeGateway"] as const
            ).map(async (key) => [
              key === "rsc" ? "RSC" : key[0].toUpperCase() + key.slice(1),
              await r[key].getAddress(),
            ]),
          ),
        ),
      },
    });
    writeFileSync(config, JSON.stringify({ regions: [await region(a, "A"), await region(b, "B")] }));
  });

  after(async () => {
    for (const r of [a, b]) {
      await r?.connection.close();
      await r?.server?.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const audit = (strict = false) => auditFederation(auditChains(readFederation(config)), { strict });
  /** Runs the CLI without blocking this process (it serves both chains). */
  const cli = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn("npx", ["tsx", "sdk/bin/conductor.ts", "federation", "audit", "--config", config, ...args], {
        cwd: ROOT,
      });
      let [stdout, stderr] = ["", ""];
      child.stdout.on("data", (d) => {
        stdout += d;
      });
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });

  let delivered: Hex;
  let firstSendBlock: bigint;

  it("passes on clean traffic: a transfer, a bounced transfer and its refund", async () => {
    const [alice] = await seedMembers(a, 1);
    const [bob] = await seedMembers(b, 1);
    const first = await (await a.bridgeGateway.connect(alice).send(b.chainId, bob.address, 7n * ONE)).wait();
    firstSendBlock = BigInt(first.blockNumber);
    const sent = await sentMessage(a, first);
    await (await b.bridgeGateway.receiveMessage(sent.message, await attest(sent.message))).wait();
    delivered = sent.id;
    const stranger = b.signers[15].address;
    const bounced = await sentMessage(
      a,
      await (await a.bridgeGateway.connect(alice).send(b.chainId, stranger, 3n * ONE)).wait(),
    );
    const refund = await sentMessage(
      b,
      await (await b.bridgeGateway.receiveMessage(bounced.message, await attest(bounced.message))).wait(),
    );
    await (await a.bridgeGateway.receiveMessage(refund.message, await attest(refund.message))).wait();

    const report = await audit(true);
    expect(report.violations).to.deep.equal([]);
    expect(report).to.include({ ok: true, messages: 3, delivered: 3, burns: 2, mints: 2 });
    const run = await cli("--strict");
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.contain("ok: every burn matches its mint or refund");
  });

  it("names every planted violation, and the CLI exits non-zero with the list", async () => {
    const rogue = b.signers[16];
    await (
      await b.rsc.registerModule(rogue.address, Kind.indexOf("Bridge"), actionMask(["BridgeIn", "BridgeOut"]))
    ).wait();
    const bob = b.signers[4].address;
    const forged = keccak256(toHex("no such message"));
    // 1. a mint with no message behind it
    await (await b.rsc.connect(rogue).move(Action.indexOf("BridgeIn"), ZERO, bob, 5n * ONE, forged)).wait();
    // 2. a second mint of a delivered message
    await (await b.rsc.connect(rogue).move(Action.indexOf("BridgeIn"), ZERO, bob, ONE, delivered)).wait();
    // 3. a burn with no message (ERC-7802 crosschainBurn carries no message id)
    await (await b.rsc.connect(rogue).crosschainBurn(bob, 2n * ONE)).wait();
    // 4. a message sent but never delivered
    const [alice] = [a.signers[4]];
    const pending = await sentMessage(a, await (await a.bridgeGateway.connect(alice).send(b.chainId, bob, ONE)).wait());

    const lenient = await audit(false);
    expect(lenient.inFlight).to.deep.equal([pending.id]);
    const report = await audit(true);
    expect(report.ok).to.equal(false);
    const found = report.violations.map((v) => `${v.code}@${v.chainId}:${v.id ?? ""}`).sort();
    expect(found).to.deep.equal(
      [
        `mint-without-burn@1302:${forged}`,
        `duplicate-mint@1302:${delivered}`,
        `mint-mismatch@1302:${delivered}`,
        `burn-without-message@1302:0x${"00".repeat(32)}`,
        `mint-mismatch@1302:${pending.id}`,
      ].sort(),
    );
    const mismatch = report.violations.find((v) => v.code === "mint-mismatch" && v.id === delivered);
    expect(mismatch?.detail).to.contain(`burned ${7n * ONE} wei but minted ${8n * ONE} wei`);

    const run = await cli("--strict");
    expect(run.status).to.equal(1);
    expect(run.stdout).to.contain("VIOLATION mint-without-burn (chain 1302)");
    expect(run.stdout).to.contain("VIOLATION burn-without-message (chain 1302)");
    expect(run.stdout).to.contain("5 violation(s)");
  });

  it("catches a gateway whose recorded flows differ from its messages", async () => {
    // The settlement check compares each gateway's route records with the messages in the logs:
    // hide the first send from the audit (read A from the block after it) and they disagree.
    const chains = auditChains(readFederation(config)).map((c) =>
      c.chainId === a.chainId ? { ...c, fromBlock: firstSendBlock + 1n } : c,
    );
    const report = await auditFederation(chains);
    expect(report.violations.map((v) => v.code)).to.include("settlement-mismatch");
  });
});

const ZERO = "0x0000000000000000000000000000000000000000";
