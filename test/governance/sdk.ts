import { expect } from "chai";
import { Command } from "commander";
import { type Address, createPublicClient, createWalletClient, custom, defineChain, type PublicClient } from "viem";
import type { ConductorClient } from "../../sdk/src/client.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { ConductorContractError, ConductorInputError } from "../../sdk/src/errors.ts";
import { castVote } from "../../sdk/src/governance/castVote.ts";
import { formatValue, parseChange, registerGovernanceCommands } from "../../sdk/src/governance/cli.ts";
import { encodeCouncilProposal } from "../../sdk/src/governance/encodeCouncilProposal.ts";
import { ParameterOutOfBoundsError } from "../../sdk/src/governance/errors.ts";
import { execute } from "../../sdk/src/governance/execute.ts";
import { getParameters } from "../../sdk/src/governance/getParameters.ts";
import { getProposals } from "../../sdk/src/governance/getProposals.ts";
import { propose } from "../../sdk/src/governance/propose.ts";
import { queue } from "../../sdk/src/governance/queue.ts";
import { ONE } from "../helpers/region.ts";
import { execSafe } from "../helpers/safe.ts";
import { connection, DAY, deployDirect, deployRepresentative, networkHelpers } from "./fixture.ts";

describe("SDK governance actions and CLI", () => {
  async function clients(fixture: typeof deployDirect = deployDirect) {
    const g = await networkHelpers.loadFixture(fixture);
    const chain = defineChain({
      id: 31337,
      name: "test region",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: ["http://127.0.0.1:1"] } },
    });
    const transport = custom(connection.provider);
    const publicClient = createPublicClient({ chain, transport, pollingInterval: 20 }) as PublicClient;
    const contracts: Record<string, Address> = {};
    for (const [name, contract] of Object.entries({
      RSC: g.rsc,
      Registry: g.registry,
      RegionParameters: g.regionParameters,
      Reserve: g.reserve,
      CapitalPool: g.capitalPool,
      Custodians: g.custodians,
      Governor: g.governor,
      Timelock: g.timelock,
    })) {
      contracts[name] = (await contract.getAddress()) as Address;
    }
    const deployment: Deployment = { chainId: 31337, regionName: "Test", startBlock: 0, contracts };
    const as = (signer: { address: string }): ConductorClient => {
      const walletClient = createWalletClient({
        chain,
        transport,
        account: signer.address as Address,
        pollingInterval: 20,
      });
      return { publicClient, walletClient, account: walletClient.account, deployment, chain } as ConductorClient;
    };
    const reader = { publicClient, deployment, chain } as ConductorClient;
    return { ...g, as, reader };
  }

  it("reads every parameter with its bounds and history", async () => {
    const c = await clients();
    const params = await getParameters(c.reader);
    expect(params).to.have.length(19);
    const tax = params.find((p) => p.param === "SalesTaxRate");
    expect(tax?.value).to.equal((ONE * 8n) / 100n);
    expect(tax?.unit).to.equal("Fraction");
    expect([tax?.min, tax?.max]).to.deep.equal([0n, ONE]);
    expect(tax?.history.map((h) => h.newValue)).to.deep.equal([(ONE * 8n) / 100n]);
  });

  it("refuses bad input and out-of-bound values before sending anything", async () => {
    const c = await clients();
    const writer = c.as(c.members[0]);
    const count = () => c.reader.publicClient.getTransactionCount({ address: c.members[0].address as Address });
    const nonce = await count();
    const empty = await propose(writer, { changes: [], description: "empty" }).catch((e: unknown) => e);
    expect(empty).to.be.instanceOf(ConductorInputError);
    expect((empty as ConductorInputError).message).to.match(/at least one parameter/);
    const blank = await propose(writer, {
      changes: [{ param: "SalesTaxRate", value: ONE }],
      description: "  ",
    }).catch((e: unknown) => e);
    expect(blank).to.be.instanceOf(ConductorInputError);
    expect((blank as ConductorInputError).message).to.match(/description/);
    const refused = await propose(writer, {
      changes: [{ param: "UbiPeriod", value: 60n }],
      description: "UBI every minute",
    }).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(ParameterOutOfBoundsError);
    expect(refused).to.include({ param: "UbiPeriod", value: 60n, min: 86_400n, max: 366n * 86_400n });
    expect(await count()).to.equal(nonce);
  });

  it("runs a proposal from propose to execute, with typed contract errors on the way", async () => {
    const c = await clients();
    const [m1, m2, m3] = c.members.map((m) => c.as(m));
    const { proposalId } = await propose(m1, {
      changes: [
        { param: "SalesTaxRate", value: ONE / 20n },
        { param: "UbiAmount", value: 250n * ONE },
      ],
      description: "Lower sales tax, raise UBI",
    });
    let [p] = await getProposals(c.reader);
    expect(p.proposalId).to.equal(proposalId);
    expect(p.state).to.equal("Pending");
    expect(p.changes).to.deep.equal([
      { param: "SalesTaxRate", value: ONE / 20n },
      { param: "UbiAmount", value: 250n * ONE },
    ]);
    await networkHelpers.time.increase(DAY + 1n);
    await castVote(m1, { proposalId, support: "for" });
    await castVote(m2, { proposalId, support: "for", reason: "yes" });
    await castVote(m3, { proposalId: proposalId.toString(), support: "against" });
    const again = await castVote(m1, { proposalId, support: "for" }).catch((e: unknown) => e);
    expect(again).to.be.instanceOf(ConductorContractError);
    expect((again as ConductorContractError).errorName).to.equal("RegionGovernorAlreadyVoted");
    const outsider = c.as(c.outsider);
    const stranger = await castVote(outsider, { proposalId, support: "for" }).catch((e: unknown) => e);
    expect((stranger as ConductorContractError).errorName).to.equal("RegionGovernorNotAMember");
    expect((stranger as ConductorContractError).args).to.deep.equal([c.outsider.address]);

    await networkHelpers.time.increase(7n * DAY);
    [p] = await getProposals(c.reader, { states: ["Succeeded"] });
    expect(p.votes).to.deep.equal({ against: 1n, for: 2n, abstain: 0n });
    await queue(outsider, { proposalId });
    const early = await execute(outsider, { proposalId }).catch((e: unknown) => e);
    expect((early as ConductorContractError).errorName).to.equal("TimelockUnexpectedOperationState");
    await networkHelpers.time.increase(2n * DAY);
    await execute(outsider, { proposalId });
    [p] = await getProposals(c.reader);
    expect(p.state).to.equal("Executed");
    const params = await getParameters(c.reader);
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
    expect(() => parseChange("Nope=1")).to.throw(ConductorInputError, /unknown parameter/);
    expect(() => parseChange("SalesTaxRate=lots")).to.throw(ConductorInputError);
    expect(formatValue(ONE / 20n, "Fraction")).to.equal("5 %");
  });

  it("runs `conductor params` and `conductor proposals` through commander", async () => {
    const c = await clients();
    const program = new Command().exitOverride();
    const lines: string[] = [];
    registerGovernanceCommands(program, { makeClient: () => c.reader, print: (l) => lines.push(l) });
    await program.parseAsync(["node", "conductor", "params", "--history"]);
    await program.parseAsync(["node", "conductor", "proposals"]);
    expect(lines).to.include("SalesTaxRate: 8 % [0 % … 100 %]");
    expect(lines.some((l) => l.startsWith("UbiPeriod: 30 d"))).to.equal(true);
    const unsigned = await program.parseAsync(["node", "conductor", "vote", "1", "for"]).catch((e: unknown) => e);
    expect(unsigned).to.be.instanceOf(ConductorInputError);
    expect((unsigned as ConductorInputError).message).to.match(/CONDUCTOR_PRIVATE_KEY/);
  });

  it("builds the council's timelock operation in Representative mode, bounds checked first", async () => {
    const c = await clients(deployRepresentative as typeof deployDirect);
    const refused = await encodeCouncilProposal(c.reader, {
      changes: [{ param: "SalesTaxRate", value: 2n * ONE }],
      description: "Council: sales tax 200 %",
    }).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(ParameterOutOfBoundsError);
    const op = await encodeCouncilProposal(c.reader, {
      changes: [{ param: "UbiAmount", value: 250n * ONE }],
      description: "Council: raise UBI",
    });
    await execSafe(c.council as never, op.to, op.data, c.councilSigners);
    expect(await c.timelock.isOperationPending(op.operationId)).to.equal(true);
    await networkHelpers.time.increase(op.delay);
    const execute = c.timelock.interface.encodeFunctionData("executeBatch", [
      op.targets,
      op.values,
      op.calldatas,
      `0x${"00".repeat(32)}`,
      op.salt,
    ]);
    await execSafe(c.council as never, op.to, execute, c.councilSigners);
    expect(await c.regionParameters.get(15)).to.equal(250n * ONE);
  });
});
