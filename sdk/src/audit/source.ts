import type { Hex, PublicClient } from "viem";
import type { RpcLog } from "./events.ts";

/** Bounds for reading logs: a chunk of blocks is shrunk or grown to hold about `targetLogs` logs. */
export interface LogSourceOptions {
  addresses: readonly string[];
  fromBlock: number;
  toBlock: number;
  /** Blocks in the first request (default 2,000). */
  initialSpan?: number;
  /** Aim for about this many logs per request (default 5,000); memory holds at most two chunks. */
  targetLogs?: number;
  /** Never ask for more blocks than this at once (default 100,000). */
  maxSpan?: number;
}

/** One chunk of logs, `[fromBlock, toBlock]` inclusive, in chain order. */
export interface LogChunk {
  fromBlock: number;
  toBlock: number;
  logs: RpcLog[];
}

const hex = (n: number): Hex => `0x${n.toString(16)}`;

/** eth_getLogs over `[from, to]` for `addresses`, raw (no per-log formatting). */
export async function getLogs(client: PublicClient, addresses: readonly string[], from: number, to: number) {
  return (await client.request({
    method: "eth_getLogs",
    params: [{ address: addresses as Hex[], fromBlock: hex(from), toBlock: hex(to) }],
  })) as unknown as RpcLog[];
}

/**
 * Streams the logs of `addresses` in bounded chunks. The span adapts: halved when a chunk came
 * back with more than 1.5 times the target (or the node refused it as too large), doubled when it
 * held less than a quarter. The next chunk is requested while the caller checks the current one,
 * so at most two chunks are in memory at a time.
 */
export async function* streamLogs(client: PublicClient, options: LogSourceOptions): AsyncGenerator<LogChunk> {
  const target = options.targetLogs ?? 5_000;
  const maxSpan = options.maxSpan ?? 100_000;
  let span = Math.max(1, options.initialSpan ?? 2_000);
  const fetchFrom = async (from: number): Promise<LogChunk> => {
    for (;;) {
      const to = Math.min(options.toBlock, from + span - 1);
      try {
        return { fromBlock: from, toBlock: to, logs: await getLogs(client, options.addresses, from, to) };
      } catch (error) {
        if (span === 1) throw error;
        span = Math.max(1, Math.floor(span / 2)); // too many results for the node: ask for less
      }
    }
  };
  if (options.fromBlock > options.toBlock) return;
  let pending = fetchFrom(options.fromBlock);
  for (;;) {
    const chunk = await pending;
    if (chunk.logs.length > target * 1.5) span = Math.max(1, Math.floor(span / 2));
    else if (chunk.logs.length < target / 4) span = Math.min(maxSpan, span * 2);
    const more = chunk.toBlock < options.toBlock;
    if (more) {
      pending = fetchFrom(chunk.toBlock + 1);
      // A failure of the prefetch surfaces when it is awaited, not as an unhandled rejection.
      pending.catch(() => {});
    }
    yield chunk;
    if (!more) return;
  }
}

/** Block timestamps (unix seconds) for `blocks`, fetched in parallel batches. */
export async function blockTimestamps(client: PublicClient, blocks: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < blocks.length; i += 50) {
    const batch = blocks.slice(i, i + 50);
    const found = await Promise.all(
      batch.map((n) => client.request({ method: "eth_getBlockByNumber", params: [hex(n), false] })),
    );
    batch.forEach((n, j) => {
      const block = found[j];
      if (block === null) throw new Error(`the node has no block ${n}`);
      out.set(n, Number(block.timestamp));
    });
  }
  return out;
}
