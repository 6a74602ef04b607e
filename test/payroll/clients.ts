import type { ConductorClient } from "../../sdk/src/client.ts";
import { clientFor, deploymentOf } from "../helpers/viem.ts";
import type { PayrollFixture } from "./fixture.ts";

/** SDK clients over the in-process chain of a payroll fixture: `as(address)` signs, `reader` only reads. */
export async function clientsFor(f: PayrollFixture): Promise<{
  as: (account: string) => ConductorClient;
  reader: ConductorClient;
}> {
  const deployment = await deploymentOf({
    RSC: f.rsc,
    Registry: f.registry,
    RegionParameters: f.regionParameters,
    Reserve: f.reserve,
    CapitalPool: f.capitalPool,
    Custodians: f.custodians,
    Payroll: f.payroll,
    WageSchedule: f.wageSchedule,
  } as Record<string, { getAddress(): Promise<string> }>);
  return { as: (account) => clientFor(deployment, account), reader: clientFor(deployment) };
}
