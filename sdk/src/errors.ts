import { BaseError, ContractFunctionRevertedError, decodeErrorResult, formatUnits, type Hex } from "viem";
import type { ZodError } from "zod";
import * as abis from "./generated/abis.ts";
import { Action, Kind, RedemptionStatus } from "./generated/enums.ts";

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

/**
 * The SDK refused to send because the chain would refuse it (a rule, not a typo): e.g. paying a
 * company directly. `code` names the rule, `values` carries what was checked; nothing was sent.
 */
export class ConductorPreflightError extends ConductorInputError {
  override name = "ConductorPreflightError";
  constructor(
    readonly code: string,
    readonly values: Readonly<Record<string, unknown>>,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A value does not fit a compact call encoding (e.g. a packed purchase's 40-bit listing id), or
 * data is not that encoding. `code` names the check, `values` carries what was checked; nothing
 * was sent.
 */
export class ConductorEncodingError extends ConductorInputError {
  override name = "ConductorEncodingError";
  constructor(
    readonly code: string,
    readonly values: Readonly<Record<string, unknown>>,
    message: string,
  ) {
    super(message);
  }
}

/** A transaction was mined but reverted, or the node answered something the SDK cannot use. */
export class ConductorTransactionError extends ConductorError {
  override name = "ConductorTransactionError";
  constructor(
    message: string,
    readonly hash?: Hex,
  ) {
    super(message);
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
const an = (word: string) => (/^[AEIOU]/.test(word) ? `an ${word}` : `a ${word}`);
const action = (v: unknown) => Action[Number(v)] ?? `action #${v}`;
const rsc = (v: unknown) => `${formatUnits(BigInt(v as bigint), 18)} RSC`;
const time = (v: unknown) => new Date(Number(v) * 1000).toISOString();

/** Plain-words explanations of the errors people meet; every other error prints as `Name(args)`. */
const EXPLAIN: Record<string, (a: readonly unknown[]) => string> = {
  RSCActionNotAllowed: ([act, from, to]) =>
    Number(act) === 0
      ? `a direct transfer from ${an(kind(from))} to ${an(kind(to))} is not allowed: RSC moves directly only between persons; pay a company through a purchase`
      : `${action(act)} from ${an(kind(from))} to ${an(kind(to))} is not allowed by the region's transfer rule`,
  RSCAccountSuspended: ([account]) => `account ${account} is suspended: it can neither send nor receive RSC`,
  RSCNotRegistered: ([account]) => `${account} is not registered in this region`,
  RSCAlreadyRegistered: ([account, k]) => `${account} is already registered as ${an(kind(k))}`,
  RSCActionPaused: ([act, until]) => `${action(act)} is paused until ${time(until)}`,
  RSCPermitExpired: ([deadline]) => `the permit expired at ${time(deadline)}`,
  RSCInvalidPermitSigner: ([signer, owner]) => `the permit was signed by ${signer}, not by the owner ${owner}`,
  ERC20InsufficientBalance: ([account, balance, needed]) =>
    `insufficient balance: ${account} holds ${rsc(balance)}, needs ${rsc(needed)}`,
  ERC20InsufficientAllowance: ([spender, allowance, needed]) =>
    `insufficient allowance: ${spender} may spend ${rsc(allowance)}, needs ${rsc(needed)}`,
  CapitalPoolUbiAlreadyClaimed: ([id, next]) =>
    `member #${id} already claimed this period's UBI; next claim at ${time(next)}`,
  CapitalPoolInsufficientFunds: ([requested, available]) =>
    `the capital pool holds ${rsc(available)}, less than the ${rsc(requested)} requested`,
  CapitalPoolNotAMember: ([account]) => `${account} is not an active member of this region`,
  CapitalPoolUbiDisabled: () => "the region pays no UBI (the UBI amount is zero)",
  ReserveInsufficientBacking: ([after, backing]) =>
    `minting would take the supply to ${rsc(after)}, past the attested reserves' backing of ${rsc(backing)}`,
  ReserveDepositAlreadyAttested: ([ref]) => `deposit ${ref} was already attested`,
  ReserveFutureAttestation: ([asOf]) => `an attestation cannot be dated in the future (${time(asOf)})`,
  ReserveZeroAmount: () => "the amount must be more than zero",
  ReserveRedemptionNotPending: ([id, status]) =>
    `redemption #${id} is not pending (status: ${RedemptionStatus[Number(status)] ?? status})`,
  RegistryNotAMember: ([account]) => `${account} is not a member`,
  RegistryNotACompanyKind: ([k]) => `${kind(k)} is not a company kind (Company, RegionalCompany, ExternalCompany)`,
  RegistryTreasuryNotContract: ([treasury]) =>
    `${treasury} has no code: a company's treasury must be a contract (a Safe), unless it is an ExternalCompany`,
  RegistrySuspensionUnchanged: ([account, suspended]) =>
    `${account} is ${suspended ? "already suspended" : "not suspended"}`,
  AccessControlUnauthorizedAccount: ([account, role]) => `${account} lacks the role ${role} this action needs`,
  MarketplacePackedLength: ([length]) =>
    `a packed purchase is exactly 32 bytes (selector, listing id, quantity, maximum); this call has ${length}`,
  RegionParametersOutOfBounds: ([param, value, min, max]) =>
    `parameter #${param} = ${value} is outside its bounds [${min}, ${max}]`,
};

/** Safe 1.4.1 reverts with short codes; the ones a custodian meets. */
const SAFE_CODES: Record<string, string> = {
  GS013: "the Safe transaction failed: the call it makes reverted",
  GS020: "not enough signatures for the Safe's threshold",
  GS025: "an owner has not approved this Safe transaction hash",
  GS026: "a signature is not from a Safe owner, or signatures are not sorted by owner",
  GS030: "only Safe owners can approve a transaction hash",
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
      if (revert.reason && SAFE_CODES[revert.reason]) {
        return new ConductorContractError(
          "SafeError",
          [revert.reason],
          `${SAFE_CODES[revert.reason]} (${revert.reason})`,
        );
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
