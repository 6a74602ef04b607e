import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { network } from "hardhat";
import { createPublicClient, type Hex, http } from "viem";
import { federationModule } from "../../ignition/modules/Federation.ts";
import { endpoints, readFederation } from "../../sdk/src/federation/config.ts";
import { Validator } from "../../sdk/src/federation/validator.ts";
import { bridgeGatewayAbi } from "../../sdk/src/generated/abis.ts";
import { ONE, validators } from "./helpers.ts";

const MESSAGES = 1_000;
const ROOT = new URL("../..", import.meta.url).pathname;

async function regionServer(chainId: number) {
  const server = await network.createServer({ override: { chainId } }, "127.0.0.1", 0);
  const { address, port } = await server.listen();
  const url = `http://${address}:${port}`;
  const connection = await network.create({ network: "localhost", override: { url } });
  // biome-ignore lint/suspicious/noExplicitAny: plugin-added properties
  const { ethers, ignition } = connection as any;
  const deployed = await ignition.deploy(
    federationModule({ validators: validators.map((v) => v.address), threshold: 2 }),
    { displayUi: false, deploymentId: `kill-test-${chainId}-${Date.now()}` },
  );
  const contracts: Record<string, string> = {};
  for (const [k, c] of Object.entries(deployed))
    contracts[k === "rsc" ? "RSC" : k[0].toUpperCase() + k.slice(1)] = await (
      c as { getAddress(): Promise<string> }
    ).getAddress();
  return { server, connection, ethers, url, chainId, deployed, contracts };
}

function waitFor(predicate: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = async () => {
      if (await predicate()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(poll, 100);
    };
    void poll();
  });
}

describe("federation relayer survives being killed", function () {
  this.timeout(900_000);

  it(`relays ${MESSAGES} messages with none lost and none duplicated across a kill and restart`, async () => {
    const a = await regionServer(1101);
    const b = await regionServer(1102);
    try {
      const [gA, gB] = [a.deployed.bridgeGateway, b.deployed.bridgeGateway];
      const big = 1_000_000n * ONE;
      await (await gA.configureRoute(1102, await gB.getAddress(), big, big, big, 86_400)).wait();
      await (await gB.configureRoute(1101, await gA.getAddress(), big, big, big, 86_400)).wait();
      // Members on both sides (the same five test addresses), funded on A.
      const signers = await a.ethers.getSigners();
      const senders = signers.slice(4, 9);
      const reserve = a.deployed.reserve;
      await (await reserve.grantRole(await reserve.CUSTODIAN_ROLE(), signers[0].address)).wait();
      await (await reserve.attestReserves(100_000_000n * ONE, 0, `0x${"00".repeat(32)}`)).wait();
      for (const [i, s] of senders.entries()) {
        await (await a.deployed.registry.onboardMember(s.address)).wait();
        await (await b.deployed.registry.onboardMember(s.address)).wait();
        await (
          await reserve.attestDeposit(`0x${(i + 1).toString(16).padStart(64, "0")}`, s.address, 10_000n * ONE)
        ).wait();
      }
      const sent: Hex[] = [];
      for (let i = 0; i < MESSAGES; i++) {
        const from = senders[i % senders.length];
        const to = senders[(i + 1) % senders.length];
        const receipt = await (await gA.connect(from).send(1102, to.address, ONE + BigInt(i))).wait();
        sent.push(
          gA.interface.parseLog(receipt.logs.find((l: { address: string }) => l.address === receipt.to))!.args.id,
        );
      }

      const dir = mkdtempSync(join(tmpdir(), "conductor-federation-"));
      const configPath = join(dir, "federation.json");
      writeFileSync(
        configPath,
        JSON.stringify({
          regions: [
            {
              name: "A",
              chainId: 1101,
              rpcUrl: a.url,
              deployment: { chainId: 1101, regionName: "A", startBlock: 0, contracts: a.contracts },
            },
            {
              name: "B",
              chainId: 1102,
              rpcUrl: b.url,
              deployment: { chainId: 1102, regionName: "B", startBlock: 0, contracts: b.contracts },
            },
          ],
        }),
      );
      const stateDir = join(dir, "state");
      const regions = readFederation(configPath);
      for (const v of validators) {
        const validator = new Validator({ account: v, chains: endpoints(regions), stateDir, confirmations: 0n });
        while ((await validator.tick()) > 0) {
          // keep signing until nothing new
        }
      }

      const delivered = () =>
        existsSync(join(stateDir, "delivered")) ? readdirSync(join(stateDir, "delivered")).length : 0;
      const startRelayer = (): ChildProcess =>
        spawn(
          join(ROOT, "node_modules/.bin/tsx"),
          ["scripts/federation/relayer-process.ts", "relay", configPath, stateDir, "20"],
          {
            cwd: ROOT,
            env: {
              ...process.env,
              CONDUCTOR_PRIVATE_KEY: "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
            },
            stdio: "ignore",
            // Its own process group: tsx runs the relayer in a child node process, and killing only
            // the tsx wrapper would leave that child relaying (and running after the test).
            detached: true,
          },
        );
      /** SIGKILL to the relayer's whole process group: the relayer dies at that instant. */
      const kill = (child: ChildProcess) => {
        if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
      };
      let relayer = startRelayer();
      await waitFor(() => delivered() >= MESSAGES / 4, 600_000, "a quarter of the messages");
      kill(relayer);
      const atKill = delivered();
      relayer = startRelayer();
      const client = createPublicClient({ transport: http(b.url) });
      try {
        await waitFor(() => delivered() >= MESSAGES, 600_000, "every message");
      } finally {
        kill(relayer);
      }
      const received = await client.getContractEvents({
        address: (await gB.getAddress()) as Hex,
        abi: bridgeGatewayAbi,
        eventName: "MessageReceived",
        fromBlock: 0n,
      });
      const ids = received.map((l) => l.args.id as Hex);
      expect(atKill).to.be.lessThan(MESSAGES);
      expect(ids.length, "deliveries").to.equal(MESSAGES);
      expect(new Set(ids).size, "distinct deliveries").to.equal(MESSAGES);
      expect(new Set(ids)).to.deep.equal(new Set(sent));
      expect(readdirSync(join(stateDir, "pending"))).to.deep.equal([]);
      expect(await gA.netFlow(1102)).to.equal(-(await gB.netFlow(1101)));
    } finally {
      await a.connection.close();
      await b.connection.close();
      await a.server.close();
      await b.server.close();
    }
  });
});
