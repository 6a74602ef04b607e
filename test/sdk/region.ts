import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { network } from "hardhat";
import { type Address, encodeFunctionData, type Hex, type LocalAccount, parseEventLogs, zeroAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { demoWallet } from "../../scripts/lib/demoAccounts.ts";
import { deployConductor } from "../../scripts/lib/deploy.ts";
import { type ConductorClient, createConductorClient } from "../../sdk/src/client.ts";
import { attestDeposit } from "../../sdk/src/core/attestDeposit.ts";
import { attestReserves } from "../../sdk/src/core/attestReserves.ts";
import { onboardMember } from "../../sdk/src/core/onboardMember.ts";
import { registerCompany } from "../../sdk/src/core/registerCompany.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { safeAbi, safeProxyFactoryAbi } from "../../sdk/src/generated/abis.ts";
import { writeContract } from "../../sdk/src/internal/writeContract.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/** A person of the test region: her key and a client signing with it. */
export interface Actor {
  name: string;
  key: Hex;
  account: LocalAccount;
  address: Address;
  client: ConductorClient;
}

/**
 * A small region on a real Hardhat EDR node served over HTTP in this process: deployed with
 * the real Ignition module, then seeded through the SDK. `dir` holds `deployment.json` and
 * `.conductor/demo.json` for the CLI.
 */
export interface TestRegion {
  rpcUrl: string;
  deployment: Deployment;
  dir: string;
  deploymentFile: string;
  registrar: Actor;
  custodians: [Actor, Actor, Actor];
  /** Ada, Bo, Cleo, Dev: onboarded members with deposits (Dev has none). */
  members: Actor[];
  /** Not registered. */
  outsiders: Actor[];
  /** Registered as an ExternalCompany (an EOA). */
  external: Actor;
  /** A 1-of-1 Safe owned by Ada, registered as a RegionalCompany. */
  housing: Address;
  /** A 1-of-1 Safe owned by Bo, not registered. */
  spareSafe: Address;
  readOnly: ConductorClient;
  close(): Promise<void>;
}

export const ONE = 10n ** 18n;

/** Creates a Safe owned by `owners` through the region's factory. */
async function createSafe(
  client: ConductorClient,
  owners: Address[],
  threshold: bigint,
  salt: bigint,
): Promise<Address> {
  const setup = encodeFunctionData({
    abi: safeAbi,
    functionName: "setup",
    args: [
      owners,
      threshold,
      zeroAddress,
      "0x",
      client.deployment.contracts.FallbackHandler,
      zeroAddress,
      0n,
      zeroAddress,
    ],
  });
  const { receipt } = await writeContract(client, {
    address: client.deployment.contracts.SafeProxyFactory,
    abi: safeProxyFactoryAbi,
    functionName: "createProxyWithNonce",
    args: [client.deployment.contracts.SafeSingleton, setup, salt],
  });
  const [created] = parseEventLogs({ abi: safeProxyFactoryAbi, logs: receipt.logs, eventName: "ProxyCreation" });
  return created.args.proxy;
}

export async function startTestRegion(): Promise<TestRegion> {
  // Port 0: the system picks a free one (a random choice of ours could collide).
  const server = await network.createServer("default", "127.0.0.1", 0);
  const listening = await server.listen();
  const port = listening.port;
  const rpcUrl = `http://${listening.address}:${listening.port}`;
  const connection = await network.create({ network: "localhost", override: { url: rpcUrl } });
  const dir = mkdtempSync(join(tmpdir(), "conductor-sdk-"));
  const deploymentFile = join(dir, "deployment.json");
  const deploymentId = `sdk-test-${port}`;
  const deployment = await deployConductor({
    connection,
    regionName: "SDK Test Region",
    deploymentId,
    reset: true,
    outFile: deploymentFile,
  });
  const actor = (name: string, index: number): Actor => {
    const key = demoWallet(index).privateKey as Hex;
    const account = privateKeyToAccount(key);
    return {
      name,
      key,
      account,
      address: account.address,
      client: createConductorClient({ rpcUrl, deployment, account }),
    };
  };
  const registrar = actor("Registrar", 0);
  const custodians: [Actor, Actor, Actor] = [actor("Custodian A", 1), actor("Custodian B", 2), actor("Custodian C", 3)];
  const members = ["Ada", "Bo", "Cleo", "Dev"].map((n, i) => actor(n, 4 + i));
  const outsiders = [actor("Eve", 8), actor("Finn", 9), actor("Gil", 10)];
  const external = actor("Global Imports", 11);

  for (const m of members) await onboardMember(registrar.client, { member: m.address });
  const housing = await createSafe(registrar.client, [members[0].address], 1n, 1000n);
  const spareSafe = await createSafe(registrar.client, [members[1].address], 1n, 1001n);
  await registerCompany(registrar.client, {
    treasury: housing,
    kind: "RegionalCompany",
    industryId: 1,
    name: "Housing",
  });
  await registerCompany(registrar.client, {
    treasury: external.address,
    kind: "ExternalCompany",
    industryId: 6,
    name: "Global Imports",
  });
  const block = await registrar.client.publicClient.getBlock();
  const cosigners = [custodians[1].account];
  await attestReserves(custodians[0].client, {
    usdReserves: "1000000",
    asOf: Number(block.timestamp) - 60,
    report: "test reserve report",
    cosigners,
  });
  const deposits: [Address, string][] = [
    [members[0].address, "1000"],
    [members[1].address, "500"],
    [members[2].address, "200"],
    [external.address, "300"],
    [deployment.contracts.CapitalPool, "10000"],
  ];
  for (const [i, [depositor, usdAmount]] of deposits.entries()) {
    await attestDeposit(custodians[0].client, { depositRef: `seed deposit ${i}`, depositor, usdAmount, cosigners });
  }
  const demo = { rpcUrl, chainId: deployment.chainId, deployment };
  mkdirSync(join(dir, ".conductor"));
  writeFileSync(join(dir, ".conductor", "demo.json"), JSON.stringify(demo));

  return {
    rpcUrl,
    deployment,
    dir,
    deploymentFile,
    registrar,
    custodians,
    members,
    outsiders,
    external,
    housing,
    spareSafe,
    readOnly: createConductorClient({ rpcUrl, deployment }),
    async close() {
      await connection.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(ROOT, "ignition/deployments", deploymentId), { recursive: true, force: true });
    },
  };
}
