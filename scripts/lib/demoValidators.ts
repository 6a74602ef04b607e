import { privateKeyToAccount } from "viem/accounts";

/**
 * The local federation demo's three validators (2-of-3). Keys are derived from fixed strings and
 * exist only for local chains: never use them anywhere else.
 */
export const DEMO_VALIDATOR_KEYS = [
  "0x1000000000000000000000000000000000000000000000000000000000000001",
  "0x1000000000000000000000000000000000000000000000000000000000000002",
  "0x1000000000000000000000000000000000000000000000000000000000000003",
] as const;

export const demoValidators = DEMO_VALIDATOR_KEYS.map((k) => privateKeyToAccount(k));
