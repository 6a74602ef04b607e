import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect } from "chai";
import { encodeFunctionData } from "viem";
import { rscAbi } from "../../sdk/src/generated/abis.ts";
import { type Actor, startTestRegion, type TestRegion } from "../sdk/region.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

describe("conductor company: propose, proposals, approve, execute (CLI against a real node)", function () {
  this.timeout(900_000);
  let r: TestRegion;
  let ada: Actor;
  let bo: Actor;

  before(async () => {
    r = await startTestRegion();
    [ada, bo] = r.members;
  });
  after(async () => {
    await r?.close();
  });

  function conductor(args: string[], key?: Actor): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("CONDUCTOR_")) env[k] = v;
    env.CONDUCTOR_RPC_URL = r.rpcUrl;
    if (key) env.CONDUCTOR_PRIVATE_KEY = key.key;
    return new Promise((resolve, reject) => {
      const child = spawn(
        join(ROOT, "node_modules/.bin/tsx"),
        [join(ROOT, "sdk/bin/conductor.ts"), "--deployment", r.deploymentFile, "company", ...args],
        { cwd: ROOT, env },
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

  it("a signer proposes, the list shows it in words with approvals / threshold, and it executes", async () => {
    const data = encodeFunctionData({ abi: rscAbi, functionName: "balanceOf", args: [r.housing] });
    const to = r.deployment.contracts.RSC;
    const proposed = await conductor(["propose", r.housing, "--to", to, "--data", data], ada);
    expect(proposed.code, proposed.stderr).to.equal(0);
    expect(proposed.stdout).to.match(/^proposed: call 0x[0-9a-fA-F]{40} with data 0x70a08231/);
    const hash = /safeTxHash (0x[0-9a-f]{64})/.exec(proposed.stdout)?.[1];
    expect(hash).to.be.a("string");

    const listed = await conductor(["proposals", r.housing]);
    expect(listed.code, listed.stderr).to.equal(0);
    expect(listed.stdout).to.include("1 of 1 approvals (ready to execute)");
    expect(listed.stdout).to.include(hash);

    const executed = await conductor(["execute", hash as string], bo);
    expect(executed.code, executed.stderr).to.equal(0);
    expect(executed.stdout).to.match(/^executed: call /);
    expect((await conductor(["proposals", r.housing])).stdout.trim()).to.equal("no pending proposals");
  });

  it("refuses bad input and non-signers with one plain error line (exit 2), sending nothing", async () => {
    const badHash = await conductor(["approve", "0xabc"], ada);
    expect(badHash.code).to.equal(2);
    expect(badHash.stderr).to.match(
      /^error: invalid approval: safeTxHash: a Safe transaction hash is 0x followed by 64 hex digits\n$/,
    );
    const noCall = await conductor(["propose", r.housing], ada);
    expect(noCall.code).to.equal(2);
    expect(noCall.stderr).to.include("give --buy <listingId> --quantity <n>, or --to <address> --data <hex>");
    const badSafe = await conductor(["proposals", "0x12"]);
    expect(badSafe.code).to.equal(2);
    expect(badSafe.stderr).to.match(/safe: not an address/);
    const stranger = await conductor(["propose", r.housing, "--to", r.deployment.contracts.RSC, "--data", "0x"], bo);
    expect(stranger.code).to.equal(2);
    expect(stranger.stderr).to.match(/is not a signer of the company's Safe/);
  });
});
