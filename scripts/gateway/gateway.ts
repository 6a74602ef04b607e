import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Address, getAddress, type Hex, isAddress } from "viem";
import { factsOfRawTransaction, factsOfTransactionObject, TransactionDecodeError } from "./decode.ts";
import {
  decodeVerdict,
  encodeVerdictCall,
  refusalMessage,
  TRANSACTION_REFUSED,
  type TransactionFacts,
} from "./verdict.ts";

/** Options of {@link startGateway}. */
export type GatewayOptions = {
  /** The node's JSON-RPC endpoint (Hardhat EDR, anvil, Besu …). Give this or `upstreamProvider`. */
  upstreamUrl?: string;
  /**
   * The node as an in-process EIP-1193 provider (Hardhat's EDR from `network.create()`): no HTTP
   * hop between the gateway and the node, so a check costs one in-process call.
   */
  upstreamProvider?: Eip1193Provider;
  /** 0 or undefined: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * The Permissioning contract. While it is unset every transaction passes: the region's deployer
   * must be able to deploy (the Permissioning contract among the rest) before it exists. Set it
   * with {@link Gateway.setPermissioningAddress} once deployed.
   */
  permissioningAddress?: Address;
  /** Largest request body accepted, in bytes (default 10 MiB). */
  maxBodyBytes?: number;
};

/** A running gateway. */
export type Gateway = {
  url: string;
  permissioningAddress(): Address | undefined;
  setPermissioningAddress(address: Address | undefined): void;
  /** Requests seen: passed through, transactions checked, transactions refused. */
  stats(): { requests: number; checked: number; refused: number };
  close(): Promise<void>;
};

/** The EIP-1193 surface the gateway needs. */
export type Eip1193Provider = { request(args: { method: string; params?: unknown }): Promise<unknown> };

type JsonRpcRequest = { jsonrpc?: string; id?: unknown; method?: unknown; params?: unknown };
type JsonRpcResponse = {
  jsonrpc: "2.0";
  id: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
};

const SEND_METHODS = new Set(["eth_sendRawTransaction", "eth_sendTransaction"]);

function rpcError(id: unknown, code: number, message: string, data?: unknown): JsonRpcResponse {
  return { jsonrpc: "2.0", id: id ?? null, error: data === undefined ? { code, message } : { code, message, data } };
}

/**
 * Starts Conductor's JSON-RPC gateway in front of a node. Reads pass through untouched. A
 * transaction (`eth_sendRawTransaction`: the sender is recovered from the signature;
 * `eth_sendTransaction`: `from`) is first put to the Permissioning contract with an `eth_call` of
 * `transactionAllowedReason` on the node, and refused with JSON-RPC error -32003 and a message that
 * says why ("sender 0x… is not a registered member" …) unless the verdict is `Allowed`. When the
 * check itself fails the transaction is refused too (fail-closed). Batches are answered element by
 * element, in order.
 *
 * @example
 * const gw = await startGateway({ upstreamUrl: "http://127.0.0.1:8545", port: 8546 });
 * // … deploy, then:
 * gw.setPermissioningAddress(permissioning);
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  if ((options.upstreamUrl === undefined) === (options.upstreamProvider === undefined)) {
    throw new TypeError("give exactly one of upstreamUrl and upstreamProvider");
  }
  const upstream = options.upstreamUrl === undefined ? undefined : new URL(options.upstreamUrl);
  const provider = options.upstreamProvider;
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  let permissioning: Address | undefined =
    options.permissioningAddress === undefined ? undefined : getAddress(options.permissioningAddress);
  const counters = { requests: 0, checked: 0, refused: 0 };

  /**
   * POSTs `body` to the node and resolves with its raw answer. A keep-alive socket the node closed
   * just as it was reused fails with ECONNRESET before the node read anything; that request is
   * sent once more on a fresh socket (Node's documented pattern, `req.reusedSocket`).
   */
  function forwardRaw(body: string | Buffer, retried = false): Promise<{ status: number; body: Buffer }> {
    if (provider !== undefined) return viaProvider(provider, body);
    return new Promise((resolve, reject) => {
      const req = request(
        upstream as URL,
        {
          method: "POST",
          agent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 502, body: Buffer.concat(chunks) }));
          res.on("error", reject);
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) => {
        if (!retried && req.reusedSocket && error.code === "ECONNRESET") forwardRaw(body, true).then(resolve, reject);
        else reject(error);
      });
      req.end(body);
    });
  }

  async function forward(message: JsonRpcRequest): Promise<JsonRpcResponse> {
    const { body } = await forwardRaw(JSON.stringify(message));
    return JSON.parse(body.toString("utf8")) as JsonRpcResponse;
  }

  /**
   * Permissioning checks waiting for the next `eth_call` batch. Checks are coalesced: while one
   * batch is at the node, the checks that arrive queue up and leave together as one JSON-RPC batch
   * when it returns. The node's cost is per HTTP request far more than per call (a batch of 8
   * `eth_call`s costs about one), so under load the check costs the node a fraction of a request
   * per transaction instead of a whole one; an idle gateway sends each check at once.
   */
  type PendingCheck = { tx: TransactionFacts; at: Address; resolve(r: CheckAnswer): void };
  type CheckAnswer = { result?: unknown; error?: { message: string } };
  const queue: PendingCheck[] = [];
  let inFlight = false;
  const MAX_BATCH = 256;

  function flush() {
    if (inFlight || queue.length === 0) return;
    inFlight = true;
    const batch = queue.splice(0, MAX_BATCH);
    const body = JSON.stringify(
      batch.map((c, i) => ({
        jsonrpc: "2.0",
        id: i,
        method: "eth_call",
        params: [{ to: c.at, data: encodeVerdictCall(c.tx) }, "latest"],
      })),
    );
    forwardRaw(body)
      .then(({ body: answer }) => {
        const parsed = JSON.parse(answer.toString("utf8")) as unknown;
        const byId = new Map<unknown, CheckAnswer>();
        if (Array.isArray(parsed)) for (const a of parsed as (CheckAnswer & { id: unknown })[]) byId.set(a.id, a);
        for (const [i, c] of batch.entries())
          c.resolve(byId.get(i) ?? { error: { message: "no answer in the batch" } });
      })
      .catch((error: Error) => {
        for (const c of batch) c.resolve({ error: { message: error.message } });
      })
      .finally(() => {
        inFlight = false;
        flush();
      });
  }

  async function check(tx: TransactionFacts, at: Address): Promise<JsonRpcResponse["error"] | undefined> {
    counters.checked++;
    const answer = await new Promise<CheckAnswer>((resolve) => {
      queue.push({ tx, at, resolve });
      // Let the checks of requests that arrived in the same tick join this batch.
      setImmediate(flush);
    });
    if (answer.error || typeof answer.result !== "string") {
      return {
        code: TRANSACTION_REFUSED,
        message: `transaction refused: the permissioning check failed (${answer.error?.message ?? "no result"})`,
      };
    }
    const verdict = decodeVerdict(answer.result as Hex);
    if (verdict === "Allowed") return undefined;
    return {
      code: TRANSACTION_REFUSED,
      message: `transaction refused: ${refusalMessage(verdict, tx)}`,
      data: { reason: verdict, sender: tx.sender, target: tx.target ?? null },
    };
  }

  /** Answers one JSON-RPC request (checking it first when it sends a transaction). */
  async function handleOne(message: unknown): Promise<JsonRpcResponse> {
    if (typeof message !== "object" || message === null || Array.isArray(message)) {
      return rpcError(null, -32600, "Invalid Request");
    }
    const m = message as JsonRpcRequest;
    const at = permissioning;
    if (at !== undefined && typeof m.method === "string" && SEND_METHODS.has(m.method)) {
      const params = Array.isArray(m.params) ? m.params : [];
      let tx: TransactionFacts;
      try {
        tx =
          m.method === "eth_sendRawTransaction"
            ? await factsOfRawTransaction(params[0])
            : factsOfTransactionObject(params[0]);
      } catch (error) {
        if (error instanceof TransactionDecodeError) return rpcError(m.id, -32602, error.message);
        throw error;
      }
      let refusal: JsonRpcResponse["error"];
      try {
        refusal = await check(tx, at);
      } catch (error) {
        refusal = {
          code: TRANSACTION_REFUSED,
          message: `transaction refused: the permissioning check failed (${(error as Error).message})`,
        };
      }
      if (refusal) {
        counters.refused++;
        return { jsonrpc: "2.0", id: m.id ?? null, error: refusal };
      }
    }
    return forward(m);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const reply = (status: number, body: string | Buffer) => {
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, corsHeaders());
      res.end();
      return;
    }
    if (req.method !== "POST") return reply(405, JSON.stringify(rpcError(null, -32600, "JSON-RPC needs POST")));
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) return reply(413, JSON.stringify(rpcError(null, -32600, "request too large")));
      chunks.push(chunk as Buffer);
    }
    const raw = Buffer.concat(chunks);
    counters.requests++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString("utf8"));
    } catch {
      return reply(200, JSON.stringify(rpcError(null, -32700, "Parse error")));
    }
    try {
      if (Array.isArray(parsed)) {
        if (parsed.length === 0) return reply(200, JSON.stringify(rpcError(null, -32600, "empty batch")));
        const answers = await Promise.all(parsed.map(handleOne));
        return reply(200, JSON.stringify(answers));
      }
      const method = (parsed as JsonRpcRequest | null)?.method;
      if (permissioning === undefined || typeof method !== "string" || !SEND_METHODS.has(method)) {
        // Reads (and everything while no permissioning is set) go through byte for byte.
        const answer = await forwardRaw(raw);
        return reply(answer.status, answer.body);
      }
      return reply(200, JSON.stringify(await handleOne(parsed)));
    } catch (error) {
      return reply(502, JSON.stringify(rpcError(null, -32603, `upstream failed: ${(error as Error).message}`)));
    }
  }

  const server = createServer((req, res) => {
    for (const [k, v] of Object.entries(corsHeaders())) res.setHeader(k, v);
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify(rpcError(null, -32603, error.message)));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    permissioningAddress: () => permissioning,
    setPermissioningAddress(next) {
      if (next !== undefined && !isAddress(next)) throw new TypeError(`not an address: ${next}`);
      permissioning = next === undefined ? undefined : getAddress(next);
    },
    stats: () => ({ ...counters }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
        agent.destroy();
      }),
  };
}

/** Answers a JSON-RPC body (one request or a batch) with an in-process provider. */
async function viaProvider(
  provider: Eip1193Provider,
  body: string | Buffer,
): Promise<{ status: number; body: Buffer }> {
  const one = async (m: JsonRpcRequest): Promise<JsonRpcResponse> => {
    try {
      const result = await provider.request({ method: String(m.method), params: m.params ?? [] });
      return { jsonrpc: "2.0", id: m.id ?? null, result };
    } catch (error) {
      const e = error as { code?: number; message?: string; data?: unknown };
      return rpcError(m.id, typeof e.code === "number" ? e.code : -32603, e.message ?? String(error), e.data);
    }
  };
  const parsed = JSON.parse(body.toString()) as JsonRpcRequest | JsonRpcRequest[];
  const answer = Array.isArray(parsed) ? await Promise.all(parsed.map(one)) : await one(parsed);
  return {
    status: 200,
    body: Buffer.from(JSON.stringify(answer, (_, v) => (typeof v === "bigint" ? `0x${v.toString(16)}` : v))),
  };
}

function corsHeaders(): Record<string, string> {
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "POST, OPTIONS",
    "access-control-allow-headers": "content-type",
  };
}
