import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { network } from "hardhat";
import { type Address, bytesToHex, type Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import PermissioningModule from "../../ignition/modules/Permissioning.ts";
import { execSafe } from "../lib/safe.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Hardhat's default development mnemonic: the accounts `hardhat node` unlocks. */
export const HARDHAT_MNEMONIC = "test test test test test test test test test test test junk";

/** A development account with its private key (for signing raw transactions). */
export type DevAccount = { address: Address; privateKey: Hex };

/** Account `index` of {@link HARDHAT_MNEMONIC}. */
export function devAccount(index: number): DevAccount {
  const account = mnemonicToAccount(HARDHAT_MNEMONIC, { addressIndex: index });
  return { address: account.address, privateKey: bytesToHex(account.getHdKey().privateKey!) };
}

const ONE = 10n ** 18n;

/**
 * Runs `step` again (at most twice more) when the HTTP connection to the node broke ("other side
 * closed": a keep-alive socket the node closed as it was reused, seen under heavy machine load),
 * unless `done()` says the step took effect before the connection broke.
 */
async function retryOnSocketError<T>(step: () => Promise<T>, done: () => Promise<boolean>): Promise<T | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      const text = `${(error as Error).message} ${String((error as { cause?: { cause?: unknown } }).cause?.cause ?? "")}`;
      const broken = /Failed to make POST request|other side closed|ECONNRESET|UND_ERR_SOCKET/.test(text);
      if (!broken || attempt === 2) throw error;
      if (await done()) return undefined;
    }
  }
}

/**
 * Deploys a whole region plus its Permissioning contract (the real Ignition modules) onto the node
 * at `url` (undefined: a new in-process EDR network, `network.create()`), onboards `members` members (accounts 4, 5, …) and deposits `funding` RSC wei to each.
 * Deployer and admin: account 0; custodians: a 2-of-3 Safe of accounts 1–3. `cleanup()` removes
 * the Ignition journal this deployment wrote under ignition/deployments/.
 */
export async function deployPermissionedRegion(url: string | undefined, members: number, funding = 1000n * ONE) {
  const connection =
    url === undefined ? await network.create() : await network.create({ network: "localhost", override: { url } });
  const { ethers, ignition } = connection;
  const deploymentId = `gateway-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const cleanup = () => rmSync(`${ROOT}/ignition/deployments/${deploymentId}`, { recursive: true, force: true });
  try {
    // Ignition resumes from its journal when run again with the same deployment id.
    const deployed = (await retryOnSocketError(
      () =>
        ignition.deploy(PermissioningModule, { deploymentId, config: { requiredConfirmations: 1 }, displayUi: false }),
      async () => false,
    ))!;
    const rsc = deployed.rsc as unknown as {
      kindOf(a: string): Promise<bigint>;
      balanceOf(a: string): Promise<bigint>;
    };
    const signers = await ethers.getSigners();
    const memberAccounts = Array.from({ length: members }, (_, i) => devAccount(4 + i));
    const registry = deployed.registry as unknown as {
      onboardMember(a: string): Promise<{ wait(): Promise<unknown> }>;
    };
    for (const m of memberAccounts) {
      await retryOnSocketError(
        async () => (await registry.onboardMember(m.address)).wait(),
        async () => (await rsc.kindOf(m.address)) === 1n,
      );
    }
    const reserve = deployed.reserve as unknown as {
      getAddress(): Promise<string>;
      interface: { encodeFunctionData(f: string, a: unknown[]): string };
    };
    const custodians = [signers[1], signers[2]];
    const asCustodians = async (fn: string, args: unknown[]) => {
      const tx = await execSafe(
        deployed.custodians as never,
        await reserve.getAddress(),
        reserve.interface.encodeFunctionData(fn, args),
        custodians,
      );
      await (tx as { wait(): Promise<unknown> }).wait();
    };
    if (members > 0 && funding > 0n) {
      await retryOnSocketError(
        () => asCustodians("attestReserves", [funding * BigInt(members), 0, `0x${"00".repeat(32)}`]),
        async () => false,
      );
      for (const [i, m] of memberAccounts.entries()) {
        await retryOnSocketError(
          () => asCustodians("attestDeposit", [`0x${(i + 1).toString(16).padStart(64, "0")}`, m.address, funding]),
          async () => (await rsc.balanceOf(m.address)) >= funding,
        );
      }
    }
    return {
      connection,
      ...deployed,
      permissioningAddress: (await deployed.permissioning.getAddress()) as Address,
      rscAddress: (await deployed.rsc.getAddress()) as Address,
      deployer: devAccount(0),
      members: memberAccounts,
      cleanup,
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

export type PermissionedRegion = Awaited<ReturnType<typeof deployPermissionedRegion>>;
