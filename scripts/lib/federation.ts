/**
 * The local federation as a library: two regions on two EDR nodes on loopback with chain ids 1001
 * and 1002, each a whole Conductor region plus its bridge gateway wired to its marketplace, routes
 * both ways, three validators (2-of-3) and the relayer. Used by `npm run start:federation` and by
 * the end-to-end test (ports from the system).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { Contract } from "ethers";
import { network } from "hardhat";
import Conductor from "../../ignition/modules/Conductor.ts";
import { federationModule } from "../../ignition/modules/Federation.ts";
import { type Deployment, DeploymentSchema } from "../../sdk/src/deployment.ts";
import { endpoints, readFederation, relayerEndpoints } from "../../sdk/src/federation/config.ts";
import { runLoop } from "../../sdk/src/federation/loop.ts";
import { Relayer } from "../../sdk/src/federation/relayer.ts";
import { Validator } from "../../sdk/src/federation/validator.ts";
import * as abis from "../../sdk/src/generated/abis.ts";
import { Param } from "../../sdk/src/generated/enums.ts";
import { demoAccounts, demoWallet } from "./demoAccounts.ts";
import { demoValidators } from "./demoValidators.ts";
import { execSafe } from "./safe.ts";
import { type SeedResult, seedDemoRegion } from "./seed.ts";

const ONE = 10n ** 18n;

/** The two demo regions; Houston's sales tax differs so a cross-region purchase shows whose applies. */
export const FEDERATION_REGIONS = [
  { name: "Twin Cities", chainId: 1001, salesTaxPercent: 8n },
  { name: "Houston", chainId: 1002, salesTaxPercent: 6n },
] as const;

export interface StartFederationOptions {
  /** Ports for the two nodes; 0 lets the system choose. */
  ports: [number, number];
  /** Where `federation.json` and the validators' and relayer's state go. */
  dir: string;
  /** Polling interval of the validators and the relayer (ms). */
  intervalMs?: number;
  log?: (line: string) => void;
}

async function startRegion(r: (typeof FEDERATION_REGIONS)[number], port: number, log: (line: string) => void) {
  const server = await network.createServer({ override: { chainId: r.chainId } }, "127.0.0.1", port);
  const { address, port: bound } = await server.listen();
  const rpcUrl = `http://${address}:${bound}`;
  const connection = await network.create({ network: "localhost", override: { url: rpcUrl } });
  // biome-ignore lint/suspicious/noExplicitAny: plugin-added properties
  const { ethers, ignition } = connection as any;
  // A whole region (core, payroll, marketplace, services, permissioning) plus its bridge gateway.
  const federatedRegion = buildModule("FederatedRegion", (m) => ({
    ...m.useModule(Conductor),
    ...m.useModule(
      federationModule({ validators: demoValidators.map((v) => v.address), threshold: 2, marketplace: true }),
    ),
  }));
  const deployed = await ignition.deploy(federatedRegion, {
    displayUi: false,
    deploymentId: `federation-demo-${r.chainId}-${Date.now()}`,
    parameters: { Region: { regionName: r.name } },
  });
  const contracts: Record<string, string> = {};
  for (const [key, c] of Object.entries(deployed)) {
    contracts[key === "rsc" ? "RSC" : key[0].toUpperCase() + key.slice(1)] = await (
      c as { getAddress(): Promise<string> }
    ).getAddress();
  }
  const deployment: Deployment = DeploymentSchema.parse({
    chainId: r.chainId,
    regionName: r.name,
    startBlock: 0,
    contracts,
  });
  const seed = await seedDemoRegion(ethers.provider, deployment);
  await (
    await deployed.regionParameters.setParameter(Param.indexOf("SalesTaxRate"), (r.salesTaxPercent * ONE) / 100n)
  ).wait();
  log(`region ${r.name}: chain ${r.chainId} on ${rpcUrl}, ${seed.accounts.length} demo accounts`);
  // biome-ignore lint/suspicious/noExplicitAny: ethers contracts from Ignition
  return { ...r, server, connection, ethers, deployed: deployed as Record<string, any>, deployment, seed, rpcUrl };
}

export type FederationRegion = Awaited<ReturnType<typeof startRegion>>;

/** Starts both regions, opens the routes, writes `federation.json` and starts the workers. */
export async function startFederation(options: StartFederationOptions) {
  const log = options.log ?? (() => {});
  const regions: FederationRegion[] = [];
  for (const [i, r] of FEDERATION_REGIONS.entries()) regions.push(await startRegion(r, options.ports[i], log));

  // Routes both ways, by each region's admin (the deployer until governance takes over).
  const CAP = 100_000n * ONE;
  const CAPACITY = 1_000_000n * ONE;
  for (const here of regions) {
    for (const there of regions) {
      if (here === there) continue;
      await (
        await here.deployed.bridgeGateway.configureRoute(
          there.chainId,
          there.deployment.contracts.BridgeGateway,
          CAP,
          CAPACITY,
          CAPACITY,
          86_400,
        )
      ).wait();
    }
  }

  mkdirSync(options.dir, { recursive: true });
  const configPath = join(options.dir, "federation.json");
  writeFileSync(
    configPath,
    `${JSON.stringify({ regions: regions.map((s) => ({ name: s.name, chainId: s.chainId, rpcUrl: s.rpcUrl, deployment: s.deployment })) }, null, 2)}\n`,
  );
  const federated = readFederation(configPath);
  // Fresh chains every start: state left by an earlier run (cursors past the new heads, ids marked
  // delivered that the same deployer's same addresses produce again) would hold messages back.
  const stateDir = join(options.dir, "federation-state");
  rmSync(stateDir, { recursive: true, force: true });
  // The relayer pays gas with the first validator's key on the local chains.
  for (const s of regions) {
    await s.connection.provider.request({
      method: "hardhat_setBalance",
      params: [demoValidators[0].address, "0x56BC75E2D63100000"],
    });
  }
  const controller = new AbortController();
  const workers = [
    ...demoValidators.map(
      (account) => new Validator({ account, chains: endpoints(federated), stateDir, confirmations: 0n, log }),
    ),
    new Relayer({ chains: relayerEndpoints(federated, demoValidators[0]), stateDir, log }),
  ];
  const loops = workers.map((w) => runLoop(() => w.tick(), options.intervalMs ?? 250, controller.signal, log));

  async function stop() {
    controller.abort();
    await Promise.all(loops);
    for (const s of regions) {
      await s.connection.close();
      await s.server.close();
    }
  }
  return { regions, configPath, stateDir, stop };
}

export type Federation = Awaited<ReturnType<typeof startFederation>>;

/** Resolves once `predicate` holds, polling every 50 ms; rejects after `timeoutMs`. */
export async function waitUntil(predicate: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One demo bridge message and when it arrived. */
export interface DemoDelivery {
  what: string;
  id: string;
  /** Source and destination chain ids. */
  from: number;
  to: number;
  /** The source chain's block of the send, and the destination chain's block of the delivery. */
  sentBlock: bigint;
  deliveredBlock: bigint;
  /** Wall-clock milliseconds from the send's receipt to the delivery being seen. */
  elapsedMs: number;
}

/**
 * Seeds the federation's traffic: Ada (Twin Cities) sends 25 RSC to Bo (Houston), Bo sends 10 RSC
 * back, and Green Grocers (Twin Cities, through its Safe) buys two steel beams from Acme Steel
 * (Houston), paying Houston's sales tax; waits until every message (and the purchase's change) has
 * been delivered and returns each delivery's latency in source-chain blocks.
 */
export async function seedFederationTraffic(federation: Federation, timeoutMs = 60_000): Promise<DemoDelivery[]> {
  const [a, b] = federation.regions;
  const [ada, bo] = demoAccounts().filter((x) => x.role === "member");
  const deliveries: DemoDelivery[] = [];
  const track = async (
    what: string,
    from: FederationRegion,
    to: FederationRegion,
    receipt: { logs: unknown[]; blockNumber: number },
  ) => {
    const gateway = from.deployed.bridgeGateway;
    const log = (receipt.logs as { address: string; topics: string[]; data: string }[])
      .filter((l) => l.address.toLowerCase() === from.deployment.contracts.BridgeGateway.toLowerCase())
      .map((l) => gateway.interface.parseLog(l))
      .find((p: { name: string } | null) => p?.name === "MessageSent");
    const sentBlock = BigInt(receipt.blockNumber);
    const sentAt = Date.now();
    await waitUntil(
      () => to.deployed.bridgeGateway.isProcessed(from.chainId, log.args.nonce),
      timeoutMs,
      `${what} to arrive in ${to.name}`,
    );
    const elapsedMs = Date.now() - sentAt;
    const gatewayThere = to.deployed.bridgeGateway;
    const [arrival] = [
      ...(await gatewayThere.queryFilter(gatewayThere.filters.MessageReceived(log.args.id))),
      ...(await gatewayThere.queryFilter(gatewayThere.filters.MessageBounced(log.args.id))),
    ];
    deliveries.push({
      what,
      id: log.args.id,
      from: from.chainId,
      to: to.chainId,
      sentBlock,
      deliveredBlock: BigInt(arrival.blockNumber),
      elapsedMs,
    });
    return log.args.id as string;
  };
  const send = async (from: FederationRegion, to: FederationRegion, who: number, recipient: string, amount: bigint) => {
    const wallet = demoWallet(who).connect(from.ethers.provider);
    const tx = await from.deployed.bridgeGateway.connect(wallet).send(to.chainId, recipient, amount);
    return tx.wait();
  };
  const sentA = await send(a, b, ada.index, bo.address, 25n * ONE);
  await track("Ada (Twin Cities) → Bo (Houston), 25 RSC", a, b, sentA);
  const sentB = await send(b, a, bo.index, ada.address, 10n * ONE);
  await track("Bo (Houston) → Ada (Twin Cities), 10 RSC", b, a, sentB);

  // Green Grocers of Twin Cities buys two steel beams from Acme Steel of Houston.
  const grocers = company(a.seed, "Green Grocers");
  const acme = company(b.seed, "Acme Steel");
  const market = new Contract(b.deployment.contracts.Marketplace, abis.marketplaceAbi as never, b.ethers.provider);
  const beam = await findListing(market, "Steel beam", acme.address);
  const owners = grocers.signers.slice(0, 2).map((name) => signerOf(a, name));
  const data = a.deployed.bridgeGateway.interface.encodeFunctionData("sendPurchase", [
    b.chainId,
    acme.address,
    beam,
    2n,
    300n * ONE,
  ]);
  const safe = new Contract(grocers.address, abis.safeAbi as never, owners[0]);
  const bought = await (await execSafe(safe as never, a.deployment.contracts.BridgeGateway, data, owners)).wait();
  const purchaseId = await track(
    "Green Grocers (Twin Cities) buys 2 steel beams of Acme Steel (Houston)",
    a,
    b,
    bought,
  );
  // The change comes back to Green Grocers as a refund.
  const changeNonce = await b.deployed.bridgeGateway.queryFilter(
    b.deployed.bridgeGateway.filters.PurchaseDelivered(purchaseId),
  );
  const changeId = changeNonce[0]?.args.changeId;
  if (changeId && changeId !== `0x${"00".repeat(32)}`) {
    const [sent] = await b.deployed.bridgeGateway.queryFilter(b.deployed.bridgeGateway.filters.MessageSent(changeId));
    await waitUntil(
      () => a.deployed.bridgeGateway.isProcessed(b.chainId, sent.args.nonce),
      timeoutMs,
      "the purchase's change to return",
    );
  }
  return deliveries;
}

function company(seed: SeedResult, name: string) {
  const found = seed.companies.find((c) => c.name === name);
  if (!found) throw new Error(`no demo company ${name}`);
  return found;
}

function signerOf(region: FederationRegion, name: string) {
  const account = region.seed.accounts.find((x) => x.name === name);
  if (!account) throw new Error(`no demo account ${name}`);
  return demoWallet(account.index).connect(region.ethers.provider);
}

async function findListing(market: Contract, name: string, seller: string): Promise<bigint> {
  const count = (await market.listingCount()) as bigint;
  for (let id = 1n; id <= count; id++) {
    const l = await market.listingOf(id);
    if (l.name === name && l.seller.toLowerCase() === seller.toLowerCase()) return id;
  }
  throw new Error(`no listing "${name}" by ${seller}`);
}
