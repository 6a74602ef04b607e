import { expect } from "chai";
import type { Hex } from "viem";
import { payrollRule } from "../../sdk/src/audit/rules/payroll.ts";
import type { RuleContext } from "../../sdk/src/audit/rules/rule.ts";
import type { AuditEvent, TxEvents } from "../../sdk/src/audit/types.ts";
import { employmentIdOf } from "../../sdk/src/payroll/employments.ts";

const ONE = 10n ** 18n;
const PAYROLL = "0x00000000000000000000000000000000000000aa";
const SCHEDULE = "0x00000000000000000000000000000000000000bb";
const POOL = "0x00000000000000000000000000000000000000cc";
const MOVER = "0x00000000000000000000000000000000000000dd";
const COMPANY = "0x1111111111111111111111111111111111111111";
const WORKER = "0x3333333333333333333333333333333333333333";
const STRANGER = "0x4444444444444444444444444444444444444444";
const ID = employmentIdOf(COMPANY, 1n);
const word = (v: bigint | string) => `0x${BigInt(v).toString(16).padStart(64, "0")}` as Hex;

/**
 * The wage rule's check of payments, which Payroll records through the token alone: a Wage (net,
 * company → worker) and, two logs later, an IncomeTax (tax, company → pool), ref = the employment
 * id. The employment (100 RSC accrued, nothing paid) is loaded as saved state; the token's events are
 * written here, as a faulty token or module would emit them.
 */
describe("auditor: the wage rule checks each payment from the token's Wage and IncomeTax", () => {
  let logIndex = 0;
  const move = (action: 3 | 4, to: string, amount: bigint, from = COMPANY, ref = ID, gap = 2): AuditEvent => {
    logIndex += gap;
    return {
      type: "ActionPerformed",
      address: "0xrsc",
      blockNumber: 1,
      txHash: word(1n),
      logIndex,
      action,
      from,
      to,
      amount,
      ref: word(ref),
    };
  };
  const wage = (net: bigint, to = WORKER) => move(3, to, net);
  const tax = (amount: bigint) => move(4, POOL, amount);

  /** Runs `txs` (each a list of events) through the rule; the company held `balance` before each. */
  const run = (txs: AuditEvent[][], { balance = 1_000n * ONE, rate = (ONE * 15n) / 100n } = {}) => {
    const rule = payrollRule({ payroll: PAYROLL, wageSchedule: SCHEDULE });
    rule.load({
      employments: [
        [
          ID.toString(),
          {
            worker: WORKER,
            company: COMPANY,
            occupationId: 1,
            productivity: `${ONE / 2n}`,
            epoch: 0,
            fromIndex: "0",
            settledAt: "0",
            onShift: false,
            timesheet: true,
            ended: false,
            accrued: `${100n * ONE}`,
            paid: "0",
            pending: "0",
          },
        ],
      ],
      epochs: [],
    });
    const reports: { expected: string; found: string }[] = [];
    let held = balance;
    const ctx = {
      // The token applied each move's Transfer before its ActionPerformed.
      ledger: { peek: () => ({ balance: held }), param: () => rate },
      addresses: { capitalPool: POOL },
      report: (_a: unknown, expected: string, found: string) => reports.push({ expected, found }),
    } as unknown as RuleContext;
    for (const events of txs) {
      held = balance;
      const tx: TxEvents = { blockNumber: 1, txHash: word(1n), events, timestamp: 1_000 };
      for (const [i, ev] of events.entries()) {
        if (ev.type === "ActionPerformed") held -= ev.amount;
        rule.onEvent?.(ev, i, tx, ctx);
      }
      rule.onTxEnd?.(tx, ctx);
    }
    return reports;
  };

  it("passes a payment of what is owed, net and tax, and one the company's balance limits", () => {
    expect(run([[wage(85n * ONE), tax(15n * ONE)]])).to.deep.equal([]);
    expect(
      run(
        [
          [wage(17n * ONE), tax(3n * ONE)],
          [wage(68n * ONE), tax(12n * ONE)],
        ],
        { balance: 20n * ONE },
      ),
    ).to.deep.equal([
      { expected: `gross ${20n * ONE} = min(owed ${80n * ONE}, company balance ${20n * ONE})`, found: `${80n * ONE}` },
    ]);
  });

  it("reads a payment with no tax (Wage alone) and one wholly withheld (IncomeTax alone)", () => {
    expect(run([[wage(100n * ONE)]], { rate: 0n })).to.deep.equal([]);
    expect(run([[tax(100n * ONE)]], { rate: ONE })).to.deep.equal([]);
  });

  it("catches a wrong income tax on a payment", () => {
    expect(run([[wage(90n * ONE), tax(10n * ONE)]])).to.deep.equal([
      {
        expected: `tax ${15n * ONE} and net ${85n * ONE} of gross ${100n * ONE}`,
        found: `tax ${10n * ONE}, net ${90n * ONE}`,
      },
    ]);
  });

  it("catches a payment beyond what was earned, and the debt paid twice", () => {
    expect(run([[wage(102n * ONE), tax(18n * ONE)]])).to.deep.equal([
      { expected: `gross ≤ owed ${100n * ONE} (accrued ${100n * ONE} − paid 0)`, found: `${120n * ONE}` },
    ]);
    expect(
      run([
        [wage(85n * ONE), tax(15n * ONE)],
        [wage(85n * ONE), tax(15n * ONE)],
      ]),
    ).to.deep.equal([
      { expected: `gross ≤ owed 0 (accrued ${100n * ONE} − paid ${100n * ONE})`, found: `${100n * ONE}` },
    ]);
  });

  it("catches a wage to anyone but the worker, a move of no employment, and a second mover allowed wages", () => {
    expect(run([[wage(85n * ONE, STRANGER), tax(15n * ONE)]])).to.deep.equal([
      { expected: `paid to the worker ${WORKER}`, found: STRANGER },
    ]);
    const unknown = move(3, WORKER, ONE, COMPANY, ID + 1n);
    expect(run([[unknown]])).to.deep.equal([
      {
        expected: "a payment of a Payroll employment (ref = its id, from its company)",
        found: `Wage ${ONE} from ${COMPANY}, ref ${ID + 1n}`,
      },
    ]);
    const registered = (account: string): AuditEvent => ({
      type: "AccountRegistered",
      address: "0xrsc",
      blockNumber: 1,
      txHash: word(1n),
      logIndex: 0,
      account,
      kind: 6 /* Module */,
      tag: (1n << 3n) | (1n << 4n),
    });
    expect(run([[registered(PAYROLL), registered(MOVER)]])).to.deep.equal([
      { expected: "Wage and IncomeTax allowed to the Payroll alone", found: `allowed to ${MOVER}` },
    ]);
  });

  it("does not join an IncomeTax to a Wage it does not follow (two payments, each checked)", () => {
    // Two logs apart is the one moveTaxed; farther apart they are two payments: 85 without tax
    // (and short of the 100 owed with funds to spare), then 15 all tax.
    const first = wage(85n * ONE);
    const second = move(4, POOL, 15n * ONE, COMPANY, ID, 4);
    const reports = run([[first, second]]);
    expect(reports.map((r) => r.found)).to.deep.equal([
      `tax 0, net ${85n * ONE}`,
      `${85n * ONE}`,
      `tax ${15n * ONE}, net 0`,
    ]);
  });
});
