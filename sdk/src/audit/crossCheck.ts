import type { PublicClient } from "viem";
import { capitalPoolAbi, regionParametersAbi, reserveAbi, rscAbi } from "../generated/abis.ts";
import { Param } from "../generated/enums.ts";
import type { Ledger } from "./ledger.ts";
import { kindName } from "./names.ts";
import type { RegionAddresses, Violation } from "./types.ts";

export const CROSS_CHECK_RULE = "chain-cross-check";
export const NO_TX = `0x${"00".repeat(32)}` as const;

type Report = (v: Violation) => void;
type Addr = `0x${string}`;

/** Runs `fn` over `items`, `width` at a time. */
async function inBatches<T, R>(items: readonly T[], width: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  return out;
}

/** `eth_call totalSupply()` at `block`. */
export async function chainTotalSupply(client: PublicClient, rsc: string, block: number): Promise<bigint> {
  return client.readContract({
    address: rsc as Addr,
    abi: rscAbi,
    functionName: "totalSupply",
    blockNumber: BigInt(block),
  });
}

/**
 * Compares the rebuilt state with the contracts' own views at `block` (eth_call): every known
 * account (balance, kind, suspension, tag), Σ balances == totalSupply on both sides, the attested
 * reserves, every parameter, and each member's next UBI claim time. The views are never trusted:
 * a difference is a violation (e.g. a storage slot edited outside any transaction's logs).
 */
export async function crossCheck(
  client: PublicClient,
  a: RegionAddresses,
  ledger: Ledger,
  block: number,
  report: Report,
): Promise<void> {
  const blockNumber = BigInt(block);
  const at = (expected: string, found: string) =>
    report({ block, txHash: NO_TX, logIndex: -1, rule: CROSS_CHECK_RULE, expected, found });

  if (ledger.sumBalances !== ledger.totalSupply)
    at(`Σ rebuilt balances == rebuilt totalSupply ${ledger.totalSupply}`, `${ledger.sumBalances}`);

  const accounts = [...ledger.accounts];
  const onChain = await inBatches(accounts, 100, ([address]) =>
    client.readContract({
      address: a.rsc as Addr,
      abi: rscAbi,
      functionName: "accountOf",
      args: [address as Addr],
      blockNumber,
    }),
  );
  let sumOnChain = 0n;
  accounts.forEach(([address, mine], i) => {
    const theirs = onChain[i];
    sumOnChain += theirs.balance;
    if (theirs.balance !== mine.balance)
      at(`balanceOf(${address}) == ${mine.balance} (from logs)`, `${theirs.balance}`);
    if (theirs.kind !== mine.kind) at(`kindOf(${address}) == ${kindName(mine.kind)}`, kindName(theirs.kind));
    if (theirs.suspended !== mine.suspended) at(`suspended(${address}) == ${mine.suspended}`, `${theirs.suspended}`);
    if (BigInt(theirs.tag) !== mine.tag) at(`tag(${address}) == ${mine.tag}`, `${theirs.tag}`);
  });
  const supply = await chainTotalSupply(client, a.rsc, block);
  if (supply !== ledger.totalSupply) at(`totalSupply() == ${ledger.totalSupply} (from logs)`, `${supply}`);
  if (sumOnChain !== supply)
    at(`Σ balanceOf over ${accounts.length} accounts == totalSupply() ${supply}`, `${sumOnChain}`);

  const [usdReserves] = await client.readContract({
    address: a.reserve as Addr,
    abi: reserveAbi,
    functionName: "attestedReserves",
    blockNumber,
  });
  if (usdReserves !== ledger.usdReserves)
    at(`attestedReserves() == ${ledger.usdReserves} (from logs)`, `${usdReserves}`);

  const params = await inBatches(
    Param.map((_, i) => i),
    20,
    (i) =>
      client.readContract({
        address: a.regionParameters as Addr,
        abi: regionParametersAbi,
        functionName: "get",
        args: [i],
        blockNumber,
      }),
  );
  params.forEach((value, i) => {
    if (value !== ledger.params[i]) at(`get(${Param[i]}) == ${ledger.params[i]} (from logs)`, `${value}`);
  });

  const claims = [...ledger.ubiNextClaimAt];
  const next = await inBatches(claims, 100, ([memberId]) =>
    client.readContract({
      address: a.capitalPool as Addr,
      abi: capitalPoolAbi,
      functionName: "nextUbiClaimAt",
      args: [BigInt(memberId)],
      blockNumber,
    }),
  );
  claims.forEach(([memberId, mine], i) => {
    if (next[i] !== mine) at(`nextUbiClaimAt(${memberId}) == ${mine} (from logs)`, `${next[i]}`);
  });
}
