import { type Hex, toEventSelector } from "viem";
import type { AuditEvent, LogPosition } from "./types.ts";

/** The events the auditor reads, by their canonical signature (checked against the generated ABIs in the tests). */
export const AUDITED_EVENTS = {
  Transfer: "Transfer(address,address,uint256)",
  ActionPerformed: "ActionPerformed(uint8,address,address,uint256,bytes32)",
  AccountRegistered: "AccountRegistered(address,uint8,uint56)",
  AccountSuspensionChanged: "AccountSuspensionChanged(address,bool)",
  AccountRecovered: "AccountRecovered(address,address,uint256)",
  ParameterChanged: "ParameterChanged(uint8,uint256,uint256)",
  ReservesAttested: "ReservesAttested(uint256,uint48,bytes32)",
  DepositAttested: "DepositAttested(bytes32,address,uint256,uint256)",
  RedemptionRequested: "RedemptionRequested(uint256,address,uint256,uint256)",
  RedemptionPaid: "RedemptionPaid(uint256,bytes32)",
  RedemptionRefunded: "RedemptionRefunded(uint256,string)",
  UbiClaimed: "UbiClaimed(address,uint56,uint256,uint48)",
} as const;

export type AuditedEventName = keyof typeof AUDITED_EVENTS;

/** topic0 of every audited event. */
export const TOPICS: Record<AuditedEventName, Hex> = Object.fromEntries(
  Object.entries(AUDITED_EVENTS).map(([name, signature]) => [name, toEventSelector(signature)]),
) as Record<AuditedEventName, Hex>;

const NAME_OF_TOPIC = new Map<string, AuditedEventName>(
  Object.entries(TOPICS).map(([name, topic]) => [topic, name as AuditedEventName]),
);

/** A log as JSON-RPC returns it (hex quantities). */
export interface RpcLog {
  address: Hex;
  topics: readonly Hex[];
  data: Hex;
  blockNumber: Hex;
  transactionHash: Hex;
  logIndex: Hex;
  removed?: boolean;
  /** Block time, hex seconds: returned by recent nodes (geth ≥ 1.16, reth), saving a block request. */
  blockTimestamp?: Hex;
}

/** Which contract may emit which event: a log with a known topic from any other address is not trusted. */
export type Emitters = ReadonlyMap<AuditedEventName, ReadonlySet<string>>;

// Fast fixed-offset ABI decoding: every audited field is a static 32-byte word.
const word = (data: string, i: number): bigint => BigInt(`0x${data.slice(2 + i * 64, 66 + i * 64)}`);
const topicAddress = (topic: string): string => `0x${topic.slice(26)}`.toLowerCase();
const topicUint = (topic: string): bigint => BigInt(topic);

/**
 * Decodes one RPC log. Logs with an audited topic from an address that is not its trusted emitter,
 * and logs of other contracts, come back as `Other` (plug-in rules may read them).
 */
export function decodeLog(log: RpcLog, emitters: Emitters): AuditEvent {
  const address = log.address.toLowerCase();
  const blockNumber = Number(log.blockNumber);
  const txHash = log.transactionHash;
  const logIndex = Number(log.logIndex);
  const t = log.topics;
  const d = log.data;
  const name = t[0] === undefined ? undefined : NAME_OF_TOPIC.get(t[0]);
  if (name === undefined || !emitters.get(name)?.has(address))
    return { blockNumber, txHash, logIndex, address, type: "Other", topics: t, data: d };
  // The two hot events first, built without intermediate objects.
  if (name === "Transfer")
    return {
      blockNumber,
      txHash,
      logIndex,
      address,
      type: name,
      from: topicAddress(t[1]),
      to: topicAddress(t[2]),
      amount: word(d, 0),
    };
  if (name === "ActionPerformed")
    return {
      blockNumber,
      txHash,
      logIndex,
      address,
      type: name,
      action: Number(topicUint(t[1])),
      from: topicAddress(t[2]),
      to: topicAddress(t[3]),
      amount: word(d, 0),
      ref: `0x${d.slice(66, 130)}` as Hex,
    };
  const pos: LogPosition = { blockNumber, txHash, logIndex, address };
  switch (name) {
    case "AccountRegistered":
      return { ...pos, type: name, account: topicAddress(t[1]), kind: Number(word(d, 0)), tag: word(d, 1) };
    case "AccountSuspensionChanged":
      return { ...pos, type: name, account: topicAddress(t[1]), suspended: word(d, 0) !== 0n };
    case "AccountRecovered":
      return { ...pos, type: name, from: topicAddress(t[1]), to: topicAddress(t[2]), balance: word(d, 0) };
    case "ParameterChanged":
      return { ...pos, type: name, param: Number(topicUint(t[1])), oldValue: word(d, 0), newValue: word(d, 1) };
    case "ReservesAttested":
      return { ...pos, type: name, usdReserves: word(d, 0), asOf: word(d, 1) };
    case "DepositAttested":
      return {
        ...pos,
        type: name,
        depositRef: t[1],
        depositor: topicAddress(t[2]),
        usdAmount: word(d, 0),
        rscAmount: word(d, 1),
      };
    case "RedemptionRequested":
      return {
        ...pos,
        type: name,
        redemptionId: topicUint(t[1]),
        holder: topicAddress(t[2]),
        amount: word(d, 0),
        usdAmount: word(d, 1),
      };
    case "RedemptionPaid":
      return { ...pos, type: name, redemptionId: topicUint(t[1]) };
    case "RedemptionRefunded":
      return { ...pos, type: name, redemptionId: topicUint(t[1]) };
    case "UbiClaimed":
      return {
        ...pos,
        type: name,
        member: topicAddress(t[1]),
        memberId: topicUint(t[2]),
        amount: word(d, 0),
        nextClaimAt: word(d, 1),
      };
  }
}
