import { ConductorError, ConductorInputError } from "../errors.ts";
import type { Param } from "../generated/enums.ts";

/** A proposed value lies outside its parameter's bounds (checked on-chain); nothing was sent. */
export class ParameterOutOfBoundsError extends ConductorInputError {
  override name = "ParameterOutOfBoundsError";
  constructor(
    readonly param: Param,
    readonly value: bigint,
    readonly min: bigint,
    readonly max: bigint,
  ) {
    super(`${param} = ${value} is outside its bounds [${min}, ${max}]`, [
      { path: param, message: `outside [${min}, ${max}]` },
    ]);
  }
}

/** No proposal with this id was made on the region's governor. */
export class ProposalNotFoundError extends ConductorError {
  override name = "ProposalNotFoundError";
  constructor(readonly proposalId: bigint) {
    super(`no proposal ${proposalId} on this region's governor`);
  }
}
