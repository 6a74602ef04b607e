import { type Address, getAddress, isAddress } from "viem";
import { z } from "zod";

const address = z
  .string()
  .refine((s) => isAddress(s, { strict: false }), { message: "not an address (0x followed by 40 hex digits)" })
  .transform((s) => getAddress(s) as Address);

/** The contracts every region has; later modules add their own names. */
export const CORE_CONTRACTS = ["RSC", "Registry", "RegionParameters", "Reserve", "CapitalPool", "Custodians"] as const;

/**
 * A region's deployment record, written by `scripts/deploy.ts` to `deployments/<chainId>.json`
 * (never hand-edited). It names the chain and every contract address.
 */
export const DeploymentSchema = z.object({
  chainId: z.number().int().positive(),
  regionName: z.string().min(1),
  rpcUrl: z.string().url().optional(),
  startBlock: z.number().int().nonnegative(),
  contracts: z.record(z.string(), address).refine((c) => CORE_CONTRACTS.every((name) => name in c), {
    message: `must name every core contract: ${CORE_CONTRACTS.join(", ")}`,
  }),
});

export type Deployment = z.infer<typeof DeploymentSchema>;

/**
 * Reads and validates a deployment file: a deployment record, or a file that holds one under
 * `deployment` (like `.conductor/demo.json`, written by `npm start`). Throws a zod error that names
 * the bad field.
 * (Node only. `node:fs` is loaded here rather than imported, so that browser bundles of the SDK's
 * actions, which import this module for {@link contractAddress}, do not pull it in.)
 */
export function readDeployment(path: string): Deployment {
  const { readFileSync } = process.getBuiltinModule("node:fs");
  const json = JSON.parse(readFileSync(path, "utf8")) as { deployment?: unknown };
  return DeploymentSchema.parse(json?.deployment ?? json);
}

/** The address of `name` in `deployment`, or a clear error when this region has no such contract. */
export function contractAddress(deployment: Deployment, name: string): Address {
  const found = deployment.contracts[name];
  if (!found) throw new Error(`this region's deployment has no ${name} contract (chain ${deployment.chainId})`);
  return found;
}
