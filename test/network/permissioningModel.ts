import type { Verdict } from "../../sdk/src/generated/enums.ts";

/** What the reference model knows about an address. */
export type ModelAccount = { kind: number; suspended: boolean };

/** The state the Permissioning contract answers from, as plain data. */
export type ModelState = {
  accounts: Map<string, ModelAccount>;
  deployers: Set<string>;
  operators: Set<string>;
  conductorContracts: Set<string>;
};

const ZERO = "0x0000000000000000000000000000000000000000";

/**
 * The reference model of {IPermissioning-transactionAllowedReason}, written from the rules in the
 * interface's NatSpec (not from the implementation). Addresses are lower case.
 */
export function referenceVerdict(s: ModelState, sender: string, target: string): Verdict {
  if (s.deployers.has(sender)) return "Allowed";
  if (target === ZERO) return "CreationReservedToDeployers";
  const from = s.accounts.get(sender) ?? { kind: 0, suspended: false };
  if (from.suspended) return "SenderSuspended";
  if (from.kind === 0 && !s.operators.has(sender)) return "SenderNotRegistered";
  if (s.conductorContracts.has(target)) return "Allowed";
  const to = s.accounts.get(target) ?? { kind: 0, suspended: false };
  if (to.kind === 0) return "TargetNotAllowed";
  if (to.suspended) return "TargetSuspended";
  return "Allowed";
}

/** A small deterministic PRNG (mulberry32) so that a failing seed can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
