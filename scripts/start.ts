/**
 * `npm start` — the main job: a whole demo region on one machine.
 * 1. starts Hardhat's EDR node in this process and serves it through the region's JSON-RPC
 *    gateway on 127.0.0.1 (PORT, default 8545), which refuses transactions the Permissioning
 *    contract rejects (reads pass through);
 * 2. deploys the region with Hardhat Ignition (record in .conductor/deployment-<chainId>.json);
 * 3. seeds members, companies, reserves, deposits, employments and a history;
 * 4. starts the keepers (payroll settlement, housing wage booking, profit-at-rest collection);
 * 5. prints the RPC URL, chain id, contract addresses and demo accounts, and stays up until Ctrl-C.
 * Set CONDUCTOR_EXIT_AFTER_SEED=1 to stop after seeding (used by tests).
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import hre, { network } from "hardhat";
import { z } from "zod";
import { createConductorClient } from "../sdk/src/client.ts";
import { startGateway } from "./gateway/gateway.ts";
import { bookMaintenanceWages } from "./keepers/housing.ts";
import { startLoop } from "./keepers/loop.ts";
import { settleOpenShifts } from "./keepers/payroll.ts";
import { collectDueLots } from "./keepers/profitAtRest.ts";
import { deployConductor } from "./lib/deploy.ts";
import { seedDemoRegion } from "./lib/seed.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const Env = z.object({
  PORT: z.coerce.number().int().min(1024).max(65535).default(8545),
  WEB_PORT: z.coerce.number().int().min(1024).max(65535).default(3000),
  CONDUCTOR_REGION_NAME: z.string().min(1).default("Demo Region"),
  CONDUCTOR_EXIT_AFTER_SEED: z.string().optional(),
});
const env = Env.safeParse(process.env);
if (!env.success) {
  for (const issue of env.error.issues) console.error(`error: ${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}
const { PORT, CONDUCTOR_REGION_NAME: regionName } = env.data;

// The chain runs in this process; its only JSON-RPC endpoint is the gateway, which hands every
// request to the in-process node (no second HTTP hop: the check costs one in-process eth_call).
// Compiles what changed since the last build (a fresh clone has no artifacts yet).
await hre.tasks.getTask("build").run({ quiet: true, noTests: true });
const connection = await network.create();
let gateway: Awaited<ReturnType<typeof startGateway>>;
try {
  gateway = await startGateway({ upstreamProvider: connection.provider, host: "127.0.0.1", port: PORT });
} catch (error) {
  console.error(`error: cannot listen on 127.0.0.1:${PORT} (${(error as Error).message}); set PORT to a free port`);
  await connection.close();
  process.exit(1);
}
const rpcUrl = gateway.url;
console.log(`chain: Hardhat EDR node in this process, served by the region's gateway on ${rpcUrl}`);

// The deployer deploys and seeds through the gateway too (it lets everything pass until the
// Permissioning contract is switched on below); Ignition keeps its journal for this HTTP network.
const deployConnection = await network.create({ network: "localhost", override: { url: rpcUrl } });
// biome-ignore lint/suspicious/noExplicitAny: ethers is added to the connection by its plugin
const { ethers } = deployConnection as any;
const chainId = Number((await ethers.provider.getNetwork()).chainId);
// The demo's record stays under .conductor/ (deployments/ is for regions deployed to real nodes).
const demoRecord = join(ROOT, ".conductor", `deployment-${chainId}.json`);
const deployment = await deployConductor({
  connection: deployConnection,
  regionName,
  deploymentId: `demo-${chainId}`,
  outFile: demoRecord,
  reset: true,
});
console.log(`deployed: region "${regionName}" on chain ${chainId}`);
const seeded = await seedDemoRegion(ethers.provider, deployment);

// Permissioning on: reserve custodians sign Safe transactions without being members (operators).
const permissioning = new ethers.Contract(
  deployment.contracts.Permissioning,
  ["function grantRole(bytes32,address)", "function OPERATOR_ROLE() view returns (bytes32)"],
  (await ethers.getSigners())[0],
);
const operatorRole = await permissioning.OPERATOR_ROLE();
for (const a of seeded.accounts.filter((x) => x.role === "custodian")) {
  await (await permissioning.grantRole(operatorRole, a.address)).wait();
}

// Seeded: now hand the region to its members' governance (governor, timelock, council of Ada, Bo
// and Cleo); the deployer keeps only the registrar and deployer roles.
const governed = await deployConductor({
  connection: deployConnection,
  regionName,
  deploymentId: `demo-${chainId}`,
  outFile: demoRecord,
  governed: true,
});
Object.assign(deployment.contracts, governed.contracts);
console.log("governance: members vote (Direct mode); the timelock administers every contract");
gateway.setPermissioningAddress(deployment.contracts.Permissioning as `0x${string}`);
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
if (seeded.employments.length > 0) {
  console.log("\n  employments");
  for (const e of seeded.employments) {
    console.log(
      `    ${e.label.padEnd(4)} ${e.worker.padEnd(8)} ${e.occupation.padEnd(24)} at ${e.company.padEnd(20)} ${e.mode.padEnd(9)} ${e.employmentId}`,
    );
  }
}
for (const b of seeded.buildings ?? []) {
  const fmt = (wei: string) => `${ethers.formatEther(wei)} RSC`;
  console.log(`\n  housing: ${b.name} (building ${b.buildingId}), costs paid this month through the books`);
  for (const [category, amount] of Object.entries(b.costs)) console.log(`    ${category.padEnd(20)} ${fmt(amount)}`);
  console.log("    rents (by floor area + the above-cost percentage; this month's from last month's costs)");
  for (const u of b.units) {
    console.log(
      `    unit ${u.unitId} ${String(u.area).padStart(3)} m²  now ${fmt(u.rentNow).padEnd(26)} next month ${fmt(u.rentNextMonth)}`,
    );
  }
}
console.log("\n  demo accounts (local chain only — never use these keys elsewhere)");
for (const a of seeded.accounts)
  console.log(`    ${a.name.padEnd(26)} ${a.role.padEnd(10)} ${a.address}  ${a.privateKey}`);
console.log(`\n  try:  CONDUCTOR_RPC_URL=${rpcUrl} npm run conductor -- status`);
console.log("  (accounts, companies and addresses are also in .conductor/demo.json)\n");

// Keepers, one pass an hour (KEEPER_INTERVAL_MS to change), one after the other from the registrar's
// account (one nonce sequence): payroll settles every open shift, paying workers without asking;
// housing books the maintenance wages just paid into their month's building costs; profit-at-rest
// collects every company's due lots into the capital pool.
const registrarKey = seeded.accounts.find((a) => a.role === "registrar")!.privateKey;
const keeperClient = createConductorClient({ rpcUrl, deployment, privateKey: registrarKey });
const keeper = startLoop(
  async () => {
    await settleOpenShifts(keeperClient);
    await bookMaintenanceWages(keeperClient);
    await collectDueLots(keeperClient);
  },
  Number(process.env.KEEPER_INTERVAL_MS ?? 3_600_000),
  (level, message) => console[level === "info" ? "log" : level](`[keepers] ${message}`),
);
console.log("keepers: every hour, payroll settles open shifts, housing books wages, profit-at-rest collects due lots");

// The dashboard (Next.js dev server) against the gateway, with the local demo-account picker.
const dashboard = env.data.CONDUCTOR_EXIT_AFTER_SEED
  ? undefined
  : spawn(
      join(ROOT, "node_modules/.bin/next"),
      ["dev", "web", "--hostname", "127.0.0.1", "--port", String(env.data.WEB_PORT)],
      {
        cwd: ROOT,
        env: { ...process.env, CONDUCTOR_DEMO: "1", CONDUCTOR_RPC_URL: rpcUrl, NEXT_TELEMETRY_DISABLED: "1" },
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
if (dashboard) console.log(`dashboard: http://127.0.0.1:${env.data.WEB_PORT} (pick a demo account: local chain only)`);

async function shutdown() {
  console.log("\nstopping the demo region…");
  dashboard?.kill("SIGTERM");
  await keeper.stop();
  await gateway.close();
  await deployConnection.close();
  await connection.close();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
if (env.data.CONDUCTOR_EXIT_AFTER_SEED) await shutdown();
else console.log("Press Ctrl-C to stop.");
