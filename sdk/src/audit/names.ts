import { Action, Kind, Param } from "../generated/enums.ts";

/** Readable names for report text. */
export const actionName = (a: number): string => Action[a] ?? `action #${a}`;
export const kindName = (k: number): string => Kind[k] ?? `kind #${k}`;
export const paramName = (p: number): string => Param[p] ?? `param #${p}`;

/** A movement in words: "Purchase 5 wei 0xab…→0xcd…". */
export function movement(action: string, from: string, to: string, amount: bigint): string {
  return `${action} ${amount} wei ${from}→${to}`;
}
