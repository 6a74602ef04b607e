import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import Marketplace from "./Marketplace.ts";
import Payroll from "./Payroll.ts";
import Permissioning from "./Permissioning.ts";
import Region from "./Region.ts";
import Services from "./Services.ts";
import Treasury from "./Treasury.ts";

/**
 * Everything a region runs: the core, payroll, permissioning, the marketplace (with the profit-at-rest ledger and loans), the regional services, the company-treasury proposal board and (as they land) governance, marketplace,
 * services, federation and permissioning. `scripts/deploy.ts` and `npm start` deploy this module.
 */
export default buildModule("Conductor", (m) => {
  const region = m.useModule(Region);
  const payroll = m.useModule(Payroll);
  const permissioning = m.useModule(Permissioning);
  const marketplace = m.useModule(Marketplace);
  const services = m.useModule(Services);
  const treasury = m.useModule(Treasury);
  return { ...region, ...payroll, ...permissioning, ...marketplace, ...services, ...treasury };
});
