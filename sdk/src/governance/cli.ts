import { existsSync } from "node:fs";
import { type Command, Option } from "commander";
import { formatUnits, parseUnits } from "viem";
import { z } from "zod";
import { defaultDeploymentFile } from "../cli/context.ts";
import { type ConductorClient, createConductorClient } from "../client.ts";
import { readDeployment } from "../deployment.ts";
import { ConductorError, ConductorInputError } from "../errors.ts";
import { Param, type Unit } from "../generated/enums.ts";
import { castVote } from "./castVote.ts";
import { execute } from "./execute.ts";
import { getParameters } from "./getParameters.ts";
import type { Proposal } from "./getProposal.ts";
import { getProposals } from "./getProposals.ts";
import { type ParameterChangeValue, propose } from "./propose.ts";
import { queue } from "./queue.ts";
import { ProposalState, parse, VoteSupport } from "./shared.ts";

/** Options shared by every governance command. */
type ConnectionOptions = { rpc: string; deployment: string };

export type RegisterGovernanceOptions = {
  /** Builds the client (default: `--rpc`, `--deployment` and `CONDUCTOR_PRIVATE_KEY`). */
  makeClient?: (options: ConnectionOptions) => ConductorClient;
  /** Where output goes (default: console.log). */
  print?: (line: string) => void;
};

function defaultClient(options: ConnectionOptions): ConductorClient {
  if (!existsSync(options.deployment)) {
    throw new ConductorError(
      `no deployment record at ${options.deployment}: give --deployment or CONDUCTOR_DEPLOYMENT`,
    );
  }
  return createConductorClient({
    rpcUrl: options.rpc,
    deployment: readDeployment(options.deployment),
    privateKey: process.env.CONDUCTOR_PRIVATE_KEY,
  });
}

/**
 * Parses `Param=value`. Values: an integer in base units (`200000000000000000000`), a percentage
 * for fractions (`7.5%`), days for durations (`30d`), or RSC for amounts (`200rsc`).
 */
export function parseChange(text: string): ParameterChangeValue {
  const match = /^([A-Za-z]+)=(.+)$/.exec(text.trim());
  if (!match) throw new ConductorInputError(`"${text}" is not Param=value (e.g. SalesTaxRate=5%)`);
  const [, name, raw] = match;
  if (!(Param as readonly string[]).includes(name)) {
    throw new ConductorInputError(`unknown parameter "${name}"; one of: ${Param.join(", ")}`);
  }
  const v = raw.trim().toLowerCase();
  let value: bigint;
  if (/^\d+$/.test(v)) value = BigInt(v);
  else if (/^\d+(\.\d+)?%$/.test(v)) value = parseUnits(v.slice(0, -1), 16);
  else if (/^\d+(\.\d+)?d$/.test(v)) value = (parseUnits(v.slice(0, -1), 6) * 86_400n) / 10n ** 6n;
  else if (/^\d+(\.\d+)?rsc$/.test(v)) value = parseUnits(v.slice(0, -3), 18);
  else throw new ConductorInputError(`"${raw}" is not a value: use an integer, 7.5%, 30d or 200rsc`);
  return { param: name as Param, value };
}

/** A value in its unit, for people. */
export function formatValue(value: bigint, unit: Unit): string {
  if (unit === "Fraction") return `${formatUnits(value * 100n, 18)} %`;
  if (unit === "Seconds") return `${formatUnits((value * 1000n) / 86_400n, 3)} d`;
  if (unit === "RscWei") return `${formatUnits(value, 18)} RSC`;
  return value.toString();
}

const iso = (t: bigint) => new Date(Number(t) * 1000).toISOString();

function describeProposal(p: Proposal): string[] {
  return [
    `#${p.proposalId} ${p.state} — ${p.description}`,
    `  for ${p.votes.for} · against ${p.votes.against} · abstain ${p.votes.abstain} · quorum ${p.quorum}`,
    `  vote ${iso(p.snapshot)} → ${iso(p.deadline)}`,
    ...(p.eta > 0n ? [`  executable from ${iso(p.eta)}`] : []),
    ...p.changes.map((c) => `  ${c.param} → ${c.value}`),
  ];
}

/**
 * Adds the governance commands to `program`:
 * - `params [--history]`: today's parameters with bounds, and every change;
 * - `propose Param=value… -d text`, `vote ID for|against|abstain`, `queue ID`, `execute ID`;
 * - `proposals [--state S…]`: every proposal with its state and tally.
 * Signing commands use `CONDUCTOR_PRIVATE_KEY`.
 */
export function registerGovernanceCommands(program: Command, options: RegisterGovernanceOptions = {}): void {
  const print = options.print ?? ((line: string) => console.log(line));
  const makeClient = options.makeClient ?? defaultClient;
  const connection = (cmd: Command) =>
    cmd
      .addOption(
        new Option("--rpc <url>", "JSON-RPC endpoint").env("CONDUCTOR_RPC_URL").default("http://127.0.0.1:8545"),
      )
      .addOption(
        new Option("--deployment <file>", "deployment record (default: .conductor/demo.json)")
          .env("CONDUCTOR_DEPLOYMENT")
          .default(defaultDeploymentFile()),
      );

  connection(program.command("params"))
    .description("today's regional parameters, their bounds and (with --history) every change")
    .option("--history", "print every change of every parameter")
    .action(async (o: ConnectionOptions & { history?: boolean }) => {
      for (const p of await getParameters(makeClient(o))) {
        print(
          `${p.param}: ${formatValue(p.value, p.unit)} [${formatValue(p.min, p.unit)} … ${formatValue(p.max, p.unit)}]`,
        );
        if (!o.history) continue;
        for (const h of p.history) {
          print(
            `  ${iso(h.timestamp)} ${formatValue(h.oldValue, p.unit)} → ${formatValue(h.newValue, p.unit)} (${h.transactionHash})`,
          );
        }
      }
    });

  connection(program.command("propose"))
    .description("propose parameter changes, e.g. conductor propose SalesTaxRate=5% -d 'Lower the sales tax'")
    .argument("<changes...>", "Param=value (integer base units, 7.5%, 30d or 200rsc)")
    .requiredOption("-d, --description <text>", "what the proposal does and why")
    .action(async (changes: string[], o: ConnectionOptions & { description: string }) => {
      const result = await propose(makeClient(o), { changes: changes.map(parseChange), description: o.description });
      print(`proposed #${result.proposalId} (${result.hash})`);
    });

  connection(program.command("vote"))
    .description("cast your member vote")
    .argument("<proposalId>")
    .argument("<support>", VoteSupport.join(" | "))
    .option("-r, --reason <text>", "a reason, recorded on-chain")
    .action(async (proposalId: string, support: string, o: ConnectionOptions & { reason?: string }) => {
      const s = parse(z.enum(VoteSupport), support.toLowerCase(), "vote");
      const { hash } = await castVote(makeClient(o), { proposalId, support: s, reason: o.reason });
      print(`voted ${s} on #${proposalId} (${hash})`);
    });

  connection(program.command("queue"))
    .description("queue a passed proposal in the timelock")
    .argument("<proposalId>")
    .action(async (proposalId: string, o: ConnectionOptions) => {
      const { hash } = await queue(makeClient(o), { proposalId });
      print(`queued #${proposalId} (${hash})`);
    });

  connection(program.command("execute"))
    .description("execute a queued proposal once the timelock's delay has passed")
    .argument("<proposalId>")
    .action(async (proposalId: string, o: ConnectionOptions) => {
      const { hash } = await execute(makeClient(o), { proposalId });
      print(`executed #${proposalId} (${hash})`);
    });

  connection(program.command("proposals"))
    .description("every proposal with its state and tally")
    .option("-s, --state <state...>", `only these states: ${ProposalState.join(", ")}`)
    .action(async (o: ConnectionOptions & { state?: string[] }) => {
      const states = parse(z.array(z.enum(ProposalState)).optional(), o.state, "state");
      for (const p of await getProposals(makeClient(o), { states }))
        for (const line of describeProposal(p)) print(line);
    });
}
