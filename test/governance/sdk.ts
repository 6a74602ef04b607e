import { expect } from "chai";
import { Command } from "commander";
import { type Address, createPublicClient, createWalletClient, custom, defineChain } from "viem";
import { castVote } from "../../sdk/src/governance/castVote.ts";
import { formatValue, parseChange, registerGovernanceCommands } from "../../sdk/src/governance/cli.ts";
import {
  GovernanceContractError,
  GovernanceInputError,
  ParameterOutOfBoundsError,
} from "../../sdk/src/governance/errors.ts";
import { execute } from "../../sdk/src/governance/execute.ts";
import { getParameters } from "../../sdk/src/governance/getParameters.ts";
import { getProposals } from "../../sdk/src/governance/getProposals.ts";
import { propose } from "../../sdk/src/governance/propose.ts";
import { queue } from "../../sdk/src/governance/queue.ts";
import type { Reader, Writer } from "../../sdk/src/governance/types.ts";
import { ONE } from "../helpers/region.ts";
import { connection, DAY, deployDirect, networkHelpers } from "./fixture.ts";

describe("SDK governance actions and CLI", () => {
  async function clients() {
    const g = await networkHelpers.loadFixture(deployDirect);
    const transport = custom(connection.provider);
    const reader = createPublicClient({ transport, pollingInterval: 20 }) as Reader;
    const chain = defineChain({
      id: await reader.getChainId(),
      name: "in-process region",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [] } },
    });
    const writerOf = (account: Address) =>
      createWalletClient({ account, chain, transport, pollingInterval: 20 }) as unknown as Writer;
    const addresses = {
      governor: (await g.governor.getAddress()) as Address,
      regionParameters: (await g.regionParameters.getAddress()) as Address,
    };
    return { ...g, reader, writerOf, addresses };
  }

  it("reads every parameter with its bounds and history", async () => {
    const c = await clients();
    const params = await getParameters(c.reader, { regionParameters: c.addresses.regionParameters });
    expect(params).to.have.length(19);
    const tax = params.find((p) => p.param === "SalesTaxRate");
    expect(tax?.value).to.equal((ONE * 8n) / 100n);
    expect(tax?.unit).to.equal("Fraction");
    expect([tax?.min, tax?.max]).to.deep.equal([0n, ONE]);
    expect(tax?.history.map((h) => h.newValue)).to.deep.equal([(ONE * 8n) / 100n]);
  });

  it("refuses bad input and out-of-bound values before sending anything", async () => {
    const c = await clients();
    const writer = c.writerOf(c.members[0].address as Address);
    const nonce = await c.reader.getTransactionCount({ address: c.members[0].address as Address });
    await expect(propose(c.reader, writer, { ...c.addresses, changes: [], description: "empty" })).to.be.rejectedWith(
      GovernanceInputError,
    );
    await expect(
      propose(c.reader, writer, {
        ...c.addresses,
        changes: [{ param: "SalesTaxRate", value: ONE }],
        description: "  ",
      }),
    ).to.be.rejectedWith(GovernanceInputError);
    const refused = await propose(c.reader, writer, {
      ...c.addresses,
      changes: [{ param: "UbiPeriod", value: 60n }],
      description: "UBI every minute",
    }).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(ParameterOutOfBoundsError);
    expect(refused).to.include({ param: "UbiPeriod", value: 60n, min: 86_400n, max: 366n * 86_400n });
    expect(await c.reader.getTransactionCount({ address: c.members[0].address as Address })).to.equal(nonce);
  });

  it("runs a proposal from propose to execute, with typed contract errors on the way", async () => {
    const c = await clients();
    const [m1, m2, m3] = c.members.map((m) => c.writerOf(m.address as Address));
    const { proposalId } = await propose(c.reader, m1, {
      ...c.addresses,
      changes: [
        { param: "SalesTaxRate", value: ONE / 20n },
        { param: "UbiAmount", value: 250n * ONE },
      ],
      description: "Lower sales tax, raise UBI",
    });
    let [p] = await getProposals(c.reader, c.addresses);
    expect(p.proposalId).to.equal(proposalId);
    expect(p.state).to.equal("Pending");
    expect(p.changes).to.deep.equal([
      { param: "SalesTaxRate", value: ONE / 20n },
      { param: "UbiAmount", value: 250n * ONE },
    ]);
    await networkHelpers.time.increase(DAY + 1n);
    await castVote(c.reader, m1, { governor: c.addresses.governor, proposalId, support: "for" });
    await castVote(c.reader, m2, { governor: c.addresses.governor, proposalId, support: "for", reason: "yes" });
    await castVote(c.reader, m3, { governor: c.addresses.governor, proposalId, support: "against" });
    const again = await castVote(c.reader, m1, { governor: c.addresses.governor, proposalId, support: "for" }).catch(
      (e: unknown) => e,
    );
    expect(again).to.be.instanceOf(GovernanceContractError);
    expect((again as GovernanceContractError).errorName).to.equal("RegionGovernorAlreadyVoted");
    const outsider = c.writerOf(c.outsider.address as Address);
    const stranger = await castVote(c.reader, outsider, {
      governor: c.addresses.governor,
      proposalId,
      support: "for",
    }).catch((e: unknown) => e);
    expect((stranger as GovernanceContractError).errorName).to.equal("RegionGovernorNotAMember");
    expect((stranger as GovernanceContractError).args).to.deep.equal([c.outsider.address]);

    await networkHelpers.time.increase(7n * DAY);
    [p] = await getProposals(c.reader, { ...c.addresses, states: ["Succeeded"] });
    expect(p.votes).to.deep.equal({ against: 1n, for: 2n, abstain: 0n });
    await queue(c.reader, outsider, { ...c.addresses, proposalId });
    const early = await execute(c.reader, outsider, { ...c.addresses, proposalId }).catch((e: unknown) => e);
    expect((early as GovernanceContractError).errorName).to.equal("TimelockUnexpectedOperationState");
    await networkHelpers.time.increase(2n * DAY);
    await execute(c.reader, outsider, { ...c.addresses, proposalId });
    [p] = await getProposals(c.reader, c.addresses);
    expect(p.state).to.equal("Executed");
    const params = await getParameters(c.reader, { regionParameters: c.addresses.regionParameters });
    expect(params.find((x) => x.param === "SalesTaxRate")?.history.map((h) => h.newValue)).to.deep.equal([
      (ONE * 8n) / 100n,
      ONE / 20n,
    ]);
  });

  it("parses CLI changes in people's units", () => {
    expect(parseChange("SalesTaxRate=7.5%")).to.deep.equal({ param: "SalesTaxRate", value: 75n * 10n ** 15n });
    expect(parseChange("UbiPeriod=30d")).to.deep.equal({ param: "UbiPeriod", value: 30n * 86_400n });
    expect(parseChange("UbiAmount=200rsc")).to.deep.equal({ param: "UbiAmount", value: 200n * ONE });
    expect(parseChange("HigherEducationPriorityYears=5")).to.deep.equal({
      param: "HigherEducationPriorityYears",
      value: 5n,
    });
    expect(() => parseChange("Nope=1")).to.throw(GovernanceInputError, /unknown parameter/);
    expect(() => parseChange("SalesTaxRate=lots")).to.throw(GovernanceInputError);
    expect(formatValue(ONE / 20n, "Fraction")).to.equal("5 %");
  });

  it("runs `conductor params` and `conductor proposals` through commander", async () => {
    const c = await clients();
    const program = new Command().exitOverride();
    registerGovernanceCommands(program, async () => ({ reader: c.reader, addresses: c.addresses }));
    const lines: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => lines.push(args.join(" "));
    try {
      await program.parseAsync(["node", "conductor", "params", "--history"]);
      await program.parseAsync(["node", "conductor", "proposals"]);
    } finally {
      console.log = log;
    }
    expect(lines).to.include("SalesTaxRate: 8 % [0 % … 100 %]");
    expect(lines.some((l) => l.startsWith("UbiPeriod: 30 d"))).to.equal(true);
    await expect(program.parseAsync(["node", "conductor", "vote", "1", "for"])).to.be.rejectedWith(
      GovernanceInputError,
      /CONDUCTOR_PRIVATE_KEY/,
    );
  });
});
