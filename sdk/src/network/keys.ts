import { decryptKeystoreJson, encryptKeystoreJson, SigningKey, Wallet } from "ethers";

/** A generated secp256k1 node key: the validator's address and the node's enode id come from it. */
export type NodeKey = {
  privateKey: `0x${string}`;
  address: `0x${string}`;
  /** The 64-byte uncompressed public key without the 0x04 prefix, as 128 hex digits (no 0x). */
  enodeId: string;
};

/** Thrown when a keystore cannot be decrypted with the passphrase given. */
export class KeystoreDecryptError extends Error {
  override name = "KeystoreDecryptError";
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`cannot decrypt ${file}: wrong passphrase or not a keystore`, { cause });
  }
}

/** A fresh random node key (Node's CSPRNG through ethers). */
export function generateNodeKey(): NodeKey {
  return nodeKeyOf(Wallet.createRandom().privateKey);
}

/** The address and enode id of `privateKey`. */
export function nodeKeyOf(privateKey: string): NodeKey {
  const key = new SigningKey(privateKey);
  const wallet = new Wallet(key);
  return {
    privateKey: key.privateKey as `0x${string}`,
    address: wallet.address as `0x${string}`,
    enodeId: key.publicKey.slice(4),
  };
}

/**
 * Encrypts `key` into an Ethereum JSON keystore (v3: scrypt + AES-128-CTR) with `passphrase`.
 * `scryptLogN` is log2 of scrypt's N: 17 (ethers' and geth's default) unless a test lowers it.
 */
export async function encryptNodeKey(key: NodeKey, passphrase: string, scryptLogN = 17): Promise<string> {
  return encryptKeystoreJson({ address: key.address, privateKey: key.privateKey }, passphrase, {
    scrypt: { N: 2 ** scryptLogN },
  });
}

/** Decrypts a keystore written by {@link encryptNodeKey}. `file` only names it in the error. */
export async function decryptNodeKey(json: string, passphrase: string, file = "keystore"): Promise<NodeKey> {
  try {
    const account = await decryptKeystoreJson(json, passphrase);
    return nodeKeyOf(account.privateKey);
  } catch (error) {
    throw new KeystoreDecryptError(file, error);
  }
}
