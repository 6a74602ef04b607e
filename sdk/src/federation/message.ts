import type { Address, Hex, LocalAccount } from "viem";
import { hashTypedData } from "viem";
import { z } from "zod";

/** The kinds of bridge message, as `IBridgeGateway.MessageKind` numbers them. */
export const MessageKind = ["Transfer", "Pooling", "Refund", "Purchase"] as const;
export type MessageKind = (typeof MessageKind)[number];

/** A bridge message exactly as the gateways sign and verify it. */
export interface BridgeMessage {
  srcChainId: bigint;
  srcGateway: Address;
  dstChainId: bigint;
  dstGateway: Address;
  nonce: bigint;
  sender: Address;
  recipient: Address;
  amount: bigint;
  kind: number;
  ref: Hex;
}

export const messageTypes = {
  Message: [
    { name: "srcChainId", type: "uint64" },
    { name: "srcGateway", type: "address" },
    { name: "dstChainId", type: "uint64" },
    { name: "dstGateway", type: "address" },
    { name: "nonce", type: "uint64" },
    { name: "sender", type: "address" },
    { name: "recipient", type: "address" },
    { name: "amount", type: "uint256" },
    { name: "kind", type: "uint8" },
    { name: "ref", type: "bytes32" },
  ],
} as const;

/** The EIP-712 domain of the destination gateway: validators sign for where a message lands. */
export function destinationDomain(message: BridgeMessage) {
  return {
    name: "ConductorBridge",
    version: "1",
    chainId: message.dstChainId,
    verifyingContract: message.dstGateway,
  } as const;
}

/** The digest a validator signs for `message`. */
export function messageDigest(message: BridgeMessage): Hex {
  return hashTypedData({
    domain: destinationDomain(message),
    types: messageTypes,
    primaryType: "Message",
    message,
  });
}

/** Signs `message` as a validator (EIP-712 under the destination gateway's domain). */
export function signBridgeMessage(account: LocalAccount, message: BridgeMessage): Promise<Hex> {
  return account.signTypedData({
    domain: destinationDomain(message),
    types: messageTypes,
    primaryType: "Message",
    message,
  });
}

/** One validator's signature as stored on disk by `conductor validate`. */
export const StoredSignature = z.object({
  id: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
  validator: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  signature: z.string().regex(/^0x[0-9a-fA-F]{130}$/),
});
export type StoredSignature = z.infer<typeof StoredSignature>;

/** Concatenates signatures in strictly ascending signer order, as the gateway requires. */
export function packSignatures(signatures: { validator: string; signature: string }[]): Hex {
  const sorted = [...signatures].sort((a, b) => (BigInt(a.validator) < BigInt(b.validator) ? -1 : 1));
  return `0x${sorted.map((s) => s.signature.slice(2)).join("")}` as Hex;
}

/** JSON with bigints as decimal strings, for state files. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2);
}

export function messageFromJson(json: Record<string, string | number>): BridgeMessage {
  return {
    srcChainId: BigInt(json.srcChainId),
    srcGateway: json.srcGateway as Address,
    dstChainId: BigInt(json.dstChainId),
    dstGateway: json.dstGateway as Address,
    nonce: BigInt(json.nonce),
    sender: json.sender as Address,
    recipient: json.recipient as Address,
    amount: BigInt(json.amount),
    kind: Number(json.kind),
    ref: json.ref as Hex,
  };
}
