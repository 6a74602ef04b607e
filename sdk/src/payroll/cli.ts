import { existsSync } from "node:fs";
import { type Command, Option } from "commander";
import { formatUnits } from "viem";
import { defaultDeploymentFile } from "../cli/context.ts";
import { type ConductorClient, createConductorClient } from "../client.ts";
import { readDeployment } from "../deployment.ts";
import { ConductorError, ConductorInputError } from "../errors.ts";
import { PayMode } from "../generated/enums.ts";
import { approveTimesheet } from "./approveTimesheet.ts";
import { clockIn } from "./clockIn.ts";
import { clockOut } from "./clockOut.ts";
import { computeWage } from "./computeWage.ts";
import { employmentIdHex, employmentLabel } from "./employments.ts";
import { getPayroll } from "./getPayroll.ts";
import { hire } from "./hire.ts";
import { listOccupations, occupationLabel, resolveOccupation } from "./occupations.ts";
import { submitTimesheet } from "./submitTimesheet.ts";
import { withdraw } from "./withdraw.ts";

/** Options shared by every payroll command. */
type ConnectionOptions = { rpc: string; deployment: string };

export type RegisterPayrollOptions = {
  /** Builds the client (default: `--rpc`, `--deployment` and `CONDUCTOR_PRIVATE_KEY`). */
  makeClient?: (options: ConnectionOptions) => ConductorClient;
  /** Where output goes (default: console.log). */
  print?: (line: string) => void;
};

const ID_HELP = "the employment's full id (0x…, as `conductor payroll` prints it)";
const rsc = (wei: bigint) => `${formatUnits(wei, 18)} RSC`;

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

/** Hours ("7.5") as whole seconds; a typed error for anything else. */
function hoursToSeconds(hours: string): number {
  if (!/^\d+(\.\d+)?$/.test(hours)) throw new ConductorError(`--hours must be a positive number, not "${hours}"`);
  return Math.round(Number(hours) * 3600);
}

/**
 * Adds `conductor payroll …` and `conductor wage …` to `program`:
 * - `payroll [--worker A] [--company A] [--employment ids…]`: accrued, paid, tax and debt per employment;
 * - `payroll hire|clock-in|clock-out|withdraw|timesheet-submit|timesheet-approve`: the actions;
 * - `wage --occupation ID|NAME --productivity P`: the hourly wage by the seed's formula, cross-checked on-chain;
 * - `occupations [--all]`: the wage schedule's occupations by name, with the wage at productivity 0.5.
 * Signing actions use `CONDUCTOR_PRIVATE_KEY` (a company signs as its treasury account).
 */
export function registerPayrollCommands(program: Command, options: RegisterPayrollOptions = {}): void {
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

  const payroll = connection(program.command("payroll"))
    .description("accrued, paid, income tax and debt per employment (RSC)")
    .option("--worker <address>", "only this worker's employments")
    .option("--company <address>", "only this company's employments")
    .option("--employment <ids...>", "only these employment ids")
    .action(async (o: ConnectionOptions & { worker?: string; company?: string; employment?: string[] }) => {
      const rows = await getPayroll(makeClient(o), {
        worker: o.worker,
        company: o.company,
        employmentIds: o.employment,
      });
      if (rows.length === 0) return print("no employments");
      print(["#", "employment id", "worker", "company", "wage/h", "accrued", "paid", "tax", "debt"].join("\t"));
      for (const r of rows) {
        print(
          [
            employmentLabel(r.employmentId),
            employmentIdHex(r.employmentId),
            r.worker,
            r.company,
            rsc(r.hourlyWage),
            rsc(r.accrued),
            rsc(r.paid),
            rsc(r.tax),
            rsc(r.debt),
          ].join("\t"),
        );
      }
    });

  connection(payroll.command("hire"))
    .description("hire a member (signed by the company's treasury account)")
    // `payroll` itself filters by --worker and takes the flag before `hire` sees it: read it from either.
    .option("--worker <address>", "the member to employ (required)")
    .requiredOption("--occupation <id|name>", "occupation id or exact name in the wage schedule")
    .requiredOption("--productivity <fraction>", "0 to 1, within the regional range")
    .addOption(new Option("--mode <mode>", "how hours are recorded").choices([...PayMode]).default("Shift"))
    .action(
      async (
        o: ConnectionOptions & { worker?: string; occupation: string; productivity: string; mode: PayMode },
        cmd: Command,
      ) => {
        const worker = o.worker ?? (cmd.optsWithGlobals() as { worker?: string }).worker;
        if (worker === undefined) throw new ConductorInputError("payroll hire: --worker <address> is required");
        const client = makeClient(o);
        const occupation = resolveOccupation(await listOccupations(client), o.occupation);
        const r = await hire(client, {
          worker,
          occupationId: occupation.occupationId,
          productivity: o.productivity,
          mode: o.mode,
        });
        print(
          `hired as ${occupationLabel(occupation)}: employment ${employmentLabel(r.employmentId)}, id ${employmentIdHex(r.employmentId)} (tx ${r.hash})`,
        );
      },
    );

  for (const [name, action, done] of [
    ["clock-in", clockIn, "clocked in"],
    ["clock-out", clockOut, "clocked out"],
  ] as const) {
    connection(payroll.command(name))
      .description(`${done.replace("clocked", "clock")} (the worker)`)
      .argument("<employmentId>", ID_HELP)
      .action(async (id: string, o: ConnectionOptions) => {
        const r = await action(makeClient(o), { employmentId: id });
        print(`${done}: employment ${id} (tx ${r.hash})`);
      });
  }

  connection(payroll.command("withdraw"))
    .description("be paid what is owed: net wage to you, income tax to the capital pool (the worker)")
    .argument("<employmentId>", ID_HELP)
    .action(async (id: string, o: ConnectionOptions) => {
      const r = await withdraw(makeClient(o), { employmentId: id });
      print(`paid: gross ${rsc(r.gross)}, net ${rsc(r.net)}, tax ${rsc(r.tax)}, still owed ${rsc(r.debt)}`);
    });

  connection(payroll.command("timesheet-submit"))
    .description("submit hours worked (the worker, timesheet mode)")
    .argument("<employmentId>", ID_HELP)
    .requiredOption("--hours <hours>", "hours worked, e.g. 7.5")
    .action(async (id: string, o: ConnectionOptions & { hours: string }) => {
      const r = await submitTimesheet(makeClient(o), { employmentId: id, seconds: hoursToSeconds(o.hours) });
      print(`submitted ${o.hours} h: employment ${id} (tx ${r.hash})`);
    });

  connection(payroll.command("timesheet-approve"))
    .description("approve submitted hours; the rest is rejected (the company)")
    .argument("<employmentId>", ID_HELP)
    .requiredOption("--hours <hours>", "hours approved")
    .action(async (id: string, o: ConnectionOptions & { hours: string }) => {
      const r = await approveTimesheet(makeClient(o), { employmentId: id, seconds: hoursToSeconds(o.hours) });
      print(`approved ${o.hours} h: employment ${id} (tx ${r.hash})`);
    });

  connection(program.command("wage"))
    .description("an occupation's hourly wage by the seed's formula (recomputed here, checked on-chain)")
    .requiredOption("--occupation <id|name>", "occupation id or exact name")
    .requiredOption("--productivity <fraction>", "0 to 1")
    .action(async (o: ConnectionOptions & { occupation: string; productivity: string }) => {
      const client = makeClient(o);
      const occupation = resolveOccupation(await listOccupations(client), o.occupation);
      const w = await computeWage(client, { occupationId: occupation.occupationId, productivity: o.productivity });
      const industry = occupation.industryName
        ? `${occupation.industryName} (#${w.industryId})`
        : `industry #${w.industryId}`;
      print(`${occupationLabel(occupation)}, ${industry}, productivity ${o.productivity}`);
      print(`  starting wage ${rsc(w.startingWage)}/h × index ${formatUnits(w.index, 18)}`);
      print(`  base  ${rsc(w.base)}/h`);
      print(
        `  final ${rsc(w.final)}/h${w.final === w.onChainFinal ? " (matches the contract)" : ` (CONTRACT SAYS ${rsc(w.onChainFinal)})`}`,
      );
    });

  connection(program.command("occupations"))
    .description("the wage schedule's occupations: name, industry, wage of a new hire at productivity 0.5")
    .option("--all", "include retired occupations")
    .action(async (o: ConnectionOptions & { all?: boolean }) => {
      const list = (await listOccupations(makeClient(o))).filter((x) => o.all || !x.retired);
      if (list.length === 0) return print("no occupations");
      print(["occupation", "industry", "wage/h at 0.5", "status"].join("\t"));
      for (const x of list) {
        const industry = x.industryName ? `${x.industryName} (#${x.industryId})` : `#${x.industryId}`;
        print([occupationLabel(x), industry, rsc(x.hourlyWageAtHalf), x.retired ? "retired" : "hiring"].join("\t"));
      }
    });
}
