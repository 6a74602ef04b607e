/**
 * `npm run start:federation` — two regions on two local chains with different chain ids (1001,
 * 1002), their bridge gateways, three validators (2-of-3) and the relayer, all on 127.0.0.1; then
 * one transfer each way and one cross-region purchase (see scripts/lib/federation.ts).
 * Ports: PORT_A (default 8546), PORT_B (default 8547); 0 lets the system choose.
 * CONDUCTOR_EXIT_AFTER_SEED=1 stops after the seeded traffic has been delivered (used by tests).
 */
import { join } from "node:path";
import hre from "hardhat";
import { z } from "zod";
import { seedFederationTraffic, startFederation } from "./lib/federation.ts";

const ROOT = new URL("..", import.meta.url).pathname;

// Compiles what changed since the last build (a fresh clone has no artifacts yet).
await hre.tasks.getTask("build").run({ quiet: true, noTests: true });
const env = z
  .object({
    PORT_A: z.coerce.number().int().min(0).max(65535).default(8546),
    PORT_B: z.coerce.number().int().min(0).max(65535).default(8547),
    CONDUCTOR_EXIT_AFTER_SEED: z.string().optional(),
  })
  .parse(process.env);

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
const federation = await startFederation({ ports: [env.PORT_A, env.PORT_B], dir: join(ROOT, ".conductor"), log });

const deliveries = await seedFederationTraffic(federation);
console.log("");
for (const d of deliveries) {
  console.log(
    `delivered: ${d.what} (source block ${d.sentBlock}, ${d.elapsedMs} ms later in destination block ${d.deliveredBlock})`,
  );
}
const { configPath } = federation;
console.log(`\nfederation config: ${configPath}`);
console.log(`try: npm run conductor -- settlement --federation ${configPath}`);
console.log(`     npm run conductor -- federation audit --config ${configPath}`);
console.log(`     npm run conductor -- discover products --federation ${configPath}\n`);

async function shutdown() {
  await federation.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
if (env.CONDUCTOR_EXIT_AFTER_SEED) await shutdown();
else console.log("Press Ctrl-C to stop.");
