#!/usr/bin/env -S npx tsx
/**
 * `conductor` — the command line of a Conductor region. Each command group lives in
 * sdk/src/<domain>/cli.ts as `registerXCommands(program)`; this file only wires them.
 * The signing key comes from CONDUCTOR_PRIVATE_KEY (never a flag).
 */
import { Command } from "commander";
import { registerAuditCommands } from "../src/audit/cli.ts";
import { addGlobalOptions } from "../src/cli/context.ts";
import { registerCoreCommands } from "../src/core/cli.ts";
import { registerRegistryCommands } from "../src/core/registryCli.ts";
import { registerReserveCommands } from "../src/core/reserveCli.ts";
import { registerFederationCommands } from "../src/federation/cli.ts";
import { registerGovernanceCommands } from "../src/governance/cli.ts";
import { registerMarketplaceCommands } from "../src/marketplace/cli.ts";
import { registerNetworkCommands } from "../src/network/cli.ts";
import { registerPayrollCommands } from "../src/payroll/cli.ts";
import { registerServicesCommands } from "../src/services/cli.ts";
import { registerCompanyCommands } from "../src/treasury/cli.ts";

const program = addGlobalOptions(
  new Command("conductor")
    .description("read and act on a Conductor region (key: CONDUCTOR_PRIVATE_KEY; node: --rpc or CONDUCTOR_RPC_URL)")
    .showHelpAfterError("(run with --help for usage)"),
);

registerCoreCommands(program);
registerReserveCommands(program);
registerRegistryCommands(program);
registerGovernanceCommands(program);
registerPayrollCommands(program);
registerMarketplaceCommands(program);
registerCompanyCommands(program);
registerServicesCommands(program);
registerFederationCommands(program);
registerAuditCommands(program);
registerNetworkCommands(program);

await program.parseAsync(process.argv);
