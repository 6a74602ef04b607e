import type { Command } from "commander";
import { clientFor } from "../cli/context.ts";
import { action } from "../cli/output.ts";
import { accountLines } from "./cli.ts";
import { getAccount } from "./getAccount.ts";
import { onboardMember } from "./onboardMember.ts";
import { recoverMember } from "./recoverMember.ts";
import { type RegisterCompanyParameters, registerCompany } from "./registerCompany.ts";
import { restoreAccount } from "./restoreAccount.ts";
import { suspendAccount } from "./suspendAccount.ts";

/** `registry onboard|register-company|suspend|restore|recover|member`. */
export function registerRegistryCommands(program: Command): void {
  const registry = program.command("registry").description("who belongs to the region (registrar commands)");

  registry
    .command("onboard <address>")
    .description("registrar: make <address> a member (Person)")
    .action(
      action(async (command, address: string) => {
        const r = await onboardMember(await clientFor(command), { member: address });
        return { data: r, text: `onboarded ${r.member} as member #${r.memberId} (tx ${r.hash})` };
      }),
    );

  registry
    .command("register-company <treasury>")
    .description("registrar: register a company whose account is its treasury (a Safe)")
    .requiredOption("--name <name>", "the company's name")
    .requiredOption("--industry <id>", "industry id in the wage schedule")
    .option("--kind <kind>", "Company, RegionalCompany or ExternalCompany", "Company")
    .action(
      action(async (command, treasury: string, opts: { name: string; industry: string; kind: string }) => {
        const r = await registerCompany(await clientFor(command), {
          treasury,
          name: opts.name,
          industryId: opts.industry,
          kind: opts.kind as RegisterCompanyParameters["kind"],
        });
        return { data: r, text: `registered ${opts.name} (${opts.kind}) at ${r.treasury} (tx ${r.hash})` };
      }),
    );

  registry
    .command("suspend <address>")
    .description("registrar: suspend an account (no sending, no receiving, no vote)")
    .requiredOption("--reason <text>", "why (public, in the event)")
    .action(
      action(async (command, address: string, opts: { reason: string }) => {
        const r = await suspendAccount(await clientFor(command), { account: address, reason: opts.reason });
        return { data: r, text: `suspended ${r.account} (tx ${r.hash})` };
      }),
    );

  registry
    .command("restore <address>")
    .description("registrar: lift a suspension")
    .action(
      action(async (command, address: string) => {
        const r = await restoreAccount(await clientFor(command), { account: address });
        return { data: r, text: `restored ${r.account} (tx ${r.hash})` };
      }),
    );

  registry
    .command("recover <lost> <to>")
    .description("registrar: move a member who lost her key to a new address (balance, id and vote kept)")
    .action(
      action(async (command, lost: string, to: string) => {
        const r = await recoverMember(await clientFor(command), { lost, to });
        return { data: r, text: `recovered member ${r.lost} onto ${r.to} (tx ${r.hash})` };
      }),
    );

  registry
    .command("member <address>")
    .description("what the registry knows about an address")
    .action(
      action(async (command, address: string) => {
        const a = await getAccount(await clientFor(command), { address });
        return { data: a, text: accountLines(a) };
      }),
    );
}
