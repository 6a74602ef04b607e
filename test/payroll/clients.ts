import { type Address, createPublicClient, createWalletClient, custom, defineChain, type PublicClient } from "viem";
import type { ConductorClient } from "../../sdk/src/client.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { connection } from "../helpers/region.ts";
import type { PayrollFixture } from "./fixture.ts";

/** SDK clients over the in-process chain of a payroll fixture: `as(address)` signs, `reader` only reads. */
export async function clientsFor(f: PayrollFixture) {
  const chain = defineChain({
    id: 31337,
    name: "test region",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: ["http://127.0.0.1:1"] } },
  });
  const transport = custom(connection.provider);
  const publicClient = createPublicClient({ chain, transport }) as PublicClient;
  const contracts: Record<string, Address> = {};
  for (const [name, key] of [
    ["RSC", "rsc"],
    ["Registry", "registry"],
    ["RegionParameters", "regionParameters"],
    ["Reserve", "reserve"],
    ["CapitalPool", "capitalPool"],
    ["Custodians", "custodians"],
    ["Payroll", "payroll"],
    ["WageSchedule", "wageSchedule"],
  ] as const) {
    contracts[name] = (await f[key].getAddress()) as Address;
  }
  const deployment: Deployment = { chainId: 31337, regionName: "Test", startBlock: 0, contracts };
  const as = (account: string): ConductorClient => {
    const walletClient = createWalletClient({ chain, transport, account: account as Address });
    return { publicClient, walletClient, account: walletClient.account, deployment, chain } as ConductorClient;
  };
  return { as, reader: { publicClient, deployment, chain } as ConductorClient };
}
