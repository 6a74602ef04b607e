/**
 * What every keeper shares: a pass run now and every `intervalMs`, never overlapping the previous
 * one, and a transaction retried with backoff before it is left for the next pass.
 */
import type { Abi, Address, TransactionReceipt } from "viem";
import { type ConductorClient, requireWallet } from "../../sdk/src/client.ts";

export type KeeperLog = (level: "info" | "warn" | "error", message: string) => void;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first line of an error, for a log line. */
export const firstLine = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0] : String(error));

export type RetryOptions = {
  /** Attempts before giving up until the next pass (default 3). */
  attempts?: number;
  /** Milliseconds before the first retry; doubles each time (default 1,000). */
  retryDelayMs?: number;
};

/**
 * Runs `send` up to `attempts` times, waiting `retryDelayMs`, then twice that, between attempts.
 * Returns its result, or the last error's first line when every attempt failed.
 */
export async function withRetry<T>(
  send: () => Promise<T>,
  what: string,
  log: KeeperLog,
  { attempts = 3, retryDelayMs = 1_000 }: RetryOptions = {},
): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await send() };
    } catch (error) {
      const message = firstLine(error);
      if (attempt >= attempts) {
        log("error", `${what} failed ${attempts} times: ${message}; retried next pass`);
        return { ok: false, reason: message };
      }
      log("warn", `${what} failed (attempt ${attempt}/${attempts}): ${message}; retrying`);
      await sleep(retryDelayMs * 2 ** (attempt - 1));
    }
  }
}

/**
 * Runs `pass` now and every `intervalMs` until `stop()` is called. A pass never overlaps the
 * previous one; a pass that throws is logged and the next one runs on time.
 */
export function startLoop(pass: () => Promise<unknown>, intervalMs: number, log: KeeperLog) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const run = async () => {
    if (stopped) return;
    running = pass().catch((error) => log("error", `pass failed: ${String(error)}`));
    await running;
    if (!stopped) timer = setTimeout(run, intervalMs);
  };
  void run();
  return {
    /** Stops after the pass in progress, if any. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Sends `call` (a contract write: address, abi, functionName, args) from the client's wallet and
 * waits for it; returns the receipt, or throws when the transaction reverted.
 */
export async function sendAndWait(
  client: ConductorClient,
  call: { address: Address; abi: Abi; functionName: string; args: readonly unknown[] },
): Promise<TransactionReceipt> {
  const hash = await requireWallet(client).writeContract(call as never);
  const receipt = await client.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${call.functionName} ${hash} reverted`);
  return receipt;
}
