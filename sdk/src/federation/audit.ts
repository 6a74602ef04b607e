import {
  type Address,
  createPublicClient,
  getAddress,
  type Hex,
  http,
  isAddress,
  type PublicClient,
  zeroAddress,
} from "viem";
import { bridgeGatewayAbi, rscAbi } from "../generated/abis.ts";
import { Action } from "../generated/enums.ts";
import type { FederatedRegion } from "./config.ts";
import { MessageKind } from "./message.ts";

/** One region's chain as the cross-chain audit reads it: logs and views only, no key. */
export interface AuditChain {
  name: string;
  chainId: bigint;
  gateway: Address;
  rsc: Address;
  publicClient: PublicClient;
  /** First block to read logs from (the region's deployment block). */
  fromBlock?: bigint;
}

/** What a violation is about (stable codes for machines; `detail` for people). */
export type FederationViolationCode =
  | "burn-mismatch" // a message's burn at its source is missing, doubled or of another amount
  | "burn-without-message" // RSC burned by a bridge with no message sent for it
  | "mint-mismatch" // a delivered message's mint + refunds differ from what was burned
  | "mint-without-burn" // RSC minted by a bridge with no message from another region behind it
  | "duplicate-mint" // one message minted more than once
  | "delivered-unknown" // a gateway delivered an id no other region sent to it
  | "settlement-mismatch"; // a gateway's recorded flows differ from the sum of the messages

export interface FederationViolation {
  code: FederationViolationCode;
  chainId: bigint;
  /** The message id, or the ref of the offending movement. */
  id?: Hex;
  detail: string;
}

export interface FederationAuditReport {
  ok: boolean;
  /** Messages sent across all chains (refunds included). */
  messages: number;
  delivered: number;
  /** Sent but not (yet) delivered: not violations, unless `strict`. */
  inFlight: Hex[];
  /** Bridge mints and burns seen in the tokens' logs. */
  mints: number;
  burns: number;
  violations: FederationViolation[];
  /** The block read on each chain. */
  blocks: Record<string, bigint>;
}

interface Sent {
  id: Hex;
  src: bigint;
  dst: bigint;
  amount: bigint;
  kind: number;
  ref: Hex;
}

interface Movement {
  action: number;
  amount: bigint;
  ref: Hex;
}

const BRIDGE_ACTIONS = new Set([Action.indexOf("BridgeOut"), Action.indexOf("BridgeIn"), Action.indexOf("Pooling")]);
const REFUND = MessageKind.indexOf("Refund");
const wei = (n: bigint) => `${n} wei`;

/** The audit's chains from a federation config (HTTP endpoints). */
export function auditChains(regions: FederatedRegion[]): AuditChain[] {
  return regions.map((r) => {
    const [gateway, rsc] = [r.contracts.BridgeGateway, r.contracts.RSC];
    if (!gateway || !isAddress(gateway) || !rsc || !isAddress(rsc)) {
      throw new Error(`region ${r.name}: the deployment names no BridgeGateway and RSC`);
    }
    return {
      name: r.name,
      chainId: r.chainId,
      gateway: getAddress(gateway),
      rsc: getAddress(rsc),
      publicClient: createPublicClient({ transport: http(r.rpcUrl) }) as PublicClient,
    };
  });
}

/** Everything the audit needs from one chain, read at one block. */
async function readChain(c: AuditChain) {
  const toBlock = await c.publicClient.getBlockNumber();
  const range = { fromBlock: c.fromBlock ?? 0n, toBlock };
  const events = (eventName: "MessageSent" | "MessageReceived" | "MessageBounced") =>
    c.publicClient.getContractEvents({ address: c.gateway, abi: bridgeGatewayAbi, eventName, ...range });
  const sent: Sent[] = (await events("MessageSent")).map((l) => {
    const a = l.args as { id: Hex; dstChainId: bigint; amount: bigint; kind: number; ref: Hex };
    return { id: a.id, src: c.chainId, dst: a.dstChainId, amount: a.amount, kind: Number(a.kind), ref: a.ref };
  });
  // A delivered message emits MessageReceived or MessageBounced (never both): id → source chain.
  const delivered = new Map<Hex, bigint | undefined>();
  for (const l of await events("MessageReceived")) {
    const a = l.args as { id: Hex; srcChainId: bigint };
    delivered.set(a.id, a.srcChainId);
  }
  for (const l of await events("MessageBounced")) delivered.set((l.args as { id: Hex }).id, undefined);
  const mints: Movement[] = [];
  const burns: Movement[] = [];
  const moves = await c.publicClient.getContractEvents({
    address: c.rsc,
    abi: rscAbi,
    eventName: "ActionPerformed",
    ...range,
  });
  for (const l of moves) {
    const a = l.args as { action: number; from: Address; to: Address; amount: bigint; ref: Hex };
    if (!BRIDGE_ACTIONS.has(Number(a.action))) continue;
    const m = { action: Number(a.action), amount: a.amount, ref: a.ref };
    if (a.from === zeroAddress) mints.push(m);
    else if (a.to === zeroAddress) burns.push(m);
  }
  return { chain: c, toBlock, sent, delivered, mints, burns };
}

type ChainRecord = Awaited<ReturnType<typeof readChain>>;

function sumByRef(moves: Movement[]): Map<Hex, { amount: bigint; count: number }> {
  const out = new Map<Hex, { amount: bigint; count: number }>();
  for (const m of moves) {
    const s = out.get(m.ref) ?? { amount: 0n, count: 0 };
    out.set(m.ref, { amount: s.amount + m.amount, count: s.count + 1 });
  }
  return out;
}

/**
 * Audits the bridge across every federated chain from the chains alone (logs and the gateways'
 * recorded flows): every message's burn at its source matches, once and to the wei, what its
 * destination minted plus what it sent back as refunds; nothing is minted or burned by a bridge
 * without a message behind it; every gateway's recorded flows per counterparty equal the sum of the
 * messages. Messages not yet delivered are listed as in flight (violations when `strict`).
 * @example
 * const report = await auditFederation(auditChains(readFederation("federation.json")));
 */
export async function auditFederation(
  chains: AuditChain[],
  options: { strict?: boolean } = {},
): Promise<FederationAuditReport> {
  const records = await Promise.all(chains.map(readChain));
  const byChain = new Map<bigint, ChainRecord>(records.map((r) => [r.chain.chainId, r]));
  const violations: FederationViolation[] = [];
  const report = (code: FederationViolationCode, chainId: bigint, detail: string, id?: Hex) =>
    violations.push({ code, chainId, id, detail });

  const allSent = new Map<Hex, Sent>();
  for (const r of records) for (const s of r.sent) allSent.set(s.id, s);
  // Refunds sent by a gateway, by the message they answer.
  const refundsOf = new Map<Hex, bigint>();
  for (const s of allSent.values()) {
    if (s.kind === REFUND) refundsOf.set(s.ref, (refundsOf.get(s.ref) ?? 0n) + s.amount);
  }

  const inFlight: Hex[] = [];
  let delivered = 0;
  for (const r of records) {
    const burns = sumByRef(r.burns);
    const mints = sumByRef(r.mints);
    const name = r.chain.name;
    // 1. Every message's burn at its source: exactly one, of the message's amount (refunds: none).
    for (const s of r.sent) {
      const burn = burns.get(s.id);
      const expected = s.kind === REFUND ? 0n : s.amount;
      if ((burn?.amount ?? 0n) !== expected || (burn?.count ?? 0) !== (expected === 0n ? 0 : 1)) {
        report(
          "burn-mismatch",
          r.chain.chainId,
          `${name}: message ${s.id} (${MessageKind[s.kind]}) of ${wei(s.amount)} burned ${wei(burn?.amount ?? 0n)} in ${burn?.count ?? 0} movement(s), expected ${wei(expected)}`,
          s.id,
        );
      }
    }
    // 2. No bridge burn without a message sent from here.
    for (const [ref, burn] of burns) {
      const s = allSent.get(ref);
      if (!s || s.src !== r.chain.chainId) {
        report(
          "burn-without-message",
          r.chain.chainId,
          `${name}: ${wei(burn.amount)} burned with ref ${ref}, which no message sent from here carries`,
          ref,
        );
      }
    }
    // 3. No bridge mint without a message sent to here from another region; one mint per message.
    for (const [ref, mint] of mints) {
      const s = allSent.get(ref);
      if (!s || s.dst !== r.chain.chainId || s.src === r.chain.chainId) {
        report(
          "mint-without-burn",
          r.chain.chainId,
          `${name}: ${wei(mint.amount)} minted with ref ${ref}, which no message to here carries`,
          ref,
        );
      } else if (mint.count > 1) {
        report(
          "duplicate-mint",
          r.chain.chainId,
          `${name}: message ${ref} minted ${mint.count} times (${wei(mint.amount)})`,
          ref,
        );
      }
    }
    // 4. Every delivered id was sent to here.
    for (const id of r.delivered.keys()) {
      const s = allSent.get(id);
      if (!s || s.dst !== r.chain.chainId) {
        report("delivered-unknown", r.chain.chainId, `${name}: delivered ${id}, which no region sent here`, id);
      }
    }
  }
  // 5. Each message: what its destination minted plus its refunds equals what its source burned.
  for (const s of allSent.values()) {
    const dst = byChain.get(s.dst);
    if (!dst) continue;
    if (!dst.delivered.has(s.id)) {
      inFlight.push(s.id);
      if (options.strict) report("mint-mismatch", s.dst, `${dst.chain.name}: message ${s.id} not delivered`, s.id);
      continue;
    }
    delivered++;
    const minted = sumByRef(dst.mints).get(s.id)?.amount ?? 0n;
    const refunded = s.kind === REFUND ? 0n : (refundsOf.get(s.id) ?? 0n);
    if (minted + refunded !== s.amount) {
      report(
        "mint-mismatch",
        s.dst,
        `${dst.chain.name}: message ${s.id} (${MessageKind[s.kind]}) burned ${wei(s.amount)} but minted ${wei(minted)} + refunded ${wei(refunded)}`,
        s.id,
      );
    }
  }
  // 6. Settlement: each gateway's recorded sent/received per counterparty equals the messages.
  for (const r of records) {
    for (const other of records) {
      if (other === r) continue;
      const route = await r.chain.publicClient.readContract({
        address: r.chain.gateway,
        abi: bridgeGatewayAbi,
        functionName: "routeOf",
        args: [other.chain.chainId],
        blockNumber: r.toBlock,
      });
      const sentSum = r.sent.filter((s) => s.dst === other.chain.chainId).reduce((t, s) => t + s.amount, 0n);
      const receivedSum = [...r.delivered.keys()]
        .map((id) => allSent.get(id))
        .filter((s): s is Sent => s !== undefined && s.src === other.chain.chainId)
        .reduce((t, s) => t + s.amount, 0n);
      if (route.sent !== sentSum || route.received !== receivedSum) {
        report(
          "settlement-mismatch",
          r.chain.chainId,
          `${r.chain.name} → ${other.chain.name}: gateway records sent ${wei(route.sent)} / received ${wei(route.received)}, messages sum to ${wei(sentSum)} / ${wei(receivedSum)}`,
        );
      }
    }
  }
  return {
    ok: violations.length === 0,
    messages: allSent.size,
    delivered,
    inFlight,
    mints: records.reduce((t, r) => t + r.mints.length, 0),
    burns: records.reduce((t, r) => t + r.burns.length, 0),
    violations,
    blocks: Object.fromEntries(records.map((r) => [r.chain.name, r.toBlock])),
  };
}
