import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { ConductorInputError } from "../errors.ts";
import { LedgerJsonSchema } from "./ledger.ts";

/** What a cache file belongs to: resuming is refused when any of it differs. */
export const FingerprintSchema = z.object({
  chainId: z.number().int(),
  rsc: z.string(),
  reserve: z.string(),
  capitalPool: z.string(),
  regionParameters: z.string(),
  payroll: z.string().optional(),
  wageSchedule: z.string().optional(),
  profitAtRest: z.string().optional(),
  startBlock: z.number().int(),
  fromBlock: z.number().int(),
  rules: z.array(z.string()),
});
export type Fingerprint = z.infer<typeof FingerprintSchema>;

const ViolationSchema = z.object({
  block: z.number().int(),
  txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
  logIndex: z.number().int(),
  rule: z.string(),
  expected: z.string(),
  found: z.string(),
});

/** The auditor's state after block `nextBlock - 1`, enough to continue exactly where it stopped. */
export const CheckpointSchema = z.object({
  version: z.literal(1),
  fingerprint: FingerprintSchema,
  nextBlock: z.number().int(),
  ledger: LedgerJsonSchema,
  counters: z.object({
    events: z.number().int(),
    transfers: z.number().int(),
    actions: z.number().int(),
    transactions: z.number().int(),
  }),
  violations: z.array(ViolationSchema),
  violationCount: z.number().int(),
  /** onchain totalSupply − rebuilt, as last reported by the periodic supply check. */
  supplyDelta: z.string(),
  /** The state of the rules that keep their own (rule name → what its `save()` returned). */
  rules: z.record(z.string(), z.unknown()).default({}),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

/** Writes the checkpoint atomically (temporary file, then rename), so an interruption never leaves half a file. */
export function writeCheckpoint(file: string, checkpoint: Checkpoint): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(checkpoint));
  renameSync(tmp, file);
}

/**
 * Reads a checkpoint if `file` exists and belongs to the same audit (`fingerprint`); a file of
 * another audit or a corrupt one is an input error, never silently ignored.
 */
export function readCheckpoint(file: string, fingerprint: Fingerprint): Checkpoint | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConductorInputError(`cache file ${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = CheckpointSchema.safeParse(json);
  if (!parsed.success) throw ConductorInputError.fromZod(parsed.error, `cache file ${file}`);
  const mine = JSON.stringify(fingerprint);
  const theirs = JSON.stringify(parsed.data.fingerprint);
  if (mine !== theirs)
    throw new ConductorInputError(`cache file ${file} belongs to another audit (${theirs}); this one is ${mine}`);
  return parsed.data;
}
