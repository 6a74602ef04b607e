import { expect } from "chai";
import { toEventSelector } from "viem";
import { AUDITED_EVENTS, decodeLog, TOPICS } from "../../sdk/src/audit/events.ts";
import { AUDIT_TABLE, auditAllows } from "../../sdk/src/audit/table.ts";
import * as abis from "../../sdk/src/generated/abis.ts";
import { Action, Kind } from "../../sdk/src/generated/enums.ts";

describe("auditor: table and event decoding", () => {
  it("audits exactly the events the contracts' ABIs declare", () => {
    const declared = new Set<string>();
    for (const abi of Object.values(abis))
      for (const item of abi as readonly { type: string; name?: string; inputs?: readonly { type: string }[] }[])
        if (item.type === "event") declared.add(`${item.name}(${(item.inputs ?? []).map((i) => i.type).join(",")})`);
    for (const signature of Object.values(AUDITED_EVENTS)) expect(declared, signature).to.include(signature);
    expect(TOPICS.Transfer).to.equal(toEventSelector("Transfer(address,address,uint256)"));
  });

  it("covers every action, and allows only what it lists", () => {
    expect(Object.keys(AUDIT_TABLE)).to.deep.equal([...Action]);
    const at = (a: string, f: string, t: string) =>
      auditAllows(Action.indexOf(a as never), Kind.indexOf(f as never), Kind.indexOf(t as never));
    expect(at("Transfer", "Person", "Person")).to.equal(true);
    expect(at("Transfer", "Person", "Company")).to.equal(false);
    expect(at("Deposit", "None", "Region")).to.equal(true);
    expect(at("Pooling", "None", "Region")).to.equal(false);
    expect(auditAllows(99, 1, 1)).to.equal(false);
  });

  it("decodes a Transfer only from the trusted emitter", () => {
    const log = {
      address: "0x00000000000000000000000000000000000000AA",
      topics: [TOPICS.Transfer, `0x${"00".repeat(12)}${"11".repeat(20)}`, `0x${"00".repeat(12)}${"22".repeat(20)}`],
      data: `0x${5n.toString(16).padStart(64, "0")}`,
      blockNumber: "0x10",
      transactionHash: `0x${"ab".repeat(32)}`,
      logIndex: "0x3",
    } as const;
    const trusted = new Map([["Transfer" as const, new Set(["0x00000000000000000000000000000000000000aa"])]]);
    expect(decodeLog(log, trusted)).to.deep.include({
      type: "Transfer",
      from: `0x${"11".repeat(20)}`,
      to: `0x${"22".repeat(20)}`,
      amount: 5n,
      blockNumber: 16,
      logIndex: 3,
    });
    expect(decodeLog(log, new Map()).type).to.equal("Other");
  });
});
