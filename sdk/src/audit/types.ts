import type { Hex } from "viem";

/** Where a decoded log sits on the chain. Addresses are lower-case hex throughout the auditor. */
export interface LogPosition {
  blockNumber: number;
  txHash: Hex;
  logIndex: number;
  /** The emitting contract (lower case). */
  address: string;
}

/** Every log the auditor understands, decoded without trusting anything but the log itself. */
export type AuditEvent = LogPosition &
  (
    | { type: "Transfer"; from: string; to: string; amount: bigint }
    | { type: "ActionPerformed"; action: number; from: string; to: string; amount: bigint; ref: Hex }
    | { type: "AccountRegistered"; account: string; kind: number; tag: bigint }
    | { type: "AccountSuspensionChanged"; account: string; suspended: boolean }
    | { type: "AccountRecovered"; from: string; to: string; balance: bigint }
    | { type: "ParameterChanged"; param: number; oldValue: bigint; newValue: bigint }
    | { type: "ReservesAttested"; usdReserves: bigint; asOf: bigint }
    | { type: "DepositAttested"; depositRef: Hex; depositor: string; usdAmount: bigint; rscAmount: bigint }
    | { type: "RedemptionRequested"; redemptionId: bigint; holder: string; amount: bigint; usdAmount: bigint }
    | { type: "RedemptionPaid"; redemptionId: bigint }
    | { type: "RedemptionRefunded"; redemptionId: bigint }
    | { type: "UbiClaimed"; member: string; memberId: bigint; amount: bigint; nextClaimAt: bigint }
    | { type: "Other"; topics: readonly Hex[]; data: Hex }
  );

export type AuditEventType = AuditEvent["type"];
export type EventOf<T extends AuditEventType> = Extract<AuditEvent, { type: T }>;

/** One broken rule, precisely located. `expected` and `found` are human-readable values. */
export interface Violation {
  block: number;
  txHash: Hex;
  logIndex: number;
  rule: string;
  expected: string;
  found: string;
}

/** The logs of one transaction, in log order, with the block's timestamp when a rule needs it. */
export interface TxEvents {
  blockNumber: number;
  txHash: Hex;
  events: readonly AuditEvent[];
  /** Unix seconds of the block, present when any event of the block needs it. */
  timestamp?: number;
}

/** The region's contracts, lower case. */
export interface RegionAddresses {
  rsc: string;
  reserve: string;
  capitalPool: string;
  regionParameters: string;
  /** Payroll and its wage schedule, when the region runs them (the `wage-formula` rule). */
  payroll?: string;
  wageSchedule?: string;
  /** The profit-at-rest collector, when the region runs it (the `profit-at-rest` rule). */
  profitAtRest?: string;
}
