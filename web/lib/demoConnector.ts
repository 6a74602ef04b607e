import { createWalletClient, type EIP1193RequestFn, type Hex, http, numberToHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createConnector } from "wagmi";

export const DEMO_CONNECTOR_TYPE = "conductor-demo";

export interface DemoConnectorParameters {
  /** The demo person's name, shown as the connector's name. */
  name: string;
  privateKey: Hex;
  rpcUrl: string;
}

/**
 * A wagmi connector that signs with a local demo key (local demo chain only). Transactions are
 * real: viem signs them in the page and sends them raw to the node, as a wallet would.
 */
export function demoConnector({ name, privateKey, rpcUrl }: DemoConnectorParameters) {
  const account = privateKeyToAccount(privateKey);
  let connected = false;
  return createConnector<{ request: EIP1193RequestFn }>((config) => {
    const chain = config.chains[0];
    const wallet = createWalletClient({ account, chain, transport: http(rpcUrl) });
    const request = (async ({ method, params }: { method: string; params?: unknown }) => {
      if (method === "eth_accounts" || method === "eth_requestAccounts") return [account.address];
      if (method === "eth_chainId") return numberToHex(chain.id);
      return wallet.request({ method, params } as never);
    }) as EIP1193RequestFn;
    return {
      id: `demo-${account.address}`,
      name,
      type: DEMO_CONNECTOR_TYPE,
      async connect() {
        connected = true;
        return { accounts: [account.address] as never, chainId: chain.id };
      },
      async disconnect() {
        connected = false;
      },
      async getAccounts() {
        return connected ? [account.address] : [];
      },
      async getChainId() {
        return chain.id;
      },
      async getProvider() {
        return { request };
      },
      async getClient() {
        return wallet;
      },
      async isAuthorized() {
        return connected;
      },
      onAccountsChanged() {},
      onChainChanged() {},
      onDisconnect() {
        connected = false;
        config.emitter.emit("disconnect");
      },
    };
  });
}
