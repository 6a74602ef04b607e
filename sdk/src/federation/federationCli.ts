import type { Command } from "commander";
import { getAddress, isAddress } from "viem";
import { createConductorClient } from "../client.ts";
import { DeploymentSchema } from "../deployment.ts";
import { ConductorInputError } from "../errors.ts";
import { approveSafeTransaction, executeSafeTransaction, getSafeProposalStatus } from "../marketplace/safe.ts";
import { formatRsc } from "../marketplace/shared.ts";
import { auditChains, auditFederation } from "./audit.ts";
import { buyAcrossRegions, encodeBuyAcrossRegions } from "./buy.ts";
import { type FederatedRegion, readFederation } from "./config.ts";

const print = (line: string) => process.stdout.write(`${line}\n`);

/** The region named `key` (its name, case-insensitive, or its chain id). */
export function findRegion(regions: FederatedRegion[], key: string, flag: string): FederatedRegion {
  const found = regions.find((r) => r.name.toLowerCase() === key.toLowerCase() || r.chainId.toString() === key);
  if (!found) {
    throw new ConductorInputError(
      `${flag}: no region "${key}" in the config (${regions.map((r) => r.name).join(", ")})`,
    );
  }
  return found;
}

/** `conductor federation buy` and `conductor federation audit`. */
export function registerFederationGroup(program: Command): void {
  const federation = program
    .command("federation")
    .description("buy across regions and audit the bridge across every federated chain");

  federation
    .command("buy")
    .description(
      "buy a listing of another region: burns --max-total here; the seller's region pays the seller and its own sales tax on delivery and returns the change (key: CONDUCTOR_PRIVATE_KEY)",
    )
    .requiredOption("--config <file>", "federation config (regions, RPC URLs, deployments)")
    .requiredOption("--listing <id>", "listing id in the seller's region")
    .requiredOption("--region <name|chainId>", "the seller's region")
    .option("--home <name|chainId>", "the buyer's region (default: the other one, in a two-region federation)")
    .option("--quantity <n>", "units", "1")
    .option("--max-total <rsc>", "the most to pay including the seller region's sales tax (default: its quote now)")
    .option("--safe <address>", "buy as this company: approve (and execute at threshold) through its Safe")
    .action(
      async (o: {
        config: string;
        listing: string;
        region: string;
        home?: string;
        quantity: string;
        maxTotal?: string;
        safe?: string;
      }) => {
        const regions = readFederation(o.config);
        const there = findRegion(regions, o.region, "--region");
        const others = regions.filter((r) => r !== there);
        if (!o.home && others.length !== 1) throw new ConductorInputError("--home: name the buyer's region");
        const home = o.home ? findRegion(regions, o.home, "--home") : others[0];
        const client = createConductorClient({
          rpcUrl: home.rpcUrl,
          deployment: DeploymentSchema.parse({
            chainId: Number(home.chainId),
            regionName: home.name,
            startBlock: 0,
            contracts: home.contracts,
          }),
          privateKey: process.env.CONDUCTOR_PRIVATE_KEY,
        });
        const params = { listingId: o.listing, quantity: o.quantity, maxTotal: o.maxTotal };
        if (!o.safe) {
          const result = await buyAcrossRegions(client, there, params);
          print(
            `purchase ${result.id} sent from ${home.name} in block ${result.blockNumber}: at most ${formatRsc(result.maxTotal)} RSC burned, change returns on delivery`,
          );
          return;
        }
        if (!isAddress(o.safe, { strict: false })) throw new ConductorInputError(`--safe: not an address: ${o.safe}`);
        const safe = getAddress(o.safe);
        const call = await encodeBuyAcrossRegions(client, there, params);
        const before = await getSafeProposalStatus(client, { safe, call });
        const status = await approveSafeTransaction(client, { safe, call, nonce: before.nonce });
        print(`approved (${status.approvedBy.length} of ${status.threshold}), Safe nonce ${status.nonce}`);
        if (BigInt(status.approvedBy.length) >= status.threshold) {
          const executed = await executeSafeTransaction(client, { safe, call, nonce: status.nonce });
          print(`purchase sent in block ${executed.blockNumber}: at most ${formatRsc(call.maxTotal)} RSC burned`);
        } else {
          print("waiting for the other signers: each runs the same command (same arguments) with their key");
        }
      },
    );

  federation
    .command("audit")
    .description(
      "check across every chain that each bridge burn matches its mint (or refund) to the wei, nothing is minted without a burn, and the gateways' flows equal the messages; exits 1 on any violation",
    )
    .requiredOption("--config <file>", "federation config")
    .option("--strict", "count messages still in flight as violations")
    .option("--json", "machine-readable output")
    .action(async (o: { config: string; strict?: boolean; json?: boolean }) => {
      const report = await auditFederation(auditChains(readFederation(o.config)), { strict: o.strict });
      if (o.json) {
        print(JSON.stringify(report, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2));
      } else {
        print(
          `federation audit: ${report.messages} messages, ${report.delivered} delivered, ${report.inFlight.length} in flight, ${report.burns} burns, ${report.mints} mints`,
        );
        for (const v of report.violations) print(`VIOLATION ${v.code} (chain ${v.chainId}): ${v.detail}`);
        print(report.ok ? "ok: every burn matches its mint or refund" : `${report.violations.length} violation(s)`);
      }
      if (!report.ok) process.exitCode = 1;
    });
}
