import { mkdtempSync } from "node:fs";
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

/** Starts a node on a random high port, deploys a region and seeds the demo history. */
export async function startLocalRegion(seed = true): Promise<LocalRegion> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const server = await network.createServer("default", "127.0.0.1", port);
  const listening = await server.listen();
  const rpcUrl = `http://${listening.address}:${listening.port}`;
  const connection = await network.create({ network: "localhost", override: { url: rpcUrl } });
  // biome-ignore lint/suspicious/noExplicitAny: see LocalRegion.ethers
  const { ethers } = connection as any;
  const dir = mkdtempSync(join(tmpdir(), "conductor-audit-"));
  const deploymentFile = join(dir, "deployment.json");
  const deployment = await deployConductor({
    connection,
    regionName: "Audit Region",
    deploymentId: `audit-test-${port}`,
    reset: true,
    outFile: deploymentFile,
  });
  const seeded = seed ? await seedDemoRegion(ethers.provider, deployment) : { accounts: [], companies: [] };
  const client = createPublicClient({ transport: http(rpcUrl, { batch: { batchSize: 100 } }) }) as PublicClient;
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
      await server.close();
    },
  };
}
