import {
  type Account,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { z } from "zod";
import type { Deployment } from "./deployment.ts";
import { ConductorInputError } from "./errors.ts";

/** Everything an SDK action needs: a reader, optionally a signer, and the region's addresses. */
export interface ConductorClient {
  publicClient: PublicClient<Transport, Chain>;
  walletClient?: WalletClient<Transport, Chain, Account>;
  account?: Account;
  deployment: Deployment;
  chain: Chain;
}

const PrivateKey = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, "a private key is 0x followed by 64 hex digits")
  .transform((s) => s as Hex);

export interface CreateConductorClientParameters {
  rpcUrl: string;
  deployment: Deployment;
  /** A private key (0x + 64 hex) or a viem account; omit for read-only use. */
  privateKey?: string;
  account?: Account;
}

/** The viem chain of a region. */
export function regionChain(deployment: Deployment, rpcUrl: string): Chain {
  return defineChain({
    id: deployment.chainId,
    name: deployment.regionName,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/**
 * Connects to a region.
 * @example
 * const client = createConductorClient({ rpcUrl: "http://127.0.0.1:8545", deployment, privateKey: process.env.CONDUCTOR_PRIVATE_KEY });
 */
export function createConductorClient(params: CreateConductorClientParameters): ConductorClient {
  const chain = regionChain(params.deployment, params.rpcUrl);
  const transport = http(params.rpcUrl);
  const publicClient = createPublicClient({ chain, transport }) as PublicClient<Transport, Chain>;
  let account = params.account;
  if (!account && params.privateKey !== undefined) {
    const parsed = PrivateKey.safeParse(params.privateKey);
    if (!parsed.success) throw ConductorInputError.fromZod(parsed.error, "private key");
    account = privateKeyToAccount(parsed.data);
  }
  const walletClient = account ? createWalletClient({ chain, transport, account }) : undefined;
  return { publicClient, walletClient, account, deployment: params.deployment, chain };
}

/** The signer of `client`, or a typed error saying a key is needed. */
export function requireWallet(client: ConductorClient): WalletClient<Transport, Chain, Account> {
  if (!client.walletClient) {
    throw new ConductorInputError("this action sends a transaction: give a key (CONDUCTOR_PRIVATE_KEY)");
  }
  return client.walletClient;
}
