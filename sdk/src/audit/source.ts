import type { Hex, PublicClient } from "viem";
import type { RpcLog } from "./events.ts";

/** Bounds for reading logs: a chunk of blocks is shrunk or grown to hold about `targetLogs` logs. */
export interface LogSourceOptions {
  addresses: readonly string[];
  /** When given, logs are read with a plain HTTP request whose body is capped at `maxResponseBytes`. */
  rpcUrl?: string;
  /** A response larger than this is abandoned and the span halved (default 16 MiB): memory stays bounded. */
  maxResponseBytes?: number;
  fromBlock: number;
  toBlock: number;
  /** Blocks in the first request (default 2,000). */
  initialSpan?: number;
  /** Aim for about this many logs per request (default 2,000: smaller chunks overlap checking and fetching better, measured). */
  targetLogs?: number;
  /** Never ask for more blocks than this at once (default 100,000). */
  maxSpan?: number;
  /** Requests in flight ahead of the chunk being checked (default 1: Hardhat's EDR answers one at a time, and more in flight measured slower). */
  prefetch?: number;
}

/** One chunk of logs, `[fromBlock, toBlock]` inclusive, in chain order. */
export interface LogChunk {
  fromBlock: number;
  toBlock: number;
  logs: RpcLog[];
}

const hex = (n: number): Hex => `0x${n.toString(16)}`;

/**
 * The node's answer to eth_getLogs was larger than the cap: ask for fewer blocks. `lastBlock` is
 * the last block number within the answer's first `maxBytes` bytes (undefined if none): the answer
 * is in chain order, so every log of the blocks before it fits under the cap.
 */
export class LogsResponseTooLargeError extends Error {
  override name = "LogsResponseTooLargeError";
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
    readonly lastBlock?: number,
  ) {
    super(`eth_getLogs answer passed ${maxBytes} bytes (read ${bytes})`);
  }
}

/**
 * The last `"blockNumber":"0x…"` within the first `maxBytes` bytes of a partly read eth_getLogs
 * answer: every log of the blocks before it lies within those bytes.
 */
function lastBlockNumber(parts: readonly Uint8Array[], maxBytes: number): number | undefined {
  // The last 64 KiB before the cap are enough: a log is far smaller.
  const all = Buffer.concat(parts);
  const window = all.subarray(Math.max(0, maxBytes - 65_536), Math.min(all.length, maxBytes)).toString("utf8");
  const found = [...window.matchAll(/"blockNumber":\s*"0x([0-9a-fA-F]+)"/g)].at(-1);
  return found === undefined ? undefined : Number.parseInt(found[1], 16);
}

/**
 * eth_getLogs over `[from, to]` by plain HTTP, reading at most `maxBytes` of the answer: the
 * auditor's memory never depends on how dense the chain is.
 */
export async function getLogsHttp(
  url: string,
  addresses: readonly string[],
  from: number,
  to: number,
  maxBytes: number,
): Promise<RpcLog[]> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "eth_getLogs",
      params: [{ address: addresses, fromBlock: hex(from), toBlock: hex(to) }],
    }),
  });
  if (!response.ok || response.body === null) throw new Error(`eth_getLogs: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    parts.push(value);
    if (bytes > maxBytes) {
      await reader.cancel();
      throw new LogsResponseTooLargeError(bytes, maxBytes, lastBlockNumber(parts, maxBytes));
    }
  }
  const answer = JSON.parse(Buffer.concat(parts).toString("utf8")) as {
    result?: RpcLog[];
    error?: { code: number; message: string };
  };
  if (answer.error)
    throw new Error(`eth_getLogs ${hex(from)}–${hex(to)}: ${answer.error.message} (${answer.error.code})`);
  return answer.result ?? [];
}

/** eth_getLogs over `[from, to]` for `addresses`, raw (no per-log formatting). */
export async function getLogs(client: PublicClient, addresses: readonly string[], from: number, to: number) {
  return (await client.request({
    method: "eth_getLogs",
    params: [{ address: addresses as Hex[], fromBlock: hex(from), toBlock: hex(to) }],
  })) as unknown as RpcLog[];
}

/**
 * Streams the logs of `addresses` in bounded chunks, in chain order. The span adapts to the density
 * of the last chunk (about `targetLogs` per request, growing at most ×2 at a time); a range the node
 * refuses, or whose answer passes the byte cap, is split in halves. Up to `prefetch` requests for
 * the next ranges are in flight while the caller checks the current chunk (the node answers them
 * while the auditor computes), so at most `prefetch + 1` chunks are in memory at a time.
 */
export async function* streamLogs(client: PublicClient, options: LogSourceOptions): AsyncGenerator<LogChunk> {
  const target = options.targetLogs ?? 2_000;
  const maxSpan = options.maxSpan ?? 100_000;
  const depth = Math.max(1, options.prefetch ?? 1);
  let span = Math.max(1, options.initialSpan ?? 2_000);
  const maxBytes = options.maxResponseBytes ?? 16 * 2 ** 20;
  const read = (from: number, to: number) =>
    options.rpcUrl
      ? getLogsHttp(options.rpcUrl, options.addresses, from, to, maxBytes)
      : getLogs(client, options.addresses, from, to);
  /** The logs of [from, to], or of a first part of it (halved while the node refuses the range). */
  const fetchRange = async (from: number, to: number): Promise<LogChunk> => {
    for (;;) {
      try {
        return { fromBlock: from, toBlock: to, logs: await read(from, to) };
      } catch (error) {
        if (from === to) throw error;
        const last = error instanceof LogsResponseTooLargeError ? error.lastBlock : undefined;
        // Past the byte cap, the first `maxBytes` ran up to block `last`: blocks [from, last) fit
        // under the cap, so ask for 90 % of them at once (one wasted answer per jump in density, where
        // halving wasted one per halving). Otherwise, or if that learns nothing, halve.
        to =
          last !== undefined && last > from && last <= to
            ? from + Math.max(0, Math.floor((last - from) * 0.9) - 1)
            : from + Math.floor((to - from) / 2);
        span = Math.max(1, Math.min(span, to - from + 1)); // too many results for the node: ask for less
      }
    }
  };
  if (options.fromBlock > options.toBlock) return;
  const inFlight: { toBlock: number; chunk: Promise<LogChunk> }[] = [];
  /** Stands for [from, until]; asks for at most the current span of it (the rest follows). */
  const request = (from: number, until: number) => {
    const chunk = fetchRange(from, Math.min(until, from + span - 1));
    // A failure surfaces when the chunk is awaited, not as an unhandled rejection.
    chunk.catch(() => {});
    return { toBlock: until, chunk };
  };
  let nextFrom = options.fromBlock;
  const refill = () => {
    while (inFlight.length < depth && nextFrom <= options.toBlock) {
      const to = Math.min(options.toBlock, nextFrom + span - 1);
      inFlight.push(request(nextFrom, to));
      nextFrom = to + 1;
    }
  };
  refill();
  while (inFlight.length > 0) {
    const head = inFlight.shift()!;
    const chunk = await head.chunk;
    const blocks = chunk.toBlock - chunk.fromBlock + 1;
    const density = Math.max(chunk.logs.length / blocks, 1e-3);
    span = Math.max(1, Math.min(maxSpan, span * 2, Math.floor(target / density)));
    // Only the first part of the range came back (the node refused it whole, or its answer passed
    // the byte cap): the rest comes next, before what follows, at the span just learned. Asking for
    // the whole rest again cost a failed, capped answer per retry (12 s of a 19 s audit).
    if (chunk.toBlock < head.toBlock) inFlight.unshift(request(chunk.toBlock + 1, head.toBlock));
    refill();
    yield chunk;
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
