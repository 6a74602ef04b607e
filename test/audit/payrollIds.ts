import { expect } from "chai";
import { type Hex, toEventSelector } from "viem";
import { PAYROLL_EVENTS, payrollRule } from "../../sdk/src/audit/rules/payroll.ts";
import type { RuleContext } from "../../sdk/src/audit/rules/rule.ts";
import type { AuditEvent, TxEvents } from "../../sdk/src/audit/types.ts";
import { employmentIdOf } from "../../sdk/src/payroll/employments.ts";

const PAYROLL = "0x00000000000000000000000000000000000000aa";
const SCHEDULE = "0x00000000000000000000000000000000000000bb";
const COMPANY = "0x1111111111111111111111111111111111111111";
const OTHER = "0x2222222222222222222222222222222222222222";
const WORKER = "0x3333333333333333333333333333333333333333";
const word = (v: bigint | string) => `0x${BigInt(v).toString(16).padStart(64, "0")}` as Hex;
const data = (...words: bigint[]) => `0x${words.map((w) => word(w).slice(2)).join("")}` as Hex;

/**
 * The wage rule's check on `Hired` ids, fed the logs a Payroll would emit (a real Payroll cannot
 * emit a wrong id, so the logs are written here): the id must carry the company of its `Hired`
 * event (`id >> 96`) and be new.
 */
describe("auditor: the wage rule checks that every employment id carries its company", () => {
  let logIndex = 0;
  const at = (address: string, name: keyof typeof PAYROLL_EVENTS, topics: Hex[], payload: Hex): AuditEvent => ({
    type: "Other",
    address,
    blockNumber: 1,
    txHash: word(1n),
    logIndex: logIndex++,
    topics: [toEventSelector(PAYROLL_EVENTS[name]), ...topics],
    data: payload,
  });
  const run = (events: AuditEvent[]) => {
    const rule = payrollRule({ payroll: PAYROLL, wageSchedule: SCHEDULE });
    const reports: { expected: string; found: string }[] = [];
    const ctx = {
      ledger: undefined,
      addresses: undefined,
      report: (_a, expected, found) => reports.push({ expected, found }),
    };
    const tx: TxEvents = { blockNumber: 1, txHash: word(1n), events, timestamp: 1_000 };
    for (const [i, ev] of events.entries()) rule.onEvent?.(ev, i, tx, ctx as unknown as RuleContext);
    return reports;
  };
  const epoch = () =>
    at(SCHEDULE, "WageEpochStarted", [word(1n), word(0n)], data(10n ** 18n, 10n ** 18n, 0n, 0n, 2n * 10n ** 17n));
  const hired = (id: bigint, company: string) =>
    at(PAYROLL, "Hired", [word(id), word(WORKER), word(company)], data(1n, 5n * 10n ** 17n, 0n));

  it("passes an id made of its company and sequence number", () => {
    expect(run([epoch(), hired(employmentIdOf(COMPANY, 1n), COMPANY)])).to.deep.equal([]);
  });

  it("reports an id naming another company than the one that hired", () => {
    const reports = run([epoch(), hired(employmentIdOf(OTHER, 1n), COMPANY)]);
    expect(reports).to.deep.equal([{ expected: `an employment id carrying its company ${COMPANY}`, found: OTHER }]);
  });

  it("reports an id hired twice", () => {
    const id = employmentIdOf(COMPANY, 1n);
    const reports = run([epoch(), hired(id, COMPANY), hired(id, COMPANY)]);
    expect(reports).to.deep.equal([{ expected: "a new employment id", found: `${id}, hired before` }]);
  });
});
