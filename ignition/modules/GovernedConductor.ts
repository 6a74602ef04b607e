import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import Conductor from "./Conductor.ts";
import { type GovernanceModeName, governanceModule } from "./Governance.ts";
import Marketplace from "./Marketplace.ts";
import Payroll from "./Payroll.ts";
import Permissioning from "./Permissioning.ts";
import Services from "./Services.ts";
import Treasury from "./Treasury.ts";

const DEFAULT_ADMIN_ROLE = `0x${"00".repeat(32)}`;

/**
 * A region handed to its own governance: everything in {@link Conductor}, then the governor, the
 * timelock and the council (Governance module), and the timelock made the only admin (upgrade
 * authority) of every other Conductor contract too — the deployer renounces everywhere.
 * `npm start` deploys Conductor, seeds the demo, then this module on top (same deployment).
 */
export function governedConductorModule(options: { mode?: GovernanceModeName; councilOwners?: string[] } = {}) {
  return buildModule("GovernedConductor", (m) => {
    const conductor = m.useModule(Conductor);
    // The core's handover waits for every call the deployer makes on the core (modules registered in
    // the token, Payroll's RegionParameters listener). Ignition's `after` on a module waits for that
    // module's own futures only, so each module with such calls is named.
    const handoverAfter = [Payroll, Permissioning, Marketplace, Services, Treasury];
    const governance = m.useModule(governanceModule({ ...options, handoverAfter }));
    const { timelock } = governance;
    const deployer = m.getAccount(0);
    const others = {
      WageSchedule: conductor.wageSchedule,
      Payroll: conductor.payroll,
      Permissioning: conductor.permissioning,
      Marketplace: conductor.marketplace,
      JobBoard: conductor.jobBoard,
      ProfitAtRest: conductor.profitAtRest,
      Loans: conductor.loans,
      Housing: conductor.housing,
      Education: conductor.education,
      Healthcare: conductor.healthcare,
      RegionalInventory: conductor.regionalInventory,
    };
    for (const [name, contract] of Object.entries(others)) {
      const grant = m.call(contract, "grantRole", [DEFAULT_ADMIN_ROLE, timelock], { id: `${name}AdminToTimelock` });
      m.call(contract, "renounceRole", [DEFAULT_ADMIN_ROLE, deployer], {
        id: `${name}RenounceDeployer`,
        after: [grant],
      });
    }
    return { ...conductor, ...governance };
  });
}

export default governedConductorModule();
