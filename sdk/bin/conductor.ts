#!/usr/bin/env -S npx tsx
/**
 * `conductor` — the command line of a Conductor region. Each command group lives in
 * sdk/src/<domain>/cli.ts as `registerXCommands(program)`; this file only wires them.
 * The signing key comes from CONDUCTOR_PRIVATE_KEY (never a flag).
 */
import { Command } from "commander";
import { addGlobalOptions } from "../src/cli/context.ts";
import { registerCoreCommands } from "../src/core/cli.ts";
import { registerRegistryCommands } from "../src/core/registryCli.ts";
import { registerReserveCommands } from "../src/core/reserveCli.ts";
import { registerFederationCommands } from "../src/federation/cli.ts";
import { registerNetworkCommands } from "../src/network/cli.ts";
import { registerPayrollCommands } from "../src/payroll/cli.ts";

const program = addGlobalOptions(
  new Command("conductor")
    .description("read and act on a Conductor region (key: CONDUCTOR_PRIVATE_KEY; node: --rpc or CONDUCTOR_RPC_URL)")
    .showHelpAfterError("(run with --help for usage)"),
);

registerCoreCommands(program);
registerReserveCommands(program);
registerRegistryCommands(program);
registerPayrollCommands(program);
registerFederationCommands(program);
registerNetworkCommands(program);

await program.parseAsync(process.argv);
