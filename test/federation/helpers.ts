import { network } from "hardhat";
import { type Address, createPublicClient, createWalletClient, custom, type Hex, type LocalAccount } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { federationModule } from "../../ignition/modules/Federation.ts";
import { type BridgeMessage, packSignatures, signBridgeMessage } from "../../sdk/src/federation/message.ts";
import type { RelayerChain } from "../../sdk/src/federation/relayer.ts";

export const ONE = 10n ** 18n;

/** Three federation validators (fixed keys, test only) and a 2-of-3 threshold. */
export const VALIDATOR_KEYS: Hex[] = [
  "0x1000000000000000000000000000000000000000000000000000000000000001",
  "0x1000000000000000000000000000000000000000000000000000000000000002",
  "0x1000000000000000000000000000000000000000000000000000000000000003",
];
export const validators: LocalAccount[] = VALIDATOR_KEYS.map((k) => privateKeyToAccount(k));

/**
 * A region on its own in-process chain with its own chain id, core + bridge gateway deployed (and
 * its marketplace layer, wired to the gateway, with `marketplace: true`).
 */
export async function deployRegionChain(chainId: number, options: { marketplace?: boolean; serve?: boolean } = {}) {
  // With `serve`, the chain is an HTTP node on 127.0.0.1 at a port the system chooses.
  const server = options.serve ? await network.createServer({ override: { chainId } }, "127.0.0.1", 0) : undefined;
  const bound = server ? await server.listen() : undefined;
  const url = bound ? `http://${bound.address}:${bound.port}` : undefined;
  const connection = url
    ? await network.create({ network: "localhost", override: { url } })
    : await network.create({ override: { chainId } });
  // biome-ignore lint/suspicious/noExplicitAny: plugin-added properties
  const { ethers, ignition } = connection as any;
  const deployed = await ignition.deploy(
    federationModule({ validators: validators.map((v) => v.address), threshold: 2, marketplace: options.marketplace }),
    {
      displayUi: false,
      parameters: { Federation: { rotationDelay: 3600 } },
      ...(url ? { deploymentId: `federation-demo-test-${chainId}-${Date.now()}` } : {}),
    },
  );
  const signers = await ethers.getSigners();
  return { connection, ethers, ...deployed, signers, chainId: BigInt(chainId), server, url };
}

export type RegionChain = Awaited<ReturnType<typeof deployRegionChain>>;

/** Opens routes both ways between two regions, with generous limits unless given. */
export async function connect(a: RegionChain, b: RegionChain, cap = 1_000_000n * ONE, capacity = 10_000_000n * ONE) {
  await (
    await a.bridgeGateway.configureRoute(b.chainId, await b.bridgeGateway.getAddress(), cap, capacity, capacity, 86_400)
  ).wait();
  await (
    await b.bridgeGateway.configureRoute(a.chainId, await a.bridgeGateway.getAddress(), cap, capacity, capacity, 86_400)
  ).wait();
}

/** Onboards `count` members (signers from index 4) and deposits 1,000 RSC to each. */
export async function seedMembers(r: RegionChain, count: number) {
  const custodianRole = await r.reserve.CUSTODIAN_ROLE();
  await (await r.reserve.grantRole(custodianRole, r.signers[0].address)).wait();
  await (await r.reserve.attestReserves(100_000_000n * ONE, 0, `0x${"00".repeat(32)}`)).wait();
  const members = r.signers.slice(4, 4 + count);
  for (const [i, m] of members.entries()) {
    await (await r.registry.onboardMember(m.address)).wait();
    await (
      await r.reserve.attestDeposit(`0x${(i + 1).toString(16).padStart(64, "0")}`, m.address, 1_000n * ONE)
    ).wait();
  }
  return members;
}

/** Reads the MessageSent of a transaction receipt as a bridge message. */
export async function sentMessage(
  r: RegionChain,
  receipt: { logs: unknown[] },
): Promise<{ id: Hex; message: BridgeMessage }> {
  for (const log of receipt.logs as { address: string; topics: string[]; data: string }[]) {
    let parsed: ReturnType<typeof r.bridgeGateway.interface.parseLog> | undefined;
    try {
      parsed = r.bridgeGateway.interface.parseLog(log);
    } catch {
      continue;
    }
    if (parsed?.name !== "MessageSent") continue;
    const route = await r.bridgeGateway.routeOf(parsed.args.dstChainId);
    return {
      id: parsed.args.id,
      message: {
        srcChainId: r.chainId,
        srcGateway: (await r.bridgeGateway.getAddress()) as Address,
        dstChainId: parsed.args.dstChainId,
        dstGateway: route.gateway as Address,
        nonce: parsed.args.nonce,
        sender: parsed.args.sender,
        recipient: parsed.args.recipient,
        amount: parsed.args.amount,
        kind: Number(parsed.args.kind),
        ref: parsed.args.ref,
      },
    };
  }
  throw new Error("no MessageSent in receipt");
}

/** Signatures of `signers` over `message`, packed in ascending signer order. */
export async function attest(message: BridgeMessage, signers: LocalAccount[] = validators.slice(0, 2)): Promise<Hex> {
  const sigs = await Promise.all(
    signers.map(async (v) => ({ validator: v.address, signature: await signBridgeMessage(v, message) })),
  );
  return packSignatures(sigs);
}

/** viem clients over a Hardhat in-process connection, for the relayer. */
export function relayerChain(r: RegionChain, gateway: Address): RelayerChain {
  const transport = custom(r.connection.provider);
  const chain = {
    id: Number(r.chainId),
    name: `region-${r.chainId}`,
    nativeCurrency: { name: "ETH", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [] } },
  } as const;
  const account = privateKeyToAccount("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  return {
    chainId: r.chainId,
    gateway,
    publicClient: createPublicClient({ chain, transport }),
    walletClient: createWalletClient({ chain, transport, account }),
  } as RelayerChain;
}
