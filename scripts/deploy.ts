/**
 * Deploys a region onto any EVM JSON-RPC endpoint:
 *   npm run deploy -- --rpc http://127.0.0.1:8545 --name "Twin Cities"
 * The deployer key comes from CONDUCTOR_DEPLOYER_KEY (or the node's unlocked accounts when unset).
 * Re-running with the same chain resumes the same Ignition deployment (idempotent). The region is
 * handed to its governance (governor, timelock, council) unless `--no-governance` is given.
 */
import { parseArgs } from "node:util";
import hre, { network } from "hardhat";
import { z } from "zod";
import { deployConductor } from "./lib/deploy.ts";

const Args = z.object({
  rpc: z.string().url("--rpc must be a URL such as http://127.0.0.1:8545"),
  name: z.string().min(1, "--name must not be empty"),
});

const { values } = parseArgs({
  options: {
    rpc: { type: "string", default: "http://127.0.0.1:8545" },
    name: { type: "string", default: "Demo Region" },
  },
});
const parsed = Args.safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`error: ${issue.message}`);
  process.exit(2);
}
const deployerKey = process.env.CONDUCTOR_DEPLOYER_KEY;
// Compiles what changed since the last build (a fresh clone has no artifacts yet).
await hre.tasks.getTask("build").run({ quiet: true, noTests: true });
const connection = await network.create({
  network: "localhost",
  override: { url: parsed.data.rpc, ...(deployerKey ? { accounts: [deployerKey] } : {}) },
});
const deployment = await deployConductor({
  connection,
  regionName: parsed.data.name,
  rpcUrl: parsed.data.rpc,
  governed: !values["no-governance"],
});
console.log(JSON.stringify(deployment, null, 2));
await connection.close();
