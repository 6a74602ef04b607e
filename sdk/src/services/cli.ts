import { existsSync } from "node:fs";
import { type Command, Option } from "commander";
import { formatUnits } from "viem";
import { defaultDeploymentFile } from "../cli/context.ts";
import { type ConductorClient, createConductorClient } from "../client.ts";
import { readDeployment } from "../deployment.ts";
import { ConductorError } from "../errors.ts";
import { applyToProgramme } from "./applyToProgramme.ts";
import { booksToCsv, booksToJson, getBooks } from "./books.ts";
import { bookWages } from "./bookWages.ts";
import { getBuildingRents } from "./buildingRents.ts";
import { joinWaitList, UNIT_TYPES, type UnitTypeName } from "./joinWaitList.ts";
import { payRent } from "./payRent.ts";
import { payTuition } from "./payTuition.ts";
import { payVisit } from "./payVisit.ts";

/** Options shared by every services command. */
type ConnectionOptions = { rpc: string; deployment: string };

export type RegisterServicesOptions = {
  /** Builds the client (default: `--rpc`, `--deployment` and `CONDUCTOR_PRIVATE_KEY`). */
  makeClient?: (options: ConnectionOptions) => ConductorClient;
  /** Where output goes (default: console.log). */
  print?: (line: string) => void;
};

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

/**
 * Adds the regionally-operated services' commands to `program`:
 * - `books <company> --period YYYY-MM [--format csv|json]`: income statement and cash flow of a
 *   company for a month, from chain data alone, reconciled to its balance change;
 * - `housing wait <buildingId> <unitType>`, `housing pay-rent <unitId>`;
 * - `housing rents <buildingId>`: this month's rents and the last closed month's costs they derive from;
 * - `housing book-wages <buildingId>`: book the maintenance wages Payroll paid (anyone, e.g. a keeper);
 * - `education apply <programmeId>`, `education pay <programmeId>`;
 * - `health pay <visitId>`.
 * Signing commands use `CONDUCTOR_PRIVATE_KEY`.
 */
export function registerServicesCommands(program: Command, options: RegisterServicesOptions = {}): void {
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

  connection(program.command("books"))
    .description("a company's income statement and cash flow for a month, from the chain alone")
    .argument("<company>", "the company's treasury address")
    .requiredOption("--period <YYYY-MM>", "the month (UTC)")
    .addOption(new Option("--format <format>", "output format").choices(["csv", "json"]).default("csv"))
    .action(async (company: string, o: ConnectionOptions & { period: string; format: "csv" | "json" }) => {
      const books = await getBooks(makeClient(o), { company, period: o.period });
      print(o.format === "json" ? booksToJson(books) : booksToCsv(books));
    });

  const housing = program.command("housing").description("regional at-cost housing");
  connection(housing.command("wait"))
    .description("join a building's wait-list for a unit type (a member)")
    .argument("<buildingId>")
    .argument("<unitType>", UNIT_TYPES.join(" | "))
    .action(async (buildingId: string, unitType: string, o: ConnectionOptions) => {
      if (!(UNIT_TYPES as readonly string[]).includes(unitType)) {
        throw new ConductorError(`unit type is one of ${UNIT_TYPES.join(", ")}, not "${unitType}"`);
      }
      const r = await joinWaitList(makeClient(o), { buildingId, unitType: unitType as UnitTypeName });
      print(`waiting for a ${unitType} in building ${buildingId} (tx ${r.hash})`);
    });
  connection(housing.command("pay-rent"))
    .description("pay this month's rent (the tenant)")
    .argument("<unitId>")
    .action(async (unitId: string, o: ConnectionOptions) => {
      const r = await payRent(makeClient(o), { unitId });
      print(`rent paid for unit ${unitId}: ${rsc(r.amount)} (tx ${r.hash})`);
    });

  connection(housing.command("rents"))
    .description("this month's rents of a building and the costs of last month they derive from")
    .argument("<buildingId>")
    .action(async (buildingId: string, o: ConnectionOptions) => {
      const r = await getBuildingRents(makeClient(o), { buildingId });
      print(`${r.name} (${r.totalArea} m²): costs of the last closed month ${rsc(r.totalCosts)}`);
      for (const c of r.costs) print(`  ${c.category}: ${rsc(c.amount)}`);
      for (const u of r.units) {
        const status = u.tenant === "0x0000000000000000000000000000000000000000" ? "vacant" : u.tenant;
        print(
          `  unit ${u.unitId} ${u.unitType} ${u.area} m²${u.marketRate ? " (market rate)" : ""}: ${rsc(u.rent)} — ${status}`,
        );
      }
    });
  connection(housing.command("book-wages"))
    .description("book the wages Payroll paid to a building's maintenance staff (anyone)")
    .argument("<buildingId>")
    .action(async (buildingId: string, o: ConnectionOptions) => {
      const r = await bookWages(makeClient(o), { buildingId });
      print(`booked ${rsc(r.booked)} of maintenance wages for building ${buildingId} (tx ${r.hash})`);
    });

  const education = program.command("education").description("regional schools, colleges and trade schools");
  connection(education.command("apply"))
    .description("join a programme's wait-list (a member)")
    .argument("<programmeId>")
    .action(async (programmeId: string, o: ConnectionOptions) => {
      const r = await applyToProgramme(makeClient(o), { programmeId });
      print(`applied to programme ${programmeId}${r.priority ? " (priority class)" : ""} (tx ${r.hash})`);
    });
  connection(education.command("pay"))
    .description("pay this month's period of an enrolment (the student)")
    .argument("<programmeId>")
    .action(async (programmeId: string, o: ConnectionOptions) => {
      const r = await payTuition(makeClient(o), { programmeId });
      print(`paid ${rsc(r.studentShare)}; the capital pool paid ${rsc(r.subsidy)} (tx ${r.hash})`);
    });

  const health = program.command("health").description("regional hospitals");
  connection(health.command("pay"))
    .description("pay a recorded visit (the patient)")
    .argument("<visitId>")
    .action(async (visitId: string, o: ConnectionOptions) => {
      const r = await payVisit(makeClient(o), { visitId });
      print(`paid ${rsc(r.patientShare)}; the capital pool paid ${rsc(r.subsidy)} (tx ${r.hash})`);
    });
}
