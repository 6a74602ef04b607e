import { getAddress, toQuantity } from "ethers";
import { encodeQbftExtraData } from "./extraData.ts";

/** Parameters of a Conductor region's Besu QBFT genesis. */
export type QbftGenesisParameters = {
  chainId: number;
  validators: readonly string[];
  /** Seconds between blocks (Conductor: 2–5). */
  blockPeriodSeconds: number;
  /** Blocks after which pending validator votes are discarded. */
  epochLength?: number;
  /** Seconds before a QBFT round times out (must exceed the block period). */
  requestTimeoutSeconds?: number;
  /** The block gas limit. */
  gasLimit?: bigint;
  /** Balances at genesis, in wei (the deployer: gas is free, but some tooling checks balances). */
  alloc?: Readonly<Record<string, bigint>>;
};

/** The BFT mixHash every Besu IBFT 2.0 / QBFT block carries ("Byzantine fault tolerance"). */
export const BFT_MIX_HASH = "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365";

/** Conductor's default block gas limit: 0x1fffffffffffff, Besu's documented value for free-gas networks. */
export const DEFAULT_GAS_LIMIT = 0x1fffffffffffffn;

/**
 * A Besu QBFT genesis (validators by block header) with free gas: `zeroBaseFee: true` and
 * `baseFeePerGas: 0x0` (London fee market with a base fee that stays 0; nodes then run with
 * `--min-gas-price=0`), every fork from genesis up to Prague (the contracts compile for the
 * `prague` EVM), and `contractSizeLimit` raised as
 * Besu recommends for free-gas networks.
 */
export function buildQbftGenesis(p: QbftGenesisParameters) {
  const alloc: Record<string, { balance: string }> = {};
  for (const [address, balance] of Object.entries(p.alloc ?? {})) {
    alloc[getAddress(address).slice(2).toLowerCase()] = { balance: toQuantity(balance) };
  }
  return {
    config: {
      chainId: p.chainId,
      homesteadBlock: 0,
      eip150Block: 0,
      eip155Block: 0,
      eip158Block: 0,
      byzantiumBlock: 0,
      constantinopleBlock: 0,
      petersburgBlock: 0,
      istanbulBlock: 0,
      berlinBlock: 0,
      londonBlock: 0,
      shanghaiTime: 0,
      cancunTime: 0,
      pragueTime: 0,
      zeroBaseFee: true,
      contractSizeLimit: 2147483647,
      qbft: {
        blockperiodseconds: p.blockPeriodSeconds,
        epochlength: p.epochLength ?? 30000,
        requesttimeoutseconds: p.requestTimeoutSeconds ?? Math.max(10, 2 * p.blockPeriodSeconds),
      },
    },
    nonce: "0x0",
    timestamp: "0x0",
    gasLimit: toQuantity(p.gasLimit ?? DEFAULT_GAS_LIMIT),
    baseFeePerGas: "0x0",
    difficulty: "0x1",
    mixHash: BFT_MIX_HASH,
    coinbase: "0x0000000000000000000000000000000000000000",
    extraData: encodeQbftExtraData(p.validators),
    alloc,
  };
}

export type QbftGenesis = ReturnType<typeof buildQbftGenesis>;
