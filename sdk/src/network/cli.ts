import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { initNetwork } from "./init.ts";
import { decryptNodeKey } from "./keys.ts";
import { NetworkOptionsError } from "./options.ts";

/** The environment variable that holds the passphrase unless `--passphrase-env` names another. */
export const DEFAULT_PASSPHRASE_ENV = "CONDUCTOR_NETWORK_PASSPHRASE";

/** Thrown when the passphrase's environment variable is unset or empty. */
export class PassphraseMissingError extends Error {
  override name = "PassphraseMissingError";
  constructor(readonly variable: string) {
    super(`the passphrase is read from the environment variable ${variable}, which is not set`);
  }
}

function passphraseFrom(variable: string): string {
  const value = process.env[variable];
  if (!value) throw new PassphraseMissingError(variable);
  return value;
}

const exportKeySchema = z
  .object({
    keystore: z.string().min(1, "--keystore must name a keystore file"),
    out: z.string().min(1, "--out must name a file").optional(),
    stdout: z.boolean().default(false),
    passphraseEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "--passphrase-env must be a variable name"),
  })
  .refine((o) => (o.out === undefined) !== !o.stdout, "give exactly one of --out FILE and --stdout");

/**
 * Registers `conductor network …` on `program`:
 * - `network init --validators 4 --chain-id N --out DIR [--block-period 2] [--passphrase-env VAR]`
 *   generates a Besu QBFT network (see {@link initNetwork});
 * - `network export-key --keystore FILE (--out FILE | --stdout) [--passphrase-env VAR]` decrypts a
 *   generated keystore into the hex private key Besu's `--node-private-key-file` reads.
 */
export function registerNetworkCommands(program: Command): Command {
  const network = program.command("network").description("a Besu QBFT network for a region");

  network
    .command("init")
    .description("generate validator keys, a QBFT genesis, node configuration and the operator's guide")
    .requiredOption("--validators <n>", "number of validators (at least 4)")
    .requiredOption("--chain-id <id>", "the region's chain id")
    .requiredOption("--out <dir>", "directory to write (must be empty unless --force)")
    .option("--block-period <seconds>", "seconds between blocks", "2")
    .option("--host <host>", "host in the enode URLs", "127.0.0.1")
    .option("--p2p-port <port>", "first node's p2p port (node N: +N-1)", "30303")
    .option("--rpc-port <port>", "first node's RPC port (node N: +N-1)", "8545")
    .option("--passphrase-env <var>", "environment variable holding the keystore passphrase", DEFAULT_PASSPHRASE_ENV)
    .option("--scrypt-log-n <n>", "log2 of scrypt's N for the keystores", "17")
    .option("--force", "write into a non-empty directory", false)
    .action(async (o) => {
      const result = await initNetwork({
        validators: o.validators,
        chainId: o.chainId,
        out: o.out,
        blockPeriod: o.blockPeriod,
        host: o.host,
        p2pPort: o.p2pPort,
        rpcPort: o.rpcPort,
        passphrase: passphraseFrom(o.passphraseEnv),
        scryptLogN: o.scryptLogN,
        force: o.force,
      });
      console.log(`wrote ${result.files.length} files to ${result.dir}`);
      for (const v of result.validators) console.log(`  ${v.name}  ${v.address}  ${v.enode}`);
      console.log(`  deployer     ${result.deployer}`);
      console.log(`next: read ${result.dir}/README.md`);
    });

  network
    .command("export-key")
    .description("decrypt a generated keystore into the hex private key file Besu reads")
    .requiredOption("--keystore <file>", "keystore.json written by network init")
    .option("--out <file>", "file to write (mode 600)")
    .option("--stdout", "print the key instead of writing a file", false)
    .option("--passphrase-env <var>", "environment variable holding the keystore passphrase", DEFAULT_PASSPHRASE_ENV)
    .action(async (o) => {
      const parsed = exportKeySchema.safeParse(o);
      if (!parsed.success) throw new NetworkOptionsError(parsed.error.issues.map((i) => i.message));
      const { keystore, out, stdout, passphraseEnv } = parsed.data;
      const key = await decryptNodeKey(readFileSync(keystore, "utf8"), passphraseFrom(passphraseEnv), keystore);
      if (stdout) console.log(key.privateKey);
      else {
        writeFileSync(out!, `${key.privateKey}\n`, { mode: 0o600 });
        console.log(`wrote the key of ${key.address} to ${out}`);
      }
    });

  return network;
}
