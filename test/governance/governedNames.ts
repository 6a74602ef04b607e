import { expect } from "chai";
import { network } from "hardhat";
import { type Address, encodeFunctionData, type Hex } from "viem";
import { governedConductorModule } from "../../ignition/modules/GovernedConductor.ts";
import type { ConductorClient } from "../../sdk/src/client.ts";
import { wageScheduleAbi } from "../../sdk/src/generated/abis.ts";
import { encodeNames } from "../../sdk/src/governance/encodeNames.ts";
import { ONE } from "../helpers/region.ts";

describe("governance names the wage schedule: one member proposal adds and names", () => {
  it("adds an industry and an occupation and names both; the timelock alone may name", async () => {
    const connection = await network.create();
    const { ethers, networkHelpers } = connection;
    const deployed = await connection.ignition.deploy(governedConductorModule());
    const { registry, governor, timelock, wageSchedule } = deployed;
    const signers = await ethers.getSigners();
    const [registrar] = signers;
    const members = signers.slice(7, 10);
    for (const m of members) await registry.connect(registrar).onboardMember(m.address);
    await networkHelpers.time.increase(1);

    const schedule = (await wageSchedule.getAddress()) as Address;
    // The ids the adds will get when the proposal executes: the next after today's counts.
    const industryId = Number(await wageSchedule.industryCount()) + 1;
    const occupationId = Number(await wageSchedule.occupationCount()) + 1;
    const client = { deployment: { contracts: { WageSchedule: schedule } } } as unknown as ConductorClient;
    const names = encodeNames(client, {
      industries: [{ industryId, name: "Health care" }],
      occupations: [{ occupationId, name: "Nurse" }],
    });
    const add = (functionName: "addIndustry" | "addOccupation", args: readonly unknown[]) =>
      encodeFunctionData({ abi: wageScheduleAbi, functionName, args } as never) as Hex;
    const params = {
      industryId,
      industryWeight: ONE / 2n,
      need: ONE / 2n,
      skill: ONE / 2n,
      stress: ONE / 2n,
      danger: 0n,
      productivityRange: ONE / 5n,
    };
    const targets = [schedule, schedule, ...names.targets];
    const calldatas = [add("addIndustry", [ONE / 2n]), add("addOccupation", [params]), ...names.calldatas];
    const values = targets.map(() => 0n);
    const description = "Add nursing to the wage schedule";
    const descriptionHash = ethers.id(description);

    await governor.connect(members[0]).propose(targets, values, calldatas, description);
    const proposalId = await governor.hashProposal(targets, values, calldatas, descriptionHash);
    await networkHelpers.time.increase(24n * 3600n + 1n);
    for (const m of members) await governor.connect(m).castVote(proposalId, 1);
    await networkHelpers.time.increase(7n * 24n * 3600n);
    await governor.queue(targets, values, calldatas, descriptionHash);
    await networkHelpers.time.increase(await timelock.getMinDelay());
    await expect(governor.execute(targets, values, calldatas, descriptionHash))
      .to.emit(wageSchedule, "IndustryNamed")
      .withArgs(industryId, "Health care")
      .and.to.emit(wageSchedule, "OccupationNamed")
      .withArgs(occupationId, "Nurse");
    expect(await wageSchedule.industryName(industryId)).to.equal("Health care");
    expect(await wageSchedule.occupationName(occupationId)).to.equal("Nurse");
    expect((await wageSchedule.occupation(occupationId))[0].industryId).to.equal(BigInt(industryId));

    // Nobody else names: not the deployer (it renounced), not a member.
    const role = await wageSchedule.DEFAULT_ADMIN_ROLE();
    for (const caller of [registrar, members[0]]) {
      await expect(wageSchedule.connect(caller).setOccupationName(occupationId, "Surgeon"))
        .to.be.revertedWithCustomError(wageSchedule, "AccessControlUnauthorizedAccount")
        .withArgs(caller.address, role);
    }
    expect(await wageSchedule.occupationName(occupationId)).to.equal("Nurse");
  });
});
