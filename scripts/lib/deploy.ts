import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { NetworkConnection } from "hardhat/types/network";
import ConductorModule from "../../ignition/modules/Conductor.ts";
import { governedConductorModule } from "../../ignition/modules/GovernedConductor.ts";
import { type Deployment, DeploymentSchema } from "../../sdk/src/deployment.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/** Module result keys → contract names in the deployment file. */
function contractName(key: string): string {
  if (key === "rsc") return "RSC";
  return key.charAt(0).toUpperCase() + key.slice(1);
}

export interface DeployOptions {
  /** An ethers-enabled Hardhat network connection (in-process or HTTP). */
  connection: NetworkConnection;
  regionName: string;
  /** Ignition deployment id; the same id resumes and is idempotent. */
  deploymentId?: string;
  /** Forget a previous journal with the same id (the local demo chain is new each start). */
  reset?: boolean;
  rpcUrl?: string;
  /** Where to write the deployment record (default deployments/<chainId>.json). */
  outFile?: string;
  /**
   * Hand the region to its governance (governor, timelock, council; the deployer renounces every
   * admin role). Default false here; `scripts/deploy.ts` hands over unless told not to, and
   * `npm start` deploys without, seeds the demo, then deploys again with it (same deployment id).
   */
  governed?: boolean;
}

/**
 * Deploys (or resumes deploying) a whole region with Hardhat Ignition and writes its deployment
 * record, from which the SDK, CLI, keepers and dashboard read every address.
 */
export async function deployConductor(options: DeployOptions): Promise<Deployment> {
  const { connection } = options;
  // biome-ignore lint/suspicious/noExplicitAny: the ethers/ignition extensions are added by plugins at runtime
  const { ethers, ignition } = connection as any;
  const chainId = Number((await ethers.provider.getNetwork()).chainId);
  const deploymentId = options.deploymentId ?? `region-${chainId}`;
  if (options.reset) rmSync(join(ROOT, "ignition/deployments", deploymentId), { recursive: true, force: true });
  const startBlock = await ethers.provider.getBlockNumber();
  const module = options.governed !== true ? ConductorModule : governedConductorModule();
  const result = await ignition.deploy(module, {
    deploymentId,
    displayUi: false,
    parameters: { Region: { regionName: options.regionName } },
  });
  const contracts: Record<string, string> = {};
  for (const [key, contract] of Object.entries(result)) {
    contracts[contractName(key)] = await (contract as { getAddress(): Promise<string> }).getAddress();
  }
  const deployment = DeploymentSchema.parse({
    chainId,
    regionName: options.regionName,
    rpcUrl: options.rpcUrl,
    startBlock,
    contracts,
  });
  const outFile = options.outFile ?? join(ROOT, "deployments", `${chainId}.json`);
  mkdirSync(join(outFile, ".."), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(deployment, null, 2)}\n`);
  return deployment;
}
