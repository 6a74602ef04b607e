/**
 * The SDK's view of the in-process Hardhat chain: viem clients over the test connection, and a
 * deployment record built from the fixture's contracts.
 */
import {
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  type PublicClient,
  type Transport,
} from "viem";
import type { ConductorClient } from "../../sdk/src/client.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { connection } from "./region.ts";

/** The in-process chain (its RPC URL is never dialled: the transport is the test connection). */
export const testChain: Chain = defineChain({
  id: 31337,
  name: "test",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: ["http://127.0.0.1:1"] } },
});

/** A client for `deployment`: read-only, or sending as `account` (one the node holds). */
export function clientFor(deployment: Deployment, account?: string): ConductorClient {
  const transport = custom(connection.provider);
  const publicClient = createPublicClient({ chain: testChain, transport }) as PublicClient<Transport, Chain>;
  const walletClient = account
    ? createWalletClient({ chain: testChain, transport, account: account as Address })
    : undefined;
  return {
    publicClient,
    walletClient: walletClient as never,
    account: walletClient?.account,
    deployment,
    chain: testChain,
  };
}

/** A deployment record naming each contract by its SDK name. */
export async function deploymentOf(contracts: Record<string, { getAddress(): Promise<string> }>): Promise<Deployment> {
  const addresses: Record<string, Address> = {};
  for (const [name, contract] of Object.entries(contracts)) {
    addresses[name] = (await contract.getAddress()) as Address;
  }
  return { chainId: 31337, regionName: "Test", startBlock: 0, contracts: addresses };
}
