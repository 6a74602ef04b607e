import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { IgnitionModule } from "@nomicfoundation/ignition-core";
import RegionModule from "./Region.ts";

const ZERO = "0x0000000000000000000000000000000000000000";
const DEFAULT_ADMIN_ROLE = `0x${"00".repeat(32)}`;

/** How a region decides; the numbers are `GovernanceMode` in IRegionGovernor.sol. */
export const GOVERNANCE_MODES = { Direct: 0, Representative: 1, Both: 2 } as const;
export type GovernanceModeName = keyof typeof GOVERNANCE_MODES;

/**
 * A region's governance on top of its core ({@link RegionModule}): the council's Safe, a
 * TimelockController (the executor), the RegionGovernor (member voting), and the handover — the
 * timelock becomes DEFAULT_ADMIN_ROLE of RSC, Registry, Reserve, CapitalPool and RegionParameters,
 * the council becomes the token's guardian (emergency pause), and the deployer renounces every
 * admin role it held.
 *
 * Module options (they change which roles are granted): `mode` (default Direct) and
 * `councilOwners` (accounts 4–6 of the connected node when not given: the local demo).
 * Ignition parameters (all optional): councilThreshold (2), governorName, votingDelay (1 day),
 * votingPeriod (7 days), quorumFraction (1e18 = 100 %; default 20 %), timelockDelay (2 days).
 */
export function governanceModule(
  options: {
    mode?: GovernanceModeName;
    councilOwners?: string[];
    /**
     * Modules whose calls need the deployer's admin role on the core (e.g. Payroll registering as
     * a RegionParameters listener): the deployer renounces only after all of them ran.
     */
    handoverAfter?: IgnitionModule[];
  } = {},
) {
  const mode = options.mode ?? "Direct";
  return buildModule(`Governance${mode}`, (m) => {
    const region = m.useModule(RegionModule);
    const { safeSingleton, safeProxyFactory, fallbackHandler, rsc, registry, regionParameters, reserve, capitalPool } =
      region;
    const deployer = m.getAccount(0);
    const councilOwners = options.councilOwners ?? [m.getAccount(4), m.getAccount(5), m.getAccount(6)];
    const councilThreshold = m.getParameter("councilThreshold", 2);
    const governorName = m.getParameter("governorName", "Demo Region Governor");
    const votingDelay = m.getParameter("votingDelay", 24 * 3600);
    const votingPeriod = m.getParameter("votingPeriod", 7 * 24 * 3600);
    const quorumFraction = m.getParameter("quorumFraction", (2n * 10n ** 17n).toString());
    const timelockDelay = m.getParameter("timelockDelay", 2 * 24 * 3600);

    // ---- the council's multi-signer account (a Safe; salt nonce 2, the custodians use 1)
    const councilSetup = m.encodeFunctionCall(safeSingleton, "setup", [
      councilOwners,
      councilThreshold,
      ZERO,
      "0x",
      fallbackHandler,
      ZERO,
      0,
      ZERO,
    ]);
    const createCouncil = m.call(safeProxyFactory, "createProxyWithNonce", [safeSingleton, councilSetup, 2], {
      id: "CreateCouncilSafe",
    });
    const councilAddress = m.readEventArgument(createCouncil, "ProxyCreation", "proxy", { id: "CouncilSafeAddress" });
    const council = m.contractAt("Safe", councilAddress, { id: "Council" });

    // ---- the timelock: the governor proposes, executes (for anyone, through governor.execute) and
    // cancels; in Representative mode the council does too. The deployer administers it only until the end.
    const timelock = m.contract("TimelockController", [timelockDelay, [], [], deployer]);
    const proposerRole = m.staticCall(timelock, "PROPOSER_ROLE", [], 0, { id: "ProposerRole" });
    const executorRole = m.staticCall(timelock, "EXECUTOR_ROLE", [], 0, { id: "ExecutorRole" });
    const cancellerRole = m.staticCall(timelock, "CANCELLER_ROLE", [], 0, { id: "CancellerRole" });
    const councilGrants =
      mode === "Representative"
        ? [
            m.call(timelock, "grantRole", [proposerRole, council], { id: "GrantCouncilProposer" }),
            m.call(timelock, "grantRole", [executorRole, council], { id: "GrantCouncilExecutor" }),
            m.call(timelock, "grantRole", [cancellerRole, council], { id: "GrantCouncilCanceller" }),
          ]
        : [];

    // ---- member voting
    const governor = m.contract(
      "RegionGovernor",
      [
        governorName,
        registry,
        regionParameters,
        timelock,
        council,
        GOVERNANCE_MODES[mode],
        votingDelay,
        votingPeriod,
        quorumFraction,
      ],
      { after: councilGrants },
    );
    const governorGrants = [
      m.call(timelock, "grantRole", [proposerRole, governor], { id: "GrantGovernorProposer" }),
      m.call(timelock, "grantRole", [executorRole, governor], { id: "GrantGovernorExecutor" }),
      m.call(timelock, "grantRole", [cancellerRole, governor], { id: "GrantGovernorCanceller" }),
    ];
    m.call(timelock, "renounceRole", [DEFAULT_ADMIN_ROLE, deployer], {
      id: "TimelockRenounceDeployer",
      after: [...councilGrants, ...governorGrants],
    });

    // ---- emergency pause: the council guards the token
    const guardianRole = m.staticCall(rsc, "GUARDIAN_ROLE", [], 0, { id: "GuardianRole" });
    const grantGuardian = m.call(rsc, "grantRole", [guardianRole, council], { id: "GrantCouncilGuardian" });

    // ---- handover: the timelock administers the core; the deployer renounces
    const core = {
      RSC: rsc,
      Registry: registry,
      Reserve: reserve,
      CapitalPool: capitalPool,
      RegionParameters: regionParameters,
    };
    for (const [name, contract] of Object.entries(core)) {
      const grant = m.call(contract, "grantRole", [DEFAULT_ADMIN_ROLE, timelock], { id: `${name}AdminToTimelock` });
      m.call(contract, "renounceRole", [DEFAULT_ADMIN_ROLE, deployer], {
        id: `${name}RenounceDeployer`,
        after: [grant, grantGuardian, governor, RegionModule, ...(options.handoverAfter ?? [])],
      });
    }

    return { ...region, council, timelock, governor };
  });
}

export default governanceModule();
