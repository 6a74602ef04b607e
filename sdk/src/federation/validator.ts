import type { LocalAccount } from "viem";
import { messageDigest, signBridgeMessage, toJson } from "./message.ts";
import { type ChainEndpoint, scanSentMessages } from "./scan.ts";
import { DiskState } from "./store.ts";

export interface ValidatorOptions {
  account: LocalAccount;
  chains: ChainEndpoint[];
  /** Where signatures and cursors live; the relayer reads `signatures/<id>/` from the same place. */
  stateDir: string;
  /** Blocks behind the head a message must be before it is signed (finality). */
  confirmations: bigint;
  /** Most blocks scanned per chain per tick. */
  chunk?: bigint;
  log?: (line: string) => void;
}

/**
 * A federation validator: signs every message that is final on its source chain, once, and
 * stores the signature on disk. Idempotent and resumable: its cursor per chain is written only
 * after the signatures of the scanned range are on disk, and signing again yields the same file.
 */
export class Validator {
  private readonly state: DiskState;

  constructor(private readonly options: ValidatorOptions) {
    this.state = new DiskState(options.stateDir);
  }

  /** Scans each chain once; returns how many new signatures were written. */
  async tick(): Promise<number> {
    let written = 0;
    const me = this.options.account.address.toLowerCase();
    for (const chain of this.options.chains) {
      const cursorFile = `validators/${me}/cursor-${chain.chainId}.json`;
      const cursor = BigInt(this.state.readJson<string>(cursorFile) ?? "0");
      const head = await chain.publicClient.getBlockNumber();
      const final = head - this.options.confirmations;
      if (final < cursor) continue;
      const to = final < cursor + (this.options.chunk ?? 2_000n) ? final : cursor + (this.options.chunk ?? 2_000n);
      for (const sent of await scanSentMessages(chain, cursor, to)) {
        const file = `signatures/${sent.id}/${me}.json`;
        if (this.state.exists(file)) continue;
        const signature = await signBridgeMessage(this.options.account, sent.message);
        this.state.writeJson(
          file,
          toJson({
            id: sent.id,
            validator: this.options.account.address,
            signature,
            digest: messageDigest(sent.message),
          }),
        );
        written++;
      }
      this.state.writeJson(cursorFile, JSON.stringify((to + 1n).toString()));
    }
    if (written > 0) this.options.log?.(`validator ${this.options.account.address}: signed ${written} message(s)`);
    return written;
  }
}
