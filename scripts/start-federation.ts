/**
 * `npm run start:federation` — two regions on two local chains with different chain ids, their
 * bridge gateways, three validators (2-of-3) and the relayer, all on 127.0.0.1.
 * Ports: PORT_A (default 8546), PORT_B (default 8547). CONDUCTOR_EXIT_AFTER_SEED=1 stops after the
 * first round trip (used by tests).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { network } from "hardhat";
import { z } from "zod";
import Conductor from "../ignition/modules/Conductor.ts";
import { federationModule } from "../ignition/modules/Federation.ts";
import { DeploymentSchema } from "../sdk/src/deployment.ts";
import { endpoints, readFederation, relayerEndpoints } from "../sdk/src/federation/config.ts";
import { runLoop } from "../sdk/src/federation/loop.ts";
import { Relayer } from "../sdk/src/federation/relayer.ts";
import { Validator } from "../sdk/src/federation/validator.ts";
import { demoAccounts, demoWallet } from "./lib/demoAccounts.ts";
import { demoValidators } from "./lib/demoValidators.ts";
import { seedDemoRegion } from "./lib/seed.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const env = z
  .object({
    PORT_A: z.coerce.number().int().min(1024).max(65535).default(8546),
    PORT_B: z.coerce.number().int().min(1024).max(65535).default(8547),
    CONDUCTOR_EXIT_AFTER_SEED: z.string().optional(),
  })
  .parse(process.env);

const REGIONS = [
  { name: "Twin Cities", chainId: 1001, port: env.PORT_A },
  { name: "Houston", chainId: 1002, port: env.PORT_B },
];
const ONE = 10n ** 18n;

const started = [];
for (const r of REGIONS) {
  const server = await network.createServer({ override: { chainId: r.chainId } }, "127.0.0.1", r.port);
  const { address, port } = await server.listen();
  const rpcUrl = `http://${address}:${port}`;
  const connection = await network.create({ network: "localhost", override: { url: rpcUrl } });
  // biome-ignore lint/suspicious/noExplicitAny: plugin-added properties
  const { ethers, ignition } = connection as any;
  // A whole region (core, payroll, marketplace, services, permissioning) plus its bridge gateway.
  const federatedRegion = buildModule("FederatedRegion", (m) => ({
    ...m.useModule(Conductor),
    ...m.useModule(federationModule({ validators: demoValidators.map((v) => v.address), threshold: 2 })),
  }));
  const deployed = await ignition.deploy(federatedRegion, {
    displayUi: false,
    deploymentId: `federation-demo-${r.chainId}-${Date.now()}`,
    parameters: { Region: { regionName: r.name } },
  });
  const contracts: Record<string, string> = {};
  for (const [key, c] of Object.entries(deployed)) {
    contracts[key === "rsc" ? "RSC" : key[0].toUpperCase() + key.slice(1)] = await (
      c as { getAddress(): Promise<string> }
    ).getAddress();
  }
  const deployment = DeploymentSchema.parse({ chainId: r.chainId, regionName: r.name, startBlock: 0, contracts });
  const seeded = await seedDemoRegion(ethers.provider, deployment);
  console.log(`region ${r.name}: chain ${r.chainId} on ${rpcUrl}, ${seeded.accounts.length} demo accounts`);
  started.push({ ...r, server, connection, ethers, deployed, deployment, rpcUrl });
}

// Routes both ways, by each region's admin (the deployer until governance takes over).
const CAP = 100_000n * ONE;
const CAPACITY = 1_000_000n * ONE;
for (const here of started) {
  for (const there of started) {
    if (here === there) continue;
    await (
      await here.deployed.bridgeGateway.configureRoute(
        there.chainId,
        there.deployment.contracts.BridgeGateway,
        CAP,
        CAPACITY,
        CAPACITY,
        86_400,
      )
    ).wait();
  }
}

mkdirSync(join(ROOT, ".conductor"), { recursive: true });
const configPath = join(ROOT, ".conductor/federation.json");
writeFileSync(
  configPath,
  `${JSON.stringify({ regions: started.map((s) => ({ name: s.name, chainId: s.chainId, rpcUrl: s.rpcUrl, deployment: s.deployment })) }, null, 2)}\n`,
);

const regions = readFederation(configPath);
const stateDir = join(ROOT, ".conductor/federation-state");
const controller = new AbortController();
const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
const workers = [
  ...demoValidators.map(
    (account) => new Validator({ account, chains: endpoints(regions), stateDir, confirmations: 0n, log }),
  ),
  new Relayer({ chains: relayerEndpoints(regions, demoValidators[0]), stateDir, log }),
];
// The relayer pays gas with the first validator's key on the local chains.
for (const s of started)
  await s.connection.provider.request({
    method: "hardhat_setBalance",
    params: [demoValidators[0].address, "0x56BC75E2D63100000"],
  });
const loops = workers.map((w) => runLoop(() => w.tick(), 250, controller.signal, log));

// A first round trip: Ada in Twin Cities sends 25 RSC to Bo in Houston, and Bo sends 10 back.
const [ada, bo] = demoAccounts().filter((a) => a.role === "member");
const [a, b] = started;
const sendFrom = async (region: (typeof started)[number], index: number, to: string, amount: bigint) => {
  const wallet = demoWallet(index).connect(region.ethers.provider);
  await (
    await region.deployed.bridgeGateway.connect(wallet).send(region === a ? b.chainId : a.chainId, to, amount)
  ).wait();
};
const balanceB = await b.deployed.rsc.balanceOf(bo.address);
await sendFrom(a, ada.index, bo.address, 25n * ONE);
await sendFrom(b, bo.index, ada.address, 10n * ONE);
while ((await b.deployed.rsc.balanceOf(bo.address)) === balanceB) await new Promise((r) => setTimeout(r, 100));
console.log(`\nbridge round trip: Ada (Twin Cities) → Bo (Houston) 25 RSC delivered; Bo → Ada 10 RSC in flight`);
console.log(`federation config: ${configPath}`);
console.log(`try: npm run conductor -- settlement --federation ${configPath}`);
console.log(`     npm run conductor -- discover jobs --federation ${configPath}\n`);

async function shutdown() {
  controller.abort();
  await Promise.all(loops);
  for (const s of started) {
    await s.connection.close();
    await s.server.close();
  }
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
if (env.CONDUCTOR_EXIT_AFTER_SEED) await shutdown();
else console.log("Press Ctrl-C to stop.");
