import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";
import { createPublicClient, http, type PublicClient } from "viem";
import { deployConductor } from "../../scripts/lib/deploy.ts";
import { type SeedResult, seedDemoRegion } from "../../scripts/lib/seed.ts";
import { regionAddresses } from "../../sdk/src/audit/cli.ts";
import type { RegionAddresses } from "../../sdk/src/audit/types.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";

/** A demo region on a real JSON-RPC node on loopback (Hardhat's EDR, in-process), as the auditor meets one. */
export interface LocalRegion {
  rpcUrl: string;
  connection: NetworkConnection;
  // biome-ignore lint/suspicious/noExplicitAny: hardhat-ethers adds `ethers` to the connection at runtime
  ethers: any;
  deployment: Deployment;
  deploymentFile: string;
  addresses: RegionAddresses;
  seeded: SeedResult;
  client: PublicClient;
  send(method: string, params: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

const ROOT = new URL("../..", import.meta.url).pathname;

/** Starts `serveNode.ts` in a child process on `port`; resolves with its URL and a stop function. */
async function childNode(port: number): Promise<{ rpcUrl: string; stop: () => Promise<void> }> {
  const child = spawn(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts/serveNode.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const rpcUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /listening (http:\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`the node process exited (${code}) before listening`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { rpcUrl, stop };
}

/**
 * Starts a node on a random high port (in this process, or in a child process with
 * `separateProcess`), deploys a region and seeds the demo history.
 */
export async function startLocalRegion(seed = true, separateProcess = false): Promise<LocalRegion> {
  let rpcUrl: string;
  let stopNode: () => Promise<void>;
  if (separateProcess) {
    // Port 0: the system picks a free one (a random choice of ours could collide).
    ({ rpcUrl, stop: stopNode } = await childNode(0));
  } else {
    const server = await network.createServer("default", "127.0.0.1", 0);
    const listening = await server.listen();
    rpcUrl = `http://${listening.address}:${listening.port}`;
    stopNode = () => server.close();
  }
  const connection = await network.create({ network: "localhost", override: { url: rpcUrl } });
  // biome-ignore lint/suspicious/noExplicitAny: see LocalRegion.ethers
  const { ethers } = connection as any;
  // A node created late in a long test run may start its clock at the process's start: bring it to
  // the wall clock, since the seed attests reserves "as of" a minute ago.
  const latest = (await ethers.provider.getBlock("latest")) as { timestamp: number };
  const now = Math.floor(Date.now() / 1000);
  if (latest.timestamp < now) {
    await ethers.provider.send("evm_setNextBlockTimestamp", [now]);
    await ethers.provider.send("evm_mine", []);
  }
  const dir = mkdtempSync(join(tmpdir(), "conductor-audit-"));
  const deploymentFile = join(dir, "deployment.json");
  // Ignition keeps a journal per deployment id; this chain is thrown away, so is the journal (on close).
  const deploymentId = `audit-test-${new URL(rpcUrl).port}`;
  const deployment = await deployConductor({
    connection,
    regionName: "Audit Region",
    deploymentId,
    reset: true,
    outFile: deploymentFile,
  });
  const seeded = seed
    ? await seedDemoRegion(ethers.provider, deployment)
    : { accounts: [], companies: [], employments: [] };
  const client = createPublicClient({
    transport: http(rpcUrl, { batch: { batchSize: 100 }, maxResponseBodySize: 64 * 2 ** 20 }),
  }) as PublicClient;
  return {
    rpcUrl,
    connection,
    ethers,
    deployment,
    deploymentFile,
    addresses: regionAddresses(deployment),
    seeded,
    client,
    send: (method, params) => ethers.provider.send(method, params),
    close: async () => {
      await connection.close();
      await stopNode();
      rmSync(join(ROOT, "ignition/deployments", deploymentId), { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
