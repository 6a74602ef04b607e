import { z } from "zod";
import { Param } from "../generated/enums.ts";
import type { AuditEvent } from "./types.ts";

export const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
export const ONE = 10n ** 18n;
const UBI_ACTION = 7;

/** What the auditor knows about one account, rebuilt from logs only. */
export interface AccountState {
  balance: bigint;
  kind: number;
  suspended: boolean;
  /** Person: member id. Module, Region, Bridge: permission mask. */
  tag: bigint;
}

/** A redemption escrowed in the reserve and not yet paid or refunded. */
export interface PendingRedemption {
  holder: string;
  amount: bigint;
  usdAmount: bigint;
}

/** The index of each parameter, as the contracts number them. */
export const PARAM: Readonly<Record<Param, number>> = Object.fromEntries(Param.map((p, i) => [p, i])) as Record<
  Param,
  number
>;

/**
 * The region's state rebuilt from the chain's logs: accounts, supply, parameters in force,
 * attested reserves, pending redemptions and each member's next UBI claim time. Its size grows
 * with the number of accounts and members, never with the number of logs.
 */
export class Ledger {
  readonly accounts = new Map<string, AccountState>();
  totalSupply = 0n;
  /** Σ balances, kept separately from the supply (mints/burns) so the two can be compared. */
  sumBalances = 0n;
  readonly params: bigint[] = Param.map(() => 0n);
  usdReserves = 0n;
  readonly redemptions = new Map<string, PendingRedemption>();
  /** member id → unix time of the earliest next UBI claim. */
  readonly ubiNextClaimAt = new Map<string, number>();

  account(address: string): AccountState {
    let a = this.accounts.get(address);
    if (a === undefined) {
      a = { balance: 0n, kind: 0, suspended: false, tag: 0n };
      this.accounts.set(address, a);
    }
    return a;
  }

  /** The account if known, without creating it. */
  peek(address: string): AccountState | undefined {
    return this.accounts.get(address);
  }

  param(p: Param): bigint {
    return this.params[PARAM[p]];
  }

  /** Applies what `event` says happened (`timestamp`: its block's time, needed for UBI). Rules run before this, against the state just before the event. */
  apply(event: AuditEvent, timestamp = 0): void {
    switch (event.type) {
      case "ActionPerformed":
        if (event.action === UBI_ACTION) {
          const memberId = (this.accounts.get(event.to)?.tag ?? 0n).toString();
          this.ubiNextClaimAt.set(memberId, timestamp + Number(this.param("UbiPeriod")));
        }
        return;
      case "Transfer": {
        if (event.from === ZERO_ADDRESS) this.totalSupply += event.amount;
        else {
          this.account(event.from).balance -= event.amount;
          this.sumBalances -= event.amount;
        }
        if (event.to === ZERO_ADDRESS) this.totalSupply -= event.amount;
        else {
          this.account(event.to).balance += event.amount;
          this.sumBalances += event.amount;
        }
        return;
      }
      case "AccountRegistered": {
        // The token keeps the balance and resets everything else (suspension included).
        const a = this.account(event.account);
        a.kind = event.kind;
        a.tag = event.tag;
        a.suspended = false;
        return;
      }
      case "AccountSuspensionChanged":
        this.account(event.account).suspended = event.suspended;
        return;
      case "AccountRecovered": {
        // The Transfer before this event moved the balance; the kind, tag and suspension move now.
        const from = this.account(event.from);
        const to = this.account(event.to);
        to.kind = from.kind;
        to.tag = from.tag;
        to.suspended = from.suspended;
        from.kind = 0;
        from.tag = 0n;
        from.suspended = false;
        // A pending redemption follows its holder's new key: a refund goes there (Reserve).
        for (const r of this.redemptions.values()) if (r.holder === event.from) r.holder = event.to;
        return;
      }
      case "ParameterChanged":
        if (event.param < this.params.length) this.params[event.param] = event.newValue;
        return;
      case "ReservesAttested":
        this.usdReserves = event.usdReserves;
        return;
      case "RedemptionRequested":
        this.redemptions.set(event.redemptionId.toString(), {
          holder: event.holder,
          amount: event.amount,
          usdAmount: event.usdAmount,
        });
        return;
      case "RedemptionPaid": {
        // The contract lowers the attested USD by what was paid out (no separate event).
        const r = this.redemptions.get(event.redemptionId.toString());
        if (r !== undefined) this.usdReserves = this.usdReserves > r.usdAmount ? this.usdReserves - r.usdAmount : 0n;
        this.redemptions.delete(event.redemptionId.toString());
        return;
      }
      case "RedemptionRefunded":
        this.redemptions.delete(event.redemptionId.toString());
        return;
      default:
        return;
    }
  }

  toJSON(): LedgerJson {
    return {
      accounts: [...this.accounts].map(([address, a]) => [
        address,
        a.balance.toString(),
        a.kind,
        a.suspended,
        a.tag.toString(),
      ]),
      totalSupply: this.totalSupply.toString(),
      sumBalances: this.sumBalances.toString(),
      params: this.params.map(String),
      usdReserves: this.usdReserves.toString(),
      redemptions: [...this.redemptions].map(([id, r]) => [id, r.holder, r.amount.toString(), r.usdAmount.toString()]),
      ubiNextClaimAt: [...this.ubiNextClaimAt],
    };
  }

  static fromJSON(json: LedgerJson): Ledger {
    const l = new Ledger();
    for (const [address, balance, kind, suspended, tag] of json.accounts)
      l.accounts.set(address, { balance: BigInt(balance), kind, suspended, tag: BigInt(tag) });
    l.totalSupply = BigInt(json.totalSupply);
    l.sumBalances = BigInt(json.sumBalances);
    json.params.forEach((v, i) => {
      l.params[i] = BigInt(v);
    });
    l.usdReserves = BigInt(json.usdReserves);
    for (const [id, holder, amount, usdAmount] of json.redemptions)
      l.redemptions.set(id, { holder, amount: BigInt(amount), usdAmount: BigInt(usdAmount) });
    for (const [id, at] of json.ubiNextClaimAt) l.ubiNextClaimAt.set(id, at);
    return l;
  }
}

const bigintString = z.string().regex(/^-?\d+$/, "an integer in decimal");

/** The ledger as stored in the cache file (bigints as decimal strings). */
export const LedgerJsonSchema = z.object({
  accounts: z.array(z.tuple([z.string(), bigintString, z.number().int(), z.boolean(), bigintString])),
  totalSupply: bigintString,
  sumBalances: bigintString,
  params: z.array(bigintString),
  usdReserves: bigintString,
  redemptions: z.array(z.tuple([z.string(), z.string(), bigintString, bigintString])),
  ubiNextClaimAt: z.array(z.tuple([z.string(), z.number()])),
});

export type LedgerJson = z.infer<typeof LedgerJsonSchema>;
