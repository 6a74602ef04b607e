import type { Command } from "commander";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  formatUnits,
  type Hex,
  http,
  isAddress,
  parseUnits,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { z } from "zod";
import { Param, type Unit } from "../generated/enums.ts";
import { castVote } from "./castVote.ts";
import { GovernanceInputError } from "./errors.ts";
import { execute } from "./execute.ts";
import { getParameters } from "./getParameters.ts";
import type { Proposal } from "./getProposal.ts";
import { getProposals } from "./getProposals.ts";
import { type ParameterChangeInput, propose } from "./propose.ts";
import { queue } from "./queue.ts";
import { type GovernanceAddresses, ProposalState, type Reader, VoteSupport, type Writer } from "./types.ts";

/** What the governance commands run against: a reader, a signer for writes, the addresses. */
export interface GovernanceCliContext {
  reader: Reader;
  writer?: Writer;
  addresses: GovernanceAddresses;
}

/** Builds the context from the command's global options; the lead's CLI passes its own. */
export type GovernanceContextFactory = (options: Record<string, unknown>) => Promise<GovernanceCliContext>;

const AddressSchema = z
  .string({ required_error: "missing" })
  .refine((s) => isAddress(s, { strict: false }), "not an address (0x followed by 40 hex digits)")
  .transform((s) => s as Address);

const ContextSchema = z.object({
  rpc: z.string().url(),
  governor: AddressSchema,
  parameters: AddressSchema,
  privateKey: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, "a private key is 0x followed by 64 hex digits")
    .optional(),
});

/**
 * The default context: `--rpc`, `--governor`, `--parameters` (or CONDUCTOR_RPC_URL,
 * CONDUCTOR_GOVERNOR, CONDUCTOR_REGION_PARAMETERS), and the signer's key from CONDUCTOR_PRIVATE_KEY
 * (never a flag: flags end up in shell history).
 */
export const contextFromEnvironment: GovernanceContextFactory = async (options) => {
  const parsed = ContextSchema.safeParse({
    rpc: options.rpc ?? process.env.CONDUCTOR_RPC_URL ?? "http://127.0.0.1:8545",
    governor: options.governor ?? process.env.CONDUCTOR_GOVERNOR,
    parameters: options.parameters ?? process.env.CONDUCTOR_REGION_PARAMETERS,
    privateKey: process.env.CONDUCTOR_PRIVATE_KEY,
  });
  if (!parsed.success) throw inputError(parsed.error, "connection settings");
  const { rpc, governor, parameters, privateKey } = parsed.data;
  const probe = createPublicClient({ transport: http(rpc) });
  const chain = defineChain({
    id: await probe.getChainId(),
    name: "Conductor region",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpc] } },
  });
  const reader = createPublicClient({ chain, transport: http(rpc) }) as Reader;
  const writer = privateKey
    ? (createWalletClient({ account: privateKeyToAccount(privateKey as Hex), chain, transport: http(rpc) }) as Writer)
    : undefined;
  return { reader, writer, addresses: { governor, regionParameters: parameters } };
};

function inputError(error: z.ZodError, what: string): GovernanceInputError {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  return new GovernanceInputError(
    `invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
    issues,
  );
}

/**
 * Parses `Param=value`. Values: an integer in base units (`200000000000000000000`), a percentage
 * for fractions (`7.5%`), days for durations (`30d`), or RSC for amounts (`200rsc`).
 */
export function parseChange(text: string): ParameterChangeInput {
  const match = /^([A-Za-z]+)=(.+)$/.exec(text.trim());
  if (!match) throw new GovernanceInputError(`"${text}" is not Param=value (e.g. SalesTaxRate=5%)`);
  const [, name, raw] = match;
  if (!(Param as readonly string[]).includes(name)) {
    throw new GovernanceInputError(`unknown parameter "${name}"; one of: ${Param.join(", ")}`);
  }
  const v = raw.trim().toLowerCase();
  let value: bigint;
  try {
    if (/^\d+$/.test(v)) value = BigInt(v);
    else if (v.endsWith("%")) value = parseUnits(v.slice(0, -1), 16);
    else if (v.endsWith("d")) value = BigInt(Math.round(Number.parseFloat(v.slice(0, -1)) * 86_400));
    else if (v.endsWith("rsc")) value = parseUnits(v.slice(0, -3), 18);
    else throw new Error("unknown unit");
  } catch {
    throw new GovernanceInputError(`"${raw}" is not a value: use an integer, 7.5%, 30d or 200rsc`);
  }
  if (value < 0n) throw new GovernanceInputError(`"${raw}" is negative`);
  return { param: name as Param, value };
}

/** A value in its unit, for people. */
export function formatValue(value: bigint, unit: Unit): string {
  if (unit === "Fraction") return `${formatUnits(value * 100n, 18)} %`;
  if (unit === "Seconds") return `${formatUnits((value * 1000n) / 86_400n, 3)} d`;
  if (unit === "RscWei") return `${formatUnits(value, 18)} RSC`;
  return value.toString();
}

function printProposal(p: Proposal) {
  console.log(
    `#${p.proposalId} ${p.state} — ${p.description}\n` +
      `  for ${p.votes.for} · against ${p.votes.against} · abstain ${p.votes.abstain} · quorum ${p.quorum}` +
      `\n  vote ${new Date(Number(p.snapshot) * 1000).toISOString()} → ${new Date(Number(p.deadline) * 1000).toISOString()}` +
      (p.eta > 0n ? `\n  executable from ${new Date(Number(p.eta) * 1000).toISOString()}` : "") +
      p.changes.map((c) => `\n  ${c.param} → ${c.value}`).join(""),
  );
}

function needWriter(ctx: GovernanceCliContext): Writer {
  if (!ctx.writer) throw new GovernanceInputError("this command sends a transaction: set CONDUCTOR_PRIVATE_KEY");
  return ctx.writer;
}

const ProposalIdSchema = z.string().regex(/^\d+$/, "a proposal id is a decimal number").transform(BigInt);

function proposalId(text: string): bigint {
  const parsed = ProposalIdSchema.safeParse(text);
  if (!parsed.success) throw inputError(parsed.error, "proposal id");
  return parsed.data;
}

/**
 * Adds `params`, `propose`, `vote`, `queue`, `execute` and `proposals` to the `conductor` CLI.
 * `context` builds the clients and addresses from the global options (default: flags and
 * environment, see {@link contextFromEnvironment}).
 */
export function registerGovernanceCommands(
  program: Command,
  context: GovernanceContextFactory = contextFromEnvironment,
) {
  const ctx = () => context(program.opts());
  if (!program.options.some((o) => o.long === "--governor")) {
    program
      .option("--rpc <url>", "the region's JSON-RPC endpoint (CONDUCTOR_RPC_URL)")
      .option("--governor <address>", "the RegionGovernor (CONDUCTOR_GOVERNOR)")
      .option("--parameters <address>", "the RegionParameters (CONDUCTOR_REGION_PARAMETERS)");
  }

  program
    .command("params")
    .description("today's regional parameters, their bounds and (with --history) every change")
    .option("--history", "print every change of every parameter")
    .action(async (opts: { history?: boolean }) => {
      const { reader, addresses } = await ctx();
      for (const p of await getParameters(reader, { regionParameters: addresses.regionParameters })) {
        console.log(
          `${p.param}: ${formatValue(p.value, p.unit)} [${formatValue(p.min, p.unit)} … ${formatValue(p.max, p.unit)}]`,
        );
        if (opts.history) {
          for (const h of p.history) {
            console.log(
              `  ${new Date(Number(h.timestamp) * 1000).toISOString()} ${formatValue(h.oldValue, p.unit)} → ${formatValue(h.newValue, p.unit)} (${h.transactionHash})`,
            );
          }
        }
      }
    });

  program
    .command("propose")
    .description("propose parameter changes, e.g. conductor propose SalesTaxRate=5% -d 'Lower the sales tax'")
    .argument("<changes...>", "Param=value (integer base units, 7.5%, 30d or 200rsc)")
    .requiredOption("-d, --description <text>", "what the proposal does and why")
    .action(async (changes: string[], opts: { description: string }) => {
      const c = await ctx();
      const result = await propose(c.reader, needWriter(c), {
        ...c.addresses,
        changes: changes.map(parseChange),
        description: opts.description,
      });
      console.log(`proposed #${result.proposalId} (${result.hash})`);
    });

  program
    .command("vote")
    .description("cast your member vote")
    .argument("<proposalId>")
    .argument("<support>", VoteSupport.join(" | "))
    .option("-r, --reason <text>", "a reason, recorded on-chain")
    .action(async (id: string, support: string, opts: { reason?: string }) => {
      const parsed = z.enum(VoteSupport).safeParse(support.toLowerCase());
      if (!parsed.success) throw inputError(parsed.error, "vote");
      const c = await ctx();
      const { hash } = await castVote(c.reader, needWriter(c), {
        governor: c.addresses.governor,
        proposalId: proposalId(id),
        support: parsed.data,
        reason: opts.reason,
      });
      console.log(`voted ${parsed.data} on #${id} (${hash})`);
    });

  program
    .command("queue")
    .description("queue a passed proposal in the timelock")
    .argument("<proposalId>")
    .action(async (id: string) => {
      const c = await ctx();
      const { hash } = await queue(c.reader, needWriter(c), { ...c.addresses, proposalId: proposalId(id) });
      console.log(`queued #${id} (${hash})`);
    });

  program
    .command("execute")
    .description("execute a queued proposal once the timelock's delay has passed")
    .argument("<proposalId>")
    .action(async (id: string) => {
      const c = await ctx();
      const { hash } = await execute(c.reader, needWriter(c), { ...c.addresses, proposalId: proposalId(id) });
      console.log(`executed #${id} (${hash})`);
    });

  program
    .command("proposals")
    .description("every proposal with its state and tally")
    .option("-s, --state <state...>", `only these states: ${ProposalState.join(", ")}`)
    .action(async (opts: { state?: string[] }) => {
      const parsed = z.array(z.enum(ProposalState)).optional().safeParse(opts.state);
      if (!parsed.success) throw inputError(parsed.error, "state");
      const { reader, addresses } = await ctx();
      for (const p of await getProposals(reader, { ...addresses, states: parsed.data })) printProposal(p);
    });
}
