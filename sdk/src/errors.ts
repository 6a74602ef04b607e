import { BaseError, ContractFunctionRevertedError, decodeErrorResult, type Hex } from "viem";
import type { ZodError } from "zod";
import * as abis from "./generated/abis.ts";
import { Action, Kind } from "./generated/enums.ts";

/** Every custom error of every Conductor contract, for decoding reverts. */
export const conductorErrorsAbi = (() => {
  const seen = new Set<string>();
  const errors: { type: "error"; name: string; inputs: readonly unknown[] }[] = [];
  for (const abi of Object.values(abis)) {
    for (const item of abi as readonly { type: string; name?: string; inputs?: readonly { type: string }[] }[]) {
      if (item.type !== "error" || !item.name) continue;
      const signature = `${item.name}(${(item.inputs ?? []).map((i) => i.type).join(",")})`;
      if (seen.has(signature)) continue;
      seen.add(signature);
      errors.push(item as (typeof errors)[number]);
    }
  }
  return errors;
})();

/** Base class of every error the SDK throws on purpose. */
export class ConductorError extends Error {
  override name = "ConductorError";
}

/** Untrusted input (CLI flag, form field, JSON) failed validation; nothing was sent. */
export class ConductorInputError extends ConductorError {
  override name = "ConductorInputError";
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
  }

  static fromZod(error: ZodError, what = "input"): ConductorInputError {
    const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const text = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    return new ConductorInputError(`invalid ${what}: ${text}`, issues);
  }
}

/** A Conductor contract refused the call with one of its custom errors; `args` carries the values. */
export class ConductorContractError extends ConductorError {
  override name = "ConductorContractError";
  constructor(
    readonly errorName: string,
    readonly args: readonly unknown[],
    message: string,
  ) {
    super(message);
  }
}

const kind = (v: unknown) => Kind[Number(v)] ?? `kind #${v}`;
const action = (v: unknown) => Action[Number(v)] ?? `action #${v}`;

/** Plain-words explanations of the errors people meet most. */
const EXPLAIN: Record<string, (a: readonly unknown[]) => string> = {
  RSCActionNotAllowed: ([act, from, to]) =>
    Number(act) === 0
      ? `a direct transfer from a ${kind(from)} to a ${kind(to)} is not allowed: RSC moves directly only between persons; pay a company through a purchase`
      : `${action(act)} from a ${kind(from)} to a ${kind(to)} is not allowed by the region's transfer rule`,
  RSCAccountSuspended: ([account]) => `account ${account} is suspended: it can neither send nor receive RSC`,
  ERC20InsufficientBalance: ([account, balance, needed]) =>
    `insufficient balance: ${account} holds ${balance} wei, needs ${needed} wei`,
  CapitalPoolUbiAlreadyClaimed: ([id, next]) =>
    `member #${id} already claimed this period's UBI; next claim at ${new Date(Number(next) * 1000).toISOString()}`,
  CapitalPoolInsufficientFunds: ([requested, available]) =>
    `the capital pool holds ${available} wei, less than the ${requested} wei requested`,
  CapitalPoolNotAMember: ([account]) => `${account} is not an active member of this region`,
  ReserveInsufficientBacking: ([after, backing]) =>
    `minting would take the supply to ${after} wei, past the attested reserves' backing of ${backing} wei`,
  AccessControlUnauthorizedAccount: ([account, role]) => `${account} lacks the role ${role} this action needs`,
  RegionParametersOutOfBounds: ([param, value, min, max]) =>
    `parameter #${param} = ${value} is outside its bounds [${min}, ${max}]`,
};

function describe(errorName: string, args: readonly unknown[]): string {
  const explain = EXPLAIN[errorName];
  if (explain) return explain(args);
  return `${errorName}(${args.map(String).join(", ")})`;
}

/** Decodes revert data of any Conductor contract into a {@link ConductorContractError}. */
export function decodeRevertData(data: Hex): ConductorContractError | undefined {
  try {
    const decoded = decodeErrorResult({ abi: conductorErrorsAbi as never, data });
    const args = (decoded.args ?? []) as readonly unknown[];
    return new ConductorContractError(decoded.errorName, args, describe(decoded.errorName, args));
  } catch {
    return undefined;
  }
}

/**
 * Turns whatever a viem call threw into a typed Conductor error when it is a known revert;
 * returns other errors unchanged.
 */
export function toConductorError(error: unknown): unknown {
  if (error instanceof ConductorError) return error;
  if (error instanceof BaseError) {
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError) {
      if (revert.data?.errorName) {
        const args = (revert.data.args ?? []) as readonly unknown[];
        return new ConductorContractError(revert.data.errorName, args, describe(revert.data.errorName, args));
      }
      if (revert.raw) return decodeRevertData(revert.raw) ?? error;
    }
    const withData = error.walk((e) => typeof (e as { data?: unknown }).data === "string") as
      | { data?: Hex }
      | undefined;
    if (withData?.data?.startsWith("0x") && withData.data.length >= 10) {
      return decodeRevertData(withData.data) ?? error;
    }
  }
  return error;
}
