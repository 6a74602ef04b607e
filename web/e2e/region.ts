import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { network } from "hardhat";
import { deployConductor } from "../../scripts/lib/deploy.ts";
import { type SeedResult, seedDemoRegion } from "../../scripts/lib/seed.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

export interface DemoRegion extends SeedResult {
  rpcUrl: string;
  deployment: Deployment;
  /** A temporary demo file (same shape as .conductor/demo.json) the app is pointed at. */
  demoFile: string;
  /** The deployment record, for running the app with explicit configuration. */
  deploymentFile: string;
  /** Moves the chain's clock forward by `seconds` and mines a block (evm_increaseTime + evm_mine). */
  increaseTime(seconds: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The demo region of `npm start`, in-process on a random loopback port: Hardhat's EDR node,
 * the Ignition deployment and the demo seed. Nothing in the repository is rewritten: the
 * deployment record and demo file go to a temporary directory.
 */
export async function startDemoRegion(port: number): Promise<DemoRegion> {
  const dir = mkdtempSync(join(tmpdir(), "conductor-e2e-"));
  const deploymentId = `e2e-${port}`;
  const server = await network.createServer("default", "127.0.0.1", port);
  const listening = await server.listen();
  const rpcUrl = `http://${listening.address}:${listening.port}`;
  const connection = await network.create({ network: "localhost", override: { url: rpcUrl } });
  const { ethers } = connection as unknown as { ethers: { provider: Parameters<typeof seedDemoRegion>[0] } };
  const deployment = await deployConductor({
    connection,
    regionName: "Demo Region",
    deploymentId,
    reset: true,
    outFile: join(dir, "deployment.json"),
  });
  const seeded = await seedDemoRegion(ethers.provider, deployment);
  // As `npm start` does: once seeded, the region is handed to its members' governance (governor,
  // timelock, council); the deployer keeps no admin role.
  const governed = await deployConductor({
    connection,
    regionName: "Demo Region",
    deploymentId,
    governed: true,
    outFile: join(dir, "deployment.json"),
  });
  Object.assign(deployment.contracts, governed.contracts);
  writeFileSync(join(dir, "deployment.json"), `${JSON.stringify(deployment, null, 2)}\n`);
  const demoFile = join(dir, "demo.json");
  writeFileSync(
    demoFile,
    `${JSON.stringify({ rpcUrl, chainId: deployment.chainId, deployment, ...seeded }, null, 2)}\n`,
  );
  return {
    rpcUrl,
    deployment,
    demoFile,
    deploymentFile: join(dir, "deployment.json"),
    ...seeded,
    async increaseTime(seconds: number) {
      await connection.provider.request({ method: "evm_increaseTime", params: [seconds] });
      await connection.provider.request({ method: "evm_mine", params: [] });
    },
    async stop() {
      await connection.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(ROOT, "ignition/deployments", deploymentId), { recursive: true, force: true });
    },
  };
}
