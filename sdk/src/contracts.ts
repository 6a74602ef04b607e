import type { Address } from "viem";
import type { ConductorClient } from "./client.ts";
import { contractAddress } from "./deployment.ts";
import { capitalPoolAbi, regionParametersAbi, registryAbi, reserveAbi, rscAbi, safeAbi } from "./generated/abis.ts";

/** The core contracts of the client's region: address and generated ABI of each. */
export function coreContracts(client: Pick<ConductorClient, "deployment">) {
  const at = <const abi>(name: string, abi: abi) => ({ address: contractAddress(client.deployment, name), abi });
  return {
    rsc: at("RSC", rscAbi),
    registry: at("Registry", registryAbi),
    reserve: at("Reserve", reserveAbi),
    capitalPool: at("CapitalPool", capitalPoolAbi),
    parameters: at("RegionParameters", regionParametersAbi),
    custodians: at("Custodians", safeAbi),
  };
}

/** The address that signs for `client`, or undefined for a read-only client. */
export function signerAddress(client: ConductorClient): Address | undefined {
  return client.account?.address;
}
