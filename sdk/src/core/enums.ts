import { Action, Kind } from "../generated/enums.ts";

export { Action, Kind };

/** The numeric value of an action, as the contracts encode it. */
export function actionId(action: Action): number {
  return Action.indexOf(action);
}

/** The numeric value of a kind, as the contracts encode it. */
export function kindId(kind: Kind): number {
  return Kind.indexOf(kind);
}

/** The permission mask of a module that may perform `actions` (bit `actionId(a)` each). */
export function actionMask(actions: readonly Action[]): bigint {
  return actions.reduce((mask, action) => mask | (1n << BigInt(actionId(action))), 0n);
}
