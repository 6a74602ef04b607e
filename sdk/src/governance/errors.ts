import { BaseError, ContractFunctionRevertedError, decodeErrorResult } from "viem";
import type { Param } from "../generated/enums.ts";
import { governorCallAbi } from "./types.ts";

/** Base class of every error the governance actions throw on purpose. */
export class GovernanceError extends Error {
  override name = "GovernanceError";
}

/** Untrusted input (CLI flag, form field) failed validation; nothing was sent. */
export class GovernanceInputError extends GovernanceError {
  override name = "GovernanceInputError";
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** A proposed value lies outside its parameter's bounds; nothing was sent. */
export class ParameterOutOfBoundsError extends GovernanceError {
  override name = "ParameterOutOfBoundsError";
  constructor(
    readonly param: Param,
    readonly value: bigint,
    readonly min: bigint,
    readonly max: bigint,
  ) {
    super(`${param} = ${value} is outside its bounds [${min}, ${max}]`);
  }
}

/** No proposal with this id was created on this governor. */
export class ProposalNotFoundError extends GovernanceError {
  override name = "ProposalNotFoundError";
  constructor(readonly proposalId: bigint) {
    super(`no proposal ${proposalId} on this governor`);
  }
}

/** A governance contract refused the call with one of its custom errors; `args` carries the values. */
export class GovernanceContractError extends GovernanceError {
  override name = "GovernanceContractError";
  constructor(
    readonly errorName: string,
    readonly args: readonly unknown[],
  ) {
    super(`${errorName}(${args.map(String).join(", ")})`);
  }
}

/**
 * Turns a viem revert into a {@link GovernanceContractError} when it carries a custom error of the
 * governor or of a contract it calls (parameters, timelock); any other error is returned as is.
 */
export function asGovernanceError(error: unknown): unknown {
  if (!(error instanceof BaseError)) return error;
  const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (!(revert instanceof ContractFunctionRevertedError)) return error;
  if (revert.data?.errorName) return new GovernanceContractError(revert.data.errorName, revert.data.args ?? []);
  if (revert.raw) {
    try {
      const decoded = decodeErrorResult({ abi: governorCallAbi, data: revert.raw });
      return new GovernanceContractError(decoded.errorName, decoded.args ?? []);
    } catch {
      return error;
    }
  }
  return error;
}
