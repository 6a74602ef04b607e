import { z } from "zod";

/** The options of `conductor network init`, as validated from the command line. */
export const networkInitOptionsSchema = z
  .object({
    validators: z.coerce
      .number({ invalid_type_error: "--validators must be a number" })
      .int("--validators must be a whole number")
      .min(4, "--validators must be at least 4 (QBFT tolerates f faults with 3f+1 validators)")
      .max(30, "--validators must be at most 30"),
    chainId: z.coerce
      .number({ invalid_type_error: "--chain-id must be a number" })
      .int("--chain-id must be a whole number")
      .min(1, "--chain-id must be positive")
      .max(2 ** 32 - 1, "--chain-id must fit in 32 bits")
      .refine((n) => n !== 1 && n !== 31337, "--chain-id must not be Ethereum mainnet (1) or the dev chain (31337)"),
    out: z.string().min(1, "--out must name a directory"),
    blockPeriod: z.coerce
      .number({ invalid_type_error: "--block-period must be a number" })
      .int("--block-period must be whole seconds")
      .min(1, "--block-period must be at least 1 second")
      .max(60, "--block-period must be at most 60 seconds")
      .default(2),
    host: z
      .string()
      .regex(/^[A-Za-z0-9.-]+$/, "--host must be an IP address or host name")
      .default("127.0.0.1"),
    p2pPort: z.coerce.number().int().min(1024, "--p2p-port must be ≥ 1024").max(65000).default(30303),
    rpcPort: z.coerce.number().int().min(1024, "--rpc-port must be ≥ 1024").max(65000).default(8545),
    passphrase: z.string().min(12, "the passphrase must be at least 12 characters"),
    scryptLogN: z.coerce
      .number()
      .int()
      .min(14, "--scrypt-log-n must be at least 14")
      .max(20, "--scrypt-log-n must be at most 20")
      .default(17),
    force: z.boolean().default(false),
  })
  .strict();

export type NetworkInitOptions = z.input<typeof networkInitOptionsSchema>;
export type ResolvedNetworkInitOptions = z.output<typeof networkInitOptionsSchema>;

/** Thrown when the options of a network command are invalid; `issues` lists every problem. */
export class NetworkOptionsError extends Error {
  override name = "NetworkOptionsError";
  constructor(readonly issues: string[]) {
    super(`invalid options:\n  - ${issues.join("\n  - ")}`);
  }
}

/** Validates `input`, throwing a {@link NetworkOptionsError} that lists every problem. */
export function parseNetworkInitOptions(input: NetworkInitOptions): ResolvedNetworkInitOptions {
  const result = networkInitOptionsSchema.safeParse(input);
  if (!result.success) throw new NetworkOptionsError(result.error.issues.map((i) => i.message));
  return result.data;
}
