/**
 * Governance benchmark: propose, castVote, queue + execute of one parameter change and onboarding a
 * member with voting power, for Conductor's RegionGovernor and, in the same run, a reference
 * OpenZeppelin Governor + TimelockController + ERC721Votes deployment governing its own
 * RegionParameters. Gas is each receipt's gasUsed on an in-process Hardhat network.
 *
 * Run alone: `npx tsx scripts/bench/governance.ts`.
 */
import type { ContractTransactionResponse } from "ethers";
import { network } from "hardhat";
import { governanceModule } from "../../ignition/modules/Governance.ts";
import { DEFAULT_PARAMETER_VALUES } from "../../sdk/src/governance/defaults.ts";
import type { BenchRow } from "./types.ts";

const GROUP = "governance";
const REFERENCE = "OpenZeppelin Governor + TimelockController + ERC721Votes";
const ONE = 10n ** 18n;
const SALES_TAX = 0; // Param.SalesTaxRate

async function gasOf(tx: Promise<ContractTransactionResponse>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (!receipt) throw new Error("no receipt");
  return receipt.gasUsed;
}

export async function bench(): Promise<BenchRow[]> {
  const { ethers, ignition, networkHelpers } = await network.create();
  const signers = await ethers.getSigners();
  const [deployer] = signers;
  const members = signers.slice(7, 12);
  const time = networkHelpers.time;

  // ------------------------------------------------------------------ Conductor
  const c = await ignition.deploy(governanceModule({ mode: "Direct" }));
  const onboard: bigint[] = [];
  for (const m of members) onboard.push(await gasOf(c.registry.onboardMember(m.address)));
  await time.increase(1);
  const paramsAddress = await c.regionParameters.getAddress();
  const targets = [paramsAddress];
  const values = [0n];
  const calldatas = [c.regionParameters.interface.encodeFunctionData("setParameter", [SALES_TAX, ONE / 20n])];
  const description = "Sales tax to 5 %";
  const descriptionHash = ethers.id(description);
  const proposalId = await c.governor.hashProposal(targets, values, calldatas, descriptionHash);
  const propose = await gasOf(c.governor.connect(members[0]).propose(targets, values, calldatas, description));
  await time.increase((await c.governor.votingDelay()) + 1n);
  const votes: bigint[] = [];
  for (const m of members.slice(0, 3)) votes.push(await gasOf(c.governor.connect(m).castVote(proposalId, 1)));
  await time.increase(await c.governor.votingPeriod());
  const queue = await gasOf(c.governor.queue(targets, values, calldatas, descriptionHash));
  await time.increase(await c.timelock.getMinDelay());
  const execute = await gasOf(c.governor.execute(targets, values, calldatas, descriptionHash));

  // ------------------------------------------------------------------ reference
  const token = await ethers.deployContract("ReferenceMemberToken", [deployer.address]);
  const timelock = await ethers.deployContract("TimelockController", [
    2n * 86_400n,
    [],
    [ethers.ZeroAddress],
    deployer.address,
  ]);
  const refGovernor = await ethers.deployContract("ReferenceGovernor", [token, timelock, 1, 50, 20]);
  await timelock.grantRole(await timelock.PROPOSER_ROLE(), refGovernor);
  await timelock.grantRole(await timelock.CANCELLER_ROLE(), refGovernor);
  const paramsImpl = await ethers.deployContract("RegionParameters");
  const paramsProxy = await ethers.deployContract("ERC1967Proxy", [
    paramsImpl,
    paramsImpl.interface.encodeFunctionData("initialize", [await timelock.getAddress(), DEFAULT_PARAMETER_VALUES]),
  ]);
  const refParams = await ethers.getContractAt("RegionParameters", paramsProxy);
  const refOnboard: bigint[] = [];
  for (const m of members) {
    const mint = await gasOf(token.mint(m.address));
    const delegate = await gasOf(token.connect(m).delegate(m.address));
    refOnboard.push(mint + delegate);
  }
  await networkHelpers.mine(1);
  const refTargets = [await refParams.getAddress()];
  const refCalldatas = [refParams.interface.encodeFunctionData("setParameter", [SALES_TAX, ONE / 20n])];
  const refId = await refGovernor.hashProposal(refTargets, values, refCalldatas, descriptionHash);
  const refPropose = await gasOf(
    refGovernor.connect(members[0]).propose(refTargets, values, refCalldatas, description),
  );
  await networkHelpers.mine(2);
  const refVotes: bigint[] = [];
  for (const m of members.slice(0, 3)) refVotes.push(await gasOf(refGovernor.connect(m).castVote(refId, 1)));
  await networkHelpers.mine(51);
  const refQueue = await gasOf(refGovernor.queue(refTargets, values, refCalldatas, descriptionHash));
  await time.increase(2n * 86_400n);
  const refExecute = await gasOf(refGovernor.execute(refTargets, values, refCalldatas, descriptionHash));

  const row = (operation: string, gas: bigint, referenceGas: bigint, target?: [string, boolean]): BenchRow => ({
    group: GROUP,
    operation,
    gas,
    reference: REFERENCE,
    referenceGas,
    ...(target ? { target: target[0], met: target[1] } : {}),
  });
  return [
    row("onboard a member with voting power (mint + delegate in the reference)", onboard[2], refOnboard[2], [
      "≤ 80,000 gas",
      onboard[2] <= 80_000n,
    ]),
    row("propose one parameter change (bounds checked)", propose, refPropose),
    row("castVote, first vote of a proposal", votes[0], refVotes[0]),
    row("castVote, steady state", votes[2], refVotes[2], ["≤ reference", votes[2] <= refVotes[2]]),
    row("queue one parameter change", queue, refQueue),
    row("execute one parameter change", execute, refExecute),
    row("queue + execute one parameter change", queue + execute, refQueue + refExecute, [
      "≤ 200,000 gas",
      queue + execute <= 200_000n,
    ]),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await bench()) {
    const target = r.target ? `  target ${r.target}: ${r.met ? "met" : "NOT met"}` : "";
    console.log(`${r.operation}: ${r.gas} gas (reference ${r.referenceGas})${target}`);
  }
}
