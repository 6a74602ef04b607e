/**
 * A relayer or validator as its own process (what `conductor relay` / `conductor validate` run):
 *   tsx scripts/federation/relayer-process.ts relay|validate <federation.json> <stateDir> [intervalMs]
 * Keys: CONDUCTOR_PRIVATE_KEY (relayer), CONDUCTOR_VALIDATOR_KEY (validator).
 */
import { privateKeyToAccount } from "viem/accounts";
import { endpoints, readFederation, relayerEndpoints } from "../../sdk/src/federation/config.ts";
import { runLoop } from "../../sdk/src/federation/loop.ts";
import { Relayer } from "../../sdk/src/federation/relayer.ts";
import { Validator } from "../../sdk/src/federation/validator.ts";

const [role, configPath, stateDir, interval = "200"] = process.argv.slice(2);
if ((role !== "relay" && role !== "validate") || !configPath || !stateDir) {
  console.error("usage: relayer-process.ts relay|validate <federation.json> <stateDir> [intervalMs]");
  process.exit(2);
}
const keyVar = role === "relay" ? "CONDUCTOR_PRIVATE_KEY" : "CONDUCTOR_VALIDATOR_KEY";
const key = process.env[keyVar];
if (!key || !/^0x[0-9a-fA-F]{64}$/.test(key)) {
  console.error(`error: set ${keyVar} to a private key (0x + 64 hex digits)`);
  process.exit(2);
}
const regions = readFederation(configPath);
const account = privateKeyToAccount(key as `0x${string}`);
const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
const worker =
  role === "relay"
    ? new Relayer({ chains: relayerEndpoints(regions, account), stateDir, log })
    : new Validator({
        account,
        chains: endpoints(regions),
        stateDir,
        confirmations: BigInt(process.env.CONDUCTOR_CONFIRMATIONS ?? "1"),
        log,
      });
const controller = new AbortController();
process.on("SIGTERM", () => controller.abort());
process.on("SIGINT", () => controller.abort());
log(`${role} started for ${regions.map((r) => r.name).join(", ")}`);
await runLoop(() => worker.tick(), Number(interval), controller.signal, log);
