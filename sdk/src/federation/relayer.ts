import { type Account, BaseError, type Chain, type Hex, type Transport, type WalletClient } from "viem";
import { bridgeGatewayAbi } from "../generated/abis.ts";
import {
  type BridgeMessage,
  MessageKind,
  messageFromJson,
  packSignatures,
  StoredSignature,
  toJson,
} from "./message.ts";
import { type ChainEndpoint, scanSentMessages } from "./scan.ts";
import { DiskState } from "./store.ts";

export interface RelayerChain extends ChainEndpoint {
  walletClient: WalletClient<Transport, Chain, Account>;
}

export interface RelayerOptions {
  chains: RelayerChain[];
  stateDir: string;
  chunk?: bigint;
  /** Most deliveries attempted per tick (default 64). */
  batch?: number;
  log?: (line: string) => void;
}

export interface RelayerTick {
  discovered: number;
  delivered: number;
  alreadyDelivered: number;
  waitingForSignatures: number;
  failed: number;
}

/**
 * The federation relayer: discovers sent messages on every chain, collects the validators'
 * signatures from disk and delivers each message to its destination once.
 *
 * Crash safety: a discovered message is written to `pending/<id>.json` before the chain's cursor
 * advances; a pending file is removed only after the destination reports the id processed. A
 * relayer killed at any instant therefore loses nothing (pending files and cursors survive) and
 * delivers nothing twice (the gateway processes each id once, and the relayer asks it first).
 */
export class Relayer {
  private readonly state: DiskState;
  private readonly byChainId: Map<bigint, RelayerChain>;

  constructor(private readonly options: RelayerOptions) {
    this.state = new DiskState(options.stateDir);
    this.byChainId = new Map(options.chains.map((c) => [c.chainId, c]));
  }

  async tick(): Promise<RelayerTick> {
    const result: RelayerTick = {
      discovered: 0,
      delivered: 0,
      alreadyDelivered: 0,
      waitingForSignatures: 0,
      failed: 0,
    };
    this.nonces.clear();
    for (const chain of this.options.chains) result.discovered += await this.discover(chain);
    const pending = this.state.list("pending").slice(0, this.options.batch ?? 64);
    // Deliveries in one tick go out concurrently (one nonce each); each is finished only after its receipt.
    const outcomes = await Promise.all(
      pending.map(async (file) => {
        const id = file.replace(/\.json$/, "") as Hex;
        const stored = this.state.readJson<Record<string, string | number>>(`pending/${file}`);
        return stored ? this.deliver(id, messageFromJson(stored)) : ("failed" as const);
      }),
    );
    for (const outcome of outcomes) result[outcome]++;
    if (result.delivered + result.failed > 0) {
      this.options.log?.(
        `relayer: delivered ${result.delivered}, already ${result.alreadyDelivered}, waiting ${result.waitingForSignatures}, failed ${result.failed}`,
      );
    }
    return result;
  }

  private async discover(chain: RelayerChain): Promise<number> {
    const cursorFile = `relayer/cursor-${chain.chainId}.json`;
    const cursor = BigInt(this.state.readJson<string>(cursorFile) ?? "0");
    const head = await chain.publicClient.getBlockNumber();
    if (head < cursor) return 0;
    const chunk = this.options.chunk ?? 2_000n;
    const to = head < cursor + chunk ? head : cursor + chunk;
    const sent = await scanSentMessages(chain, cursor, to);
    for (const s of sent) {
      if (!this.state.exists(`pending/${s.id}.json`) && !this.state.exists(`delivered/${s.id}`)) {
        this.state.writeJson(`pending/${s.id}.json`, toJson(s.message));
      }
    }
    this.state.writeJson(cursorFile, JSON.stringify((to + 1n).toString()));
    return sent.length;
  }

  private async deliver(id: Hex, message: BridgeMessage): Promise<keyof RelayerTick> {
    const dst = this.byChainId.get(message.dstChainId);
    if (!dst) return "failed";
    const processed = await dst.publicClient.readContract({
      address: dst.gateway,
      abi: bridgeGatewayAbi,
      functionName: "isProcessed",
      args: [message.srcChainId, message.nonce],
    });
    if (processed) {
      this.finish(id);
      return "alreadyDelivered";
    }
    const [validators, threshold] = await dst.publicClient.readContract({
      address: dst.gateway,
      abi: bridgeGatewayAbi,
      functionName: "validators",
    });
    const current = new Set(validators.map((v) => v.toLowerCase()));
    const signatures = this.state
      .list(`signatures/${id}`)
      .map((f) => StoredSignature.safeParse(this.state.readJson(`signatures/${id}/${f}`)))
      .filter((p) => p.success && current.has(p.data.validator.toLowerCase()))
      .map((p) => (p as { data: StoredSignature }).data);
    if (signatures.length < threshold) return "waitingForSignatures";
    const chosen = [...signatures]
      .sort((a, b) => (BigInt(a.validator) < BigInt(b.validator) ? -1 : 1))
      .slice(0, Number(threshold));
    try {
      const args = [message, packSignatures(chosen)] as const;
      // Simulate first (a revert costs nothing and names its reason), then send with the next nonce.
      await dst.publicClient.simulateContract({
        address: dst.gateway,
        abi: bridgeGatewayAbi,
        functionName: "receiveMessage",
        args,
        account: dst.walletClient.account,
      });
      const nonce = await this.nextNonce(dst);
      const hash = await dst.walletClient.writeContract({
        address: dst.gateway,
        abi: bridgeGatewayAbi,
        functionName: "receiveMessage",
        args,
        nonce,
        // A purchase forwards a fixed gas budget to the seller region's marketplace (PURCHASE_GAS).
        gas: message.kind === MessageKind.indexOf("Purchase") ? 800_000n : 400_000n,
      });
      const receipt = await dst.publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== "success") return "failed";
      this.finish(id);
      return "delivered";
    } catch (error) {
      const text = error instanceof BaseError ? error.shortMessage : String(error);
      if (text.includes("BridgeGatewayAlreadyProcessed")) {
        this.finish(id);
        return "alreadyDelivered";
      }
      this.options.log?.(`relayer: ${id} not delivered yet: ${text}`);
      return "failed";
    }
  }

  private readonly nonces = new Map<bigint, Promise<number>>();

  /** Hands out consecutive nonces per chain to concurrent deliveries (re-read from the node each tick). */
  private nextNonce(chain: RelayerChain): Promise<number> {
    const previous = this.nonces.get(chain.chainId);
    const next = (async () => {
      if (previous) return (await previous) + 1;
      return chain.publicClient.getTransactionCount({
        address: chain.walletClient.account.address,
        blockTag: "pending",
      });
    })();
    this.nonces.set(chain.chainId, next);
    return next;
  }

  private finish(id: Hex): void {
    this.state.writeJson(`delivered/${id}`, "1");
    this.state.remove(`pending/${id}.json`);
  }
}
