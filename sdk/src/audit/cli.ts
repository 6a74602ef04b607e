import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { createPublicClient, http, type PublicClient } from "viem";
import { z } from "zod";
import { type Deployment, DeploymentSchema, readDeployment } from "../deployment.ts";
import { ConductorInputError } from "../errors.ts";
import { AuditInterruptedError, type AuditProgress, runAudit } from "./auditor.ts";
import { formatViolation, writeReport } from "./report.ts";
import type { RegionAddresses } from "./types.ts";

const block = z.coerce.number().int("a block number is a whole number").nonnegative("a block number is ≥ 0");

/** The flags of `conductor audit`, validated. */
export const AuditFlagsSchema = z
  .object({
    rpc: z.string().url("--rpc must be a URL such as http://127.0.0.1:8545"),
    deployment: z.string().min(1).optional(),
    fromBlock: block.optional(),
    toBlock: block.optional(),
    out: z
      .string()
      .regex(/\.(json|csv)$/i, "--out must end in .json or .csv")
      .optional(),
    cache: z.string().min(1).optional(),
    checkpointEvery: z.coerce.number().int().positive().default(1_000),
    maxViolations: z.coerce.number().int().positive().default(10_000),
    quiet: z.boolean().default(false),
  })
  .refine((f) => f.fromBlock === undefined || f.toBlock === undefined || f.fromBlock <= f.toBlock, {
    message: "--from-block must not be after --to-block",
    path: ["fromBlock"],
  });

/** The flags as commander (or a caller) gives them: validated by {@link AuditFlagsSchema}. */
export type AuditFlags = Record<string, unknown>;

/** Exit codes: 0 clean region, 1 violations found, 2 bad input, 3 interrupted (resume with --cache). */
export const EXIT = { clean: 0, violations: 1, input: 2, interrupted: 3 } as const;

/** The region's addresses, lower case, from its deployment record. */
export function regionAddresses(d: Deployment): RegionAddresses {
  const c = d.contracts;
  return {
    rsc: c.RSC.toLowerCase(),
    reserve: c.Reserve.toLowerCase(),
    capitalPool: c.CapitalPool.toLowerCase(),
    regionParameters: c.RegionParameters.toLowerCase(),
    ...(c.Payroll && c.WageSchedule
      ? { payroll: c.Payroll.toLowerCase(), wageSchedule: c.WageSchedule.toLowerCase() }
      : {}),
    ...(c.ProfitAtRest ? { profitAtRest: c.ProfitAtRest.toLowerCase() } : {}),
  };
}

const progressLine = (p: AuditProgress) => {
  const done = p.toBlock > p.fromBlock ? ((p.block - p.fromBlock) / (p.toBlock - p.fromBlock)) * 100 : 100;
  const rate = p.elapsedMs > 0 ? Math.round((p.events * 1000) / p.elapsedMs) : 0;
  return `audit: block ${p.block}/${p.toBlock} (${done.toFixed(1)} %), ${p.events} events, ${rate} ev/s, ${p.violations} violations, heap ${(p.heapUsed / 2 ** 20).toFixed(0)} MiB`;
};

/**
 * `conductor audit`: validates the flags, audits, prints progress to stderr and the violations to
 * stdout, writes the report, and returns the exit code.
 */
export async function auditCommand(
  flags: AuditFlags,
  io: { out: (s: string) => void; err: (s: string) => void; signal?: AbortSignal } = {
    out: (s) => console.log(s),
    err: (s) => console.error(s),
  },
): Promise<number> {
  const parsed = AuditFlagsSchema.safeParse(flags);
  if (!parsed.success) {
    io.err(`error: ${ConductorInputError.fromZod(parsed.error, "flags").message}`);
    return EXIT.input;
  }
  const f = parsed.data;
  const client = createPublicClient({
    transport: http(f.rpc, { batch: { batchSize: 100 }, maxResponseBodySize: 64 * 2 ** 20 }),
  }) as PublicClient;
  let deployment: Deployment;
  try {
    const file = f.deployment ?? join(process.cwd(), "deployments", `${await client.getChainId()}.json`);
    if (!existsSync(file)) throw new ConductorInputError(`no deployment record at ${file}; give --deployment FILE`);
    const record = JSON.parse(readFileSync(file, "utf8")) as { deployment?: unknown };
    deployment = record.deployment ? DeploymentSchema.parse(record.deployment) : readDeployment(file);
  } catch (error) {
    io.err(`error: ${(error as Error).message}`);
    return EXIT.input;
  }
  try {
    const report = await runAudit({
      client,
      addresses: regionAddresses(deployment),
      startBlock: deployment.startBlock,
      fromBlock: f.fromBlock,
      toBlock: f.toBlock,
      cacheFile: f.cache,
      checkpointEvery: f.checkpointEvery,
      maxViolations: f.maxViolations,
      signal: io.signal,
      onProgress: f.quiet ? undefined : (p) => io.err(progressLine(p)),
    });
    if (f.out) writeReport(f.out, report);
    const summary = `${report.events} events (${report.actions} actions, ${report.transfers} transfers) in blocks ${report.startBlock}–${report.toBlock}, ${report.accounts} accounts, ${report.durationMs} ms`;
    if (report.ok) {
      io.out(`clean: ${summary}; ${report.rules.length} rules hold`);
      return EXIT.clean;
    }
    io.out(`${report.violationCount} violation(s): ${summary}`);
    for (const v of report.violations) io.out(formatViolation(v));
    if (report.violationCount > report.violations.length)
      io.out(`… and ${report.violationCount - report.violations.length} more (raise --max-violations)`);
    return EXIT.violations;
  } catch (error) {
    if (error instanceof AuditInterruptedError) {
      io.err(error.message);
      return EXIT.interrupted;
    }
    if (error instanceof ConductorInputError) {
      io.err(`error: ${error.message}`);
      return EXIT.input;
    }
    throw error;
  }
}

/**
 * Adds `conductor audit` to a commander program.
 * @example
 * const program = new Command("conductor");
 * registerAuditCommands(program);
 * await program.parseAsync(process.argv);
 */
export function registerAuditCommands(program: Command): void {
  program
    .command("audit")
    .description(
      "verify a region from its chain alone: transfers, kinds, taxes, reserve, UBI, wages, profit-at-rest lots",
    )
    .option("--rpc <url>", "JSON-RPC endpoint of the region's chain (default: the global --rpc)")
    .option("--deployment <file>", "deployment record or .conductor/demo.json (default deployments/<chainId>.json)")
    .option("--from-block <n>", "report violations from this block (state is rebuilt from the region's first block)")
    .option("--to-block <n>", "last block to audit (default latest)")
    .option("--out <file>", "write the report: .json (full) or .csv (violations)")
    .option("--cache <file>", "checkpoint to this file and resume from it after an interruption")
    .option("--checkpoint-every <blocks>", "checkpoint every this many blocks", "1000")
    .option("--max-violations <n>", "list at most this many violations (all are counted)", "10000")
    .option("--quiet", "no progress on stderr")
    .action(async (own: AuditFlags, command: Command) => {
      // `conductor --rpc URL audit` and `conductor audit --rpc URL` both work.
      const opts = { ...command.optsWithGlobals(), ...own } as AuditFlags;
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      try {
        process.exitCode = await auditCommand(opts, {
          out: (s) => console.log(s),
          err: (s) => console.error(s),
          signal: controller.signal,
        });
      } finally {
        process.off("SIGINT", stop);
      }
    });
}
