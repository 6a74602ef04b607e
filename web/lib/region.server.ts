import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DeploymentSchema } from "../../sdk/src/deployment.ts";
import { DEMO_CHAIN_ID, type RegionConfig } from "./regionConfig.ts";

const DemoAccountSchema = z.object({
  name: z.string(),
  role: z.enum(["registrar", "custodian", "member", "external"]),
  address: z.string(),
  privateKey: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
});
const DemoCompanySchema = z.object({
  name: z.string(),
  kind: z.string(),
  address: z.string(),
  signers: z.array(z.string()),
});

/** `.conductor/demo.json` as `npm start` writes it. */
export const DemoFileSchema = z.object({
  rpcUrl: z.string().url(),
  deployment: DeploymentSchema,
  accounts: z.array(DemoAccountSchema),
  companies: z.array(DemoCompanySchema),
});
export type DemoFile = z.infer<typeof DemoFileSchema>;

function repoRoot(): string {
  return process.env.CONDUCTOR_REPO_ROOT ?? process.cwd();
}

/** Demo mode: on in development, off in production unless CONDUCTOR_DEMO=1; CONDUCTOR_DEMO=0 forces it off. */
export function demoAllowed(): boolean {
  if (process.env.CONDUCTOR_DEMO === "0") return false;
  return process.env.CONDUCTOR_DEMO === "1" || process.env.NODE_ENV !== "production";
}

/** The demo file written by `npm start`, or undefined when absent or malformed. */
export function readDemoFile(): DemoFile | undefined {
  const path = process.env.CONDUCTOR_DEMO_FILE ?? join(repoRoot(), ".conductor/demo.json");
  if (!existsSync(/*turbopackIgnore: true*/ path)) return undefined;
  const parsed = DemoFileSchema.safeParse(JSON.parse(readFileSync(/*turbopackIgnore: true*/ path, "utf8")));
  return parsed.success ? parsed.data : undefined;
}

/**
 * The region this server shows. Explicit configuration wins: CONDUCTOR_RPC_URL (or
 * NEXT_PUBLIC_CONDUCTOR_RPC_URL) with CONDUCTOR_DEPLOYMENT, a path to a deployment record.
 * Otherwise the local demo region of `npm start`, when demo mode is allowed.
 */
export function regionConfig(): RegionConfig | undefined {
  const rpcUrl = process.env.CONDUCTOR_RPC_URL ?? process.env.NEXT_PUBLIC_CONDUCTOR_RPC_URL;
  const deploymentPath = process.env.CONDUCTOR_DEPLOYMENT;
  if (rpcUrl && deploymentPath) {
    const deployment = DeploymentSchema.parse(
      JSON.parse(readFileSync(/*turbopackIgnore: true*/ deploymentPath, "utf8")),
    );
    return {
      rpcUrl,
      chainId: deployment.chainId,
      regionName: deployment.regionName,
      startBlock: deployment.startBlock,
      contracts: deployment.contracts,
      demo: deployment.chainId === DEMO_CHAIN_ID && demoAllowed(),
    };
  }
  if (!demoAllowed()) return undefined;
  const demo = readDemoFile();
  if (!demo) return undefined;
  const { deployment } = demo;
  return {
    rpcUrl: demo.rpcUrl,
    chainId: deployment.chainId,
    regionName: deployment.regionName,
    startBlock: deployment.startBlock,
    contracts: deployment.contracts,
    demo: deployment.chainId === DEMO_CHAIN_ID,
  };
}
