import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { createPublicClient, http, type LocalAccount } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { z } from "zod";
import { type ConductorClient, createConductorClient } from "../client.ts";
import { type Deployment, DeploymentSchema } from "../deployment.ts";
import { ConductorError, ConductorInputError } from "../errors.ts";

const PACKAGE_ROOT = new URL("../../..", import.meta.url).pathname;
export const DEFAULT_RPC_URL = "http://127.0.0.1:8545";

/** The global options every command sees (`conductor --rpc URL --deployment FILE --json <command>`). */
export interface GlobalOptions {
  rpc: string;
  deployment?: string;
  json: boolean;
}

const GlobalSchema = z.object({
  rpc: z.string().url("--rpc must be a URL such as http://127.0.0.1:8545"),
  deployment: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

/** A deployment file is either a deployment record or `.conductor/demo.json` (which holds one). */
const DeploymentFileSchema = z.union([DeploymentSchema, z.object({ deployment: DeploymentSchema })]);

/**
 * The deployment file a command uses when none is given: `.conductor/demo.json` (written by
 * `npm start`; current directory, then the package) when there is one, else
 * `deployments/31337.json` (a region deployed with `npm run deploy` to a local node).
 */
export function defaultDeploymentFile(): string {
  const demo = [process.cwd(), PACKAGE_ROOT].map((r) => join(r, ".conductor", "demo.json")).find(existsSync);
  return demo ?? join("deployments", "31337.json");
}

/** Adds the global options to the program. */
export function addGlobalOptions(program: Command): Command {
  return program
    .option("--rpc <url>", "JSON-RPC endpoint of the region's chain", process.env.CONDUCTOR_RPC_URL ?? DEFAULT_RPC_URL)
    .option("--deployment <file>", "deployment record (default: .conductor/demo.json, else deployments/<chainId>.json)")
    .option("--json", "print machine-readable JSON", false);
}

/** The validated global options of the command being run. */
export function globalOptions(command: Command): GlobalOptions {
  const parsed = GlobalSchema.safeParse(command.optsWithGlobals());
  if (!parsed.success) throw ConductorInputError.fromZod(parsed.error, "options");
  return parsed.data;
}

function readDeploymentFile(path: string): Deployment {
  if (!existsSync(path)) throw new ConductorInputError(`deployment file ${path} does not exist`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new ConductorInputError(`deployment file ${path} is not JSON`);
  }
  const parsed = DeploymentFileSchema.safeParse(json);
  if (!parsed.success) throw ConductorInputError.fromZod(parsed.error, `deployment file ${path}`);
  return "deployment" in parsed.data ? parsed.data.deployment : parsed.data;
}

async function chainIdOf(rpc: string): Promise<number> {
  try {
    return await createPublicClient({ transport: http(rpc, { retryCount: 0 }) }).getChainId();
  } catch {
    throw new ConductorError(`cannot reach a node at ${rpc}: start one with \`npm start\` or pass --rpc URL`);
  }
}

/**
 * The deployment to use: `--deployment FILE`; else `.conductor/demo.json` (current directory, then
 * the package) when it is for the node's chain; else `deployments/<chainId>.json`.
 */
export async function resolveDeployment(options: GlobalOptions): Promise<{ deployment: Deployment; file: string }> {
  if (options.deployment) {
    const file = resolve(options.deployment);
    return { deployment: readDeploymentFile(file), file };
  }
  const chainId = await chainIdOf(options.rpc);
  const roots = [process.cwd(), PACKAGE_ROOT];
  const candidates = [
    ...roots.map((r) => join(r, ".conductor", "demo.json")),
    ...roots.map((r) => join(r, "deployments", `${chainId}.json`)),
  ];
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    const deployment = readDeploymentFile(file);
    if (deployment.chainId === chainId) return { deployment, file };
  }
  throw new ConductorInputError(
    `no deployment for chain ${chainId}: pass --deployment FILE (looked for .conductor/demo.json and deployments/${chainId}.json)`,
  );
}

/**
 * A client for the command: the node from `--rpc`, the deployment, and the key from
 * CONDUCTOR_PRIVATE_KEY when set (never from a flag, so it stays out of shell history).
 */
export async function clientFor(command: Command): Promise<ConductorClient> {
  const options = globalOptions(command);
  const { deployment, file } = await resolveDeployment(options);
  const key = process.env.CONDUCTOR_PRIVATE_KEY;
  const client = createConductorClient({
    rpcUrl: options.rpc,
    deployment,
    privateKey: key === undefined || key === "" ? undefined : key,
  });
  const code = await client.publicClient.getCode({ address: deployment.contracts.RSC }).catch(() => undefined);
  if (!code || code === "0x") {
    throw new ConductorInputError(
      `no RSC contract at ${deployment.contracts.RSC} on ${options.rpc}: ${file} describes another chain; pass --deployment FILE`,
    );
  }
  return client;
}

/**
 * Other owners' keys for Safe transactions, from CONDUCTOR_COSIGNER_KEYS (comma-separated), for
 * demos and scripts where one operator holds several custodian keys. Empty when unset.
 */
export function cosignersFromEnv(): LocalAccount[] {
  const raw = process.env.CONDUCTOR_COSIGNER_KEYS;
  if (!raw) return [];
  return raw
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "")
    .map((k, i) => {
      if (!/^0x[0-9a-fA-F]{64}$/.test(k)) {
        throw new ConductorInputError(`CONDUCTOR_COSIGNER_KEYS: key #${i + 1} is not 0x followed by 64 hex digits`);
      }
      return privateKeyToAccount(k as `0x${string}`);
    });
}
