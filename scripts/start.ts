/**
 * `npm start` — the main job: a whole demo region on one machine.
 * 1. starts Hardhat's EDR node in-process, serving JSON-RPC on 127.0.0.1 (PORT, default 8545);
 * 2. deploys the region with Hardhat Ignition (deployments/<chainId>.json);
 * 3. seeds members, companies, reserves, deposits and a history;
 * 4. prints the RPC URL, chain id, contract addresses and demo accounts, and stays up until Ctrl-C.
 * Set CONDUCTOR_EXIT_AFTER_SEED=1 to stop after seeding (used by tests).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { network } from "hardhat";
import { z } from "zod";
import { deployConductor } from "./lib/deploy.ts";
import { seedDemoRegion } from "./lib/seed.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const Env = z.object({
  PORT: z.coerce.number().int().min(1024).max(65535).default(8545),
  CONDUCTOR_REGION_NAME: z.string().min(1).default("Demo Region"),
  CONDUCTOR_EXIT_AFTER_SEED: z.string().optional(),
});
const env = Env.safeParse(process.env);
if (!env.success) {
  for (const issue of env.error.issues) console.error(`error: ${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}
const { PORT, CONDUCTOR_REGION_NAME: regionName } = env.data;

const server = await network.createServer("default", "127.0.0.1", PORT);
let listening: { address: string; port: number };
try {
  listening = await server.listen();
} catch (error) {
  console.error(`error: cannot listen on 127.0.0.1:${PORT} (${(error as Error).message}); set PORT to a free port`);
  process.exit(1);
}
const rpcUrl = `http://${listening.address}:${listening.port}`;
console.log(`chain: Hardhat EDR node on ${rpcUrl}`);

const connection = await network.create({ network: "localhost", override: { url: rpcUrl } });
// biome-ignore lint/suspicious/noExplicitAny: ethers is added to the connection by its plugin
const { ethers } = connection as any;
const chainId = Number((await ethers.provider.getNetwork()).chainId);
const deployment = await deployConductor({
  connection,
  regionName,
  deploymentId: `demo-${chainId}`,
  reset: true,
});
console.log(`deployed: region "${regionName}" on chain ${chainId}`);
const seeded = await seedDemoRegion(ethers.provider, deployment);
mkdirSync(join(ROOT, ".conductor"), { recursive: true });
writeFileSync(
  join(ROOT, ".conductor/demo.json"),
  `${JSON.stringify({ rpcUrl, chainId, deployment, ...seeded }, null, 2)}\n`,
);

console.log("\nConductor demo region is up.\n");
console.log(`  RPC URL   ${rpcUrl}`);
console.log(`  chain id  ${chainId}\n`);
console.log("  contracts");
for (const [name, address] of Object.entries(deployment.contracts)) console.log(`    ${name.padEnd(20)} ${address}`);
console.log("\n  companies");
for (const c of seeded.companies) console.log(`    ${c.name.padEnd(26)} ${c.kind.padEnd(16)} ${c.address}`);
console.log("\n  demo accounts (local chain only — never use these keys elsewhere)");
for (const a of seeded.accounts)
  console.log(`    ${a.name.padEnd(26)} ${a.role.padEnd(10)} ${a.address}  ${a.privateKey}`);
console.log(`\n  try:  CONDUCTOR_RPC_URL=${rpcUrl} npm run conductor -- status`);
console.log("  (accounts, companies and addresses are also in .conductor/demo.json)\n");

async function shutdown() {
  console.log("\nstopping the demo region…");
  await connection.close();
  await server.close();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
if (env.data.CONDUCTOR_EXIT_AFTER_SEED) await shutdown();
else console.log("Press Ctrl-C to stop.");
