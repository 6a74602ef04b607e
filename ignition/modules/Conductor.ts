import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import Region from "./Region.ts";

/**
 * Everything a region runs: the core, and (as they land) governance, payroll, marketplace,
 * services, federation and permissioning. `scripts/deploy.ts` and `npm start` deploy this module.
 */
export default buildModule("Conductor", (m) => {
  const region = m.useModule(Region);
  return { ...region };
});
