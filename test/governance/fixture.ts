import type { Signer } from "ethers";
import { type GovernanceModeName, governanceModule } from "../../ignition/modules/Governance.ts";
import { connection, ethers, ignition, networkHelpers } from "../helpers/region.ts";
import { execSafe } from "../helpers/safe.ts";

export { connection, ethers, networkHelpers };

export const DAY = 24n * 3600n;
export const VOTING_DELAY = DAY;
export const VOTING_PERIOD = 7n * DAY;
export const TIMELOCK_DELAY = 2n * DAY;

/** `GovernanceMode` in IRegionGovernor.sol. */
export const Mode = { Direct: 0n, Representative: 1n, Both: 2n } as const;
/** Bravo vote types. */
export const Vote = { Against: 0, For: 1, Abstain: 2 } as const;
/** Governor ProposalState. */
export const State = {
  Pending: 0n,
  Active: 1n,
  Canceled: 2n,
  Defeated: 3n,
  Succeeded: 4n,
  Queued: 5n,
  Expired: 6n,
  Executed: 7n,
} as const;

type Callable = { getAddress(): Promise<string>; interface: { encodeFunctionData(f: string, a: unknown[]): string } };

/**
 * A region with governance in `mode`, deployed through the real Ignition module: deployer =
 * signer 0 (registrar, no admin role left), custodians signers 1–3, council a 2-of-3 Safe of
 * signers 4–6, five members (signers 7–11) onboarded one second before the fixture returns.
 */
async function deploy(mode: GovernanceModeName) {
  const signers = await ethers.getSigners();
  const deployed = await ignition.deploy(governanceModule({ mode }));
  const [registrar] = signers;
  const councilSigners = [signers[4], signers[5]];
  const members = signers.slice(7, 12);
  const outsider = signers[12];
  for (const member of members) {
    await deployed.registry.connect(registrar).onboardMember(await member.getAddress());
  }
  await networkHelpers.time.increase(1);

  /** Executes `target.fn(...args)` from the council's Safe with 2 of 3 signatures. */
  async function asCouncil(target: Callable, fn: string, args: unknown[]) {
    return execSafe(
      deployed.council as never,
      await target.getAddress(),
      target.interface.encodeFunctionData(fn, args),
      councilSigners,
    );
  }

  /** A proposal's arguments, its description hash and its id. */
  async function proposal(calls: [Callable, string, unknown[]][], description: string) {
    const targets = await Promise.all(calls.map(([c]) => c.getAddress()));
    const values = calls.map(() => 0n);
    const calldatas = calls.map(([c, fn, args]) => c.interface.encodeFunctionData(fn, args));
    const descriptionHash = ethers.id(description);
    const id: bigint = await deployed.governor.hashProposal(targets, values, calldatas, descriptionHash);
    return { targets, values, calldatas, description, descriptionHash, id };
  }
  type Proposal = Awaited<ReturnType<typeof proposal>>;

  /** Proposes `p` from `proposer`, then every voter in `votes` votes after the voting delay. */
  async function proposeAndVote(p: Proposal, proposer: Signer, votes: [Signer, number][]) {
    await deployed.governor.connect(proposer).propose(p.targets, p.values, p.calldatas, p.description);
    await networkHelpers.time.increase(VOTING_DELAY + 1n);
    for (const [voter, support] of votes) await deployed.governor.connect(voter).castVote(p.id, support);
    await networkHelpers.time.increase(VOTING_PERIOD);
  }

  /**
   * Takes `p` through the whole member process: members[0] proposes, members[0..2] vote for, the
   * proposal is queued (by the council in Both mode, else by an outsider) and executed by an
   * outsider once the timelock's delay has passed. Returns the execution transaction.
   */
  async function enact(p: Proposal) {
    await proposeAndVote(
      p,
      members[0],
      members.slice(0, 3).map((m) => [m, 1]),
    );
    if ((await deployed.governor.mode()) === 2n) {
      await asCouncil(deployed.governor, "queue", [p.targets, p.values, p.calldatas, p.descriptionHash]);
    } else {
      await deployed.governor.connect(outsider).queue(p.targets, p.values, p.calldatas, p.descriptionHash);
    }
    await networkHelpers.time.increase(await deployed.timelock.getMinDelay());
    return deployed.governor.connect(outsider).execute(p.targets, p.values, p.calldatas, p.descriptionHash);
  }

  return {
    ...deployed,
    signers,
    registrar,
    councilSigners,
    members,
    outsider,
    asCouncil,
    proposal,
    proposeAndVote,
    enact,
  };
}

export const deployDirect = () => deploy("Direct");
export const deployRepresentative = () => deploy("Representative");
export const deployBoth = () => deploy("Both");

export type Governed = Awaited<ReturnType<typeof deployDirect>>;
