import { createRequire } from "node:module";
import {
  type Address,
  getAddress,
  type Hex,
  hexToBytes,
  keccak256,
  pad,
  parseTransaction,
  recoverTransactionAddress,
  serializeTransaction,
  type TransactionSerializable,
} from "viem";

type NativeSecp256k1 = {
  ecdsaRecover(sig: Uint8Array, recid: number, msg32: Uint8Array, compressed: boolean): Uint8Array;
};

/**
 * libsecp256k1 through the `secp256k1` package's native binding, when it loads (it ships prebuilt
 * for linux-x64 and is already installed with Hardhat's dependencies); undefined otherwise. On this
 * machine it recovers a sender ~50× faster than pure-JS noble-curves (0.4 ms against ~20 ms under
 * load), which decides whether the gateway keeps up with the node.
 */
const native: NativeSecp256k1 | undefined = (() => {
  try {
    const require = createRequire(import.meta.url);
    const binding = require("secp256k1/bindings") as NativeSecp256k1;
    return typeof binding.ecdsaRecover === "function" ? binding : undefined;
  } catch {
    return undefined;
  }
})();

/** Which implementation {@link recoverSender} uses. */
export const recoveryBackend: "libsecp256k1" | "viem" = native ? "libsecp256k1" : "viem";

/**
 * The sender of a signed transaction (any type viem parses). With libsecp256k1: the signing hash
 * is rebuilt with viem (the transaction serialized without its signature; EIP-155 legacy
 * transactions carry their chain id) and the public key recovered natively. Without it: viem's
 * `recoverTransactionAddress`. Both give the same address (tested on every transaction type).
 */
export async function recoverSender(raw: Hex, parsed = parseTransaction(raw)): Promise<Address> {
  if (!native) return recoverTransactionAddress({ serializedTransaction: raw as never });
  const { r, s, v, yParity, ...unsigned } = parsed as TransactionSerializable & {
    r?: Hex;
    s?: Hex;
    v?: bigint;
    yParity?: number;
  };
  if (r === undefined || s === undefined) throw new Error("the transaction is not signed");
  const recovery =
    yParity !== undefined ? yParity : v === 27n || v === 28n ? Number(v - 27n) : Number(((v ?? 0n) - 35n) % 2n);
  const hash = keccak256(serializeTransaction(unsigned as TransactionSerializable));
  // r and s are minimal RLP integers: one with leading zero bytes arrives short and must be padded
  // on the LEFT (`hexToBytes(x, { size: 32 })` pads on the right, which recovered another
  // address for about one signature in 128).
  const signature = new Uint8Array(64);
  signature.set(hexToBytes(pad(r, { size: 32 })), 0);
  signature.set(hexToBytes(pad(s, { size: 32 })), 32);
  const publicKey = native.ecdsaRecover(signature, recovery, hexToBytes(hash), false);
  return getAddress(`0x${keccak256(publicKey.subarray(1)).slice(26)}`);
}
