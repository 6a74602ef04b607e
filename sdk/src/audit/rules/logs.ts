import { type Hex, toEventSelector } from "viem";
import type { AuditEvent, EventOf } from "../types.ts";

/**
 * Fixed-offset readers for the logs of domain contracts (payroll, wage schedule, profit at rest),
 * which reach rules as `Other` events: every field the rules read is one static 32-byte word, so a
 * log is read by slicing its hex, with no generic ABI decoding.
 */
export type OtherEvent = EventOf<"Other">;

/** Word `i` of the data as a bigint. */
export const dataWord = (ev: OtherEvent, i: number): bigint => BigInt(`0x${ev.data.slice(2 + i * 64, 66 + i * 64)}`);

/** Topic `i` as a bigint (an indexed integer). */
export const topicWord = (ev: OtherEvent, i: number): bigint => BigInt(ev.topics[i]);

/** Topic `i` as a lower-case address. */
export const topicAddress = (ev: OtherEvent, i: number): string => `0x${ev.topics[i].slice(26)}`.toLowerCase();

/** topic0 of each signature, by a short name. */
export function selectors<T extends Record<string, string>>(signatures: T): { [K in keyof T]: Hex } {
  return Object.fromEntries(Object.entries(signatures).map(([k, s]) => [k, toEventSelector(s)])) as {
    [K in keyof T]: Hex;
  };
}

/** The event as an `Other` log of `address` with topic0 `topic`, else undefined. */
export function otherOf(ev: AuditEvent, address: string | undefined, topic: Hex): OtherEvent | undefined {
  return ev.type === "Other" && ev.address === address && ev.topics[0] === topic ? ev : undefined;
}

/** The larger of two bigints (Math.max does not take them). */
export const maxOf = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** The smaller of two bigints. */
export const minOf = (a: bigint, b: bigint): bigint => (a < b ? a : b);
