import type { Command } from "commander";
import { privateKeyToAccount } from "viem/accounts";
import { z } from "zod";
import { ConductorInputError } from "../errors.ts";
import { occupationLabel } from "../payroll/occupations.ts";
import { endpoints, readFederation, relayerEndpoints } from "./config.ts";
import { discoverHousing, discoverJobs, discoverListings } from "./discover.ts";
import { registerFederationGroup } from "./federationCli.ts";
import { runLoop } from "./loop.ts";
import { Relayer } from "./relayer.ts";
import { getSettlement } from "./settlement.ts";
import { Validator } from "./validator.ts";

const Key = z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a private key: 0x followed by 64 hex digits");
const Interval = z.coerce.number().int().min(10, "--interval is at least 10 ms").max(3_600_000);
const Confirmations = z.coerce.bigint().refine((n) => n >= 0n, "--confirmations must not be negative");

function keyFrom(variable: string) {
  const parsed = Key.safeParse(process.env[variable]);
  if (!parsed.success) throw new ConductorInputError(`${variable}: ${parsed.error.issues[0].message}`);
  return privateKeyToAccount(parsed.data as `0x${string}`);
}

function untilSignal(): AbortSignal {
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  process.once("SIGTERM", () => controller.abort());
  return controller.signal;
}

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

/** `conductor validate`, `relay`, `settlement`, `discover …` and `federation buy|audit`. */
export function registerFederationCommands(program: Command): void {
  registerFederationGroup(program);
  program
    .command("validate")
    .description("sign every bridge message that is final on its source chain (key: CONDUCTOR_VALIDATOR_KEY)")
    .requiredOption("--federation <file>", "federation config (regions, RPC URLs, deployments)")
    .requiredOption("--state <dir>", "where signatures and cursors live (shared with the relayer)")
    .option("--confirmations <n>", "blocks a message must be buried under before signing", "1")
    .option("--interval <ms>", "polling interval", "500")
    .action(async (opts: { federation: string; state: string; confirmations: string; interval: string }) => {
      const validator = new Validator({
        account: keyFrom("CONDUCTOR_VALIDATOR_KEY"),
        chains: endpoints(readFederation(opts.federation)),
        stateDir: opts.state,
        confirmations: Confirmations.parse(opts.confirmations),
        log,
      });
      await runLoop(() => validator.tick(), Interval.parse(opts.interval), untilSignal(), log);
    });

  program
    .command("relay")
    .description("deliver attested bridge messages to their destination, once (key: CONDUCTOR_PRIVATE_KEY)")
    .requiredOption("--federation <file>", "federation config")
    .requiredOption("--state <dir>", "where pending messages, cursors and signatures live")
    .option("--interval <ms>", "polling interval", "500")
    .action(async (opts: { federation: string; state: string; interval: string }) => {
      const relayer = new Relayer({
        chains: relayerEndpoints(readFederation(opts.federation), keyFrom("CONDUCTOR_PRIVATE_KEY")),
        stateDir: opts.state,
        log,
      });
      await runLoop(() => relayer.tick(), Interval.parse(opts.interval), untilSignal(), log);
    });

  const rsc = (wei: bigint) => `${(Number(wei / 10n ** 14n) / 10_000).toFixed(2)} RSC`;
  const discover = program.command("discover").description("jobs, products and housing across every federated region");
  discover
    .command("jobs")
    .description("open jobs in every region with the wage there, highest first")
    .requiredOption("--federation <file>", "federation config")
    .option("--occupation <id|name>", "only this occupation: an exact name (as each region names it) or an id")
    .action(async (opts: { federation: string; occupation?: string }) => {
      const filter =
        opts.occupation === undefined
          ? {}
          : /^\d+$/.test(opts.occupation)
            ? { occupationId: z.coerce.number().int().nonnegative().parse(opts.occupation) }
            : { occupationName: z.string().trim().min(1).parse(opts.occupation) };
      for (const j of await discoverJobs(readFederation(opts.federation), filter)) {
        const occupation = occupationLabel({ occupationId: j.occupationId, name: j.occupationName });
        console.log(
          `${j.region.padEnd(14)} job #${j.jobId} ${occupation} ${j.hoursPerWeek} h/week ${j.location.padEnd(16)} ${rsc(j.wage)}/h`,
        );
      }
    });
  discover
    .command("products")
    .description("active listings in every region, cheapest first")
    .requiredOption("--federation <file>", "federation config")
    .option("--search <text>", "only names containing this")
    .action(async (opts: { federation: string; search?: string }) => {
      for (const l of await discoverListings(readFederation(opts.federation), opts.search)) {
        console.log(
          `${l.region.padEnd(14)} #${l.listingId} ${l.name.padEnd(24)} ${rsc(l.unitPrice)} ${l.available === undefined ? "unlimited" : `${l.available} left`}`,
        );
      }
    });
  discover
    .command("housing")
    .description("regional housing in every region: units, vacancies, wait-lists")
    .requiredOption("--federation <file>", "federation config")
    .action(async (opts: { federation: string }) => {
      for (const h of await discoverHousing(readFederation(opts.federation))) {
        console.log(
          `${h.region.padEnd(14)} ${h.building.padEnd(16)} ${h.unitType.padEnd(9)} ${h.vacant}/${h.units} vacant, ${h.waiting} waiting`,
        );
      }
    });

  program
    .command("settlement")
    .description("what each region's USD reserve owes another, from the gateways' net flows")
    .requiredOption("--federation <file>", "federation config")
    .option("--json", "machine-readable output")
    .action(async (opts: { federation: string; json?: boolean }) => {
      const lines = await getSettlement(readFederation(opts.federation));
      if (opts.json) {
        console.log(JSON.stringify(lines, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2));
        return;
      }
      for (const l of lines) {
        const usd = Number(l.amount / 10n ** 14n) / 10_000;
        const note =
          l.debtorRecord === l.creditorRecord
            ? ""
            : ` (records differ: ${l.debtorRecord} vs ${l.creditorRecord} wei, messages in flight)`;
        console.log(`${l.debtor} owes ${l.creditor} ${usd.toFixed(2)} USD${note}`);
      }
    });
}
