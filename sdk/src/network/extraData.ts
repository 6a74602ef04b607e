import { decodeRlp, encodeRlp, getAddress, hexlify, zeroPadValue } from "ethers";

/** The QBFT extraData of a block: Besu's RLP list `[vanity, validators, vote, round, committedSeals]`. */
export type QbftExtraData = {
  /** 32 bytes of free data (zeroes in Conductor's genesis). */
  vanity: `0x${string}`;
  /** The validator addresses, in order. */
  validators: `0x${string}`[];
};

/** Thrown when a hex string is not a genesis QBFT extraData. */
export class QbftExtraDataError extends Error {
  override name = "QbftExtraDataError";
  constructor(
    message: string,
    readonly extraData: string,
  ) {
    super(message);
  }
}

const ZERO_VANITY = `0x${"00".repeat(32)}` as const;

/**
 * Encodes the genesis extraData of a Besu QBFT network whose validators are chosen by block header
 * (not by contract): `RLP([32-byte vanity, [validator addresses], [] (no vote), 0 (round), [] (no
 * committed seals)])`. The round is the RLP integer 0, i.e. the empty string (0x80). This is the
 * layout of the example in Besu's QBFT documentation (besu.hyperledger.org, "Configure QBFT
 * consensus", block header validator selection), which `test/network/generator.ts` reproduces
 * byte for byte and decodes independently with viem's RLP.
 *
 * @example
 * encodeQbftExtraData(["0x64a702e6263b7297a96638cac6ae65e6541f4169"]);
 * // 0xf83aa000…00d594 64a7…4169 c080c0
 */
export function encodeQbftExtraData(validators: readonly string[], vanity: string = ZERO_VANITY): `0x${string}` {
  const v = zeroPadValue(vanity, 32);
  return encodeRlp([v, validators.map((a) => getAddress(a).toLowerCase()), [], "0x", []]) as `0x${string}`;
}

/** Decodes a genesis QBFT extraData (as written by {@link encodeQbftExtraData}). */
export function decodeQbftExtraData(extraData: string): QbftExtraData {
  const decoded = decodeRlp(extraData);
  if (!Array.isArray(decoded) || decoded.length !== 5) {
    throw new QbftExtraDataError("extraData is not an RLP list of 5 items", extraData);
  }
  const [vanity, validators, vote, round, seals] = decoded;
  if (typeof vanity !== "string" || (vanity.length - 2) / 2 !== 32) {
    throw new QbftExtraDataError("vanity is not 32 bytes", extraData);
  }
  if (!Array.isArray(validators) || validators.some((a) => typeof a !== "string" || a.length !== 42)) {
    throw new QbftExtraDataError("validators is not a list of 20-byte addresses", extraData);
  }
  if (!Array.isArray(vote) || vote.length !== 0) throw new QbftExtraDataError("a genesis carries no vote", extraData);
  if (round !== "0x") throw new QbftExtraDataError("a genesis round is 0", extraData);
  if (!Array.isArray(seals) || seals.length !== 0) {
    throw new QbftExtraDataError("a genesis carries no committed seals", extraData);
  }
  return {
    vanity: hexlify(vanity) as `0x${string}`,
    validators: (validators as string[]).map((a) => getAddress(a) as `0x${string}`),
  };
}
