import { AbiCoder, Contract, keccak256, Wallet } from "ethers";
import { execSafe } from "../../scripts/lib/safe.ts";
import { actionMask } from "../../sdk/src/core/enums.ts";
import * as abis from "../../sdk/src/generated/abis.ts";
import type { Action } from "../../sdk/src/generated/enums.ts";
import type { LocalRegion } from "./localRegion.ts";

/** ERC-7201 roots (scripts/erc7201.mjs) of the storage the tests edit behind the contracts' backs. */
export const RSC_ROOT = 0xf483478ee57517a4df11e3da56ae0eb2219ff533e1cc3c3a53b157e7820e8700n;
export const RESERVE_ROOT = 0x37cd8c06c5472be37a8641fd32b14f0d13be92ffddcaa9f574fc481234fbcc00n;
export const CAPITAL_POOL_ROOT = 0x1226eb17eb912cb9775c67e8d54188d60f7354e46036b631d8e73418e44c0000n;

const coder = AbiCoder.defaultAbiCoder();
const word = (n: bigint) => `0x${n.toString(16).padStart(64, "0")}`;

/** The slot of `mapping[key]` for a mapping at `slot`. */
export function mappingSlot(key: string | bigint, keyType: "address" | "uint256", slot: bigint): string {
  return keccak256(coder.encode([keyType, "uint256"], [key, slot]));
}

export async function readSlot(r: LocalRegion, address: string, slot: string): Promise<bigint> {
  return BigInt((await r.send("eth_getStorageAt", [address, slot, "latest"])) as string);
}

export async function writeSlot(r: LocalRegion, address: string, slot: string, value: bigint): Promise<void> {
  await r.send("hardhat_setStorageAt", [address, slot, word(value)]);
  await r.send("evm_mine", []);
}

/** Adds `amount` wei to `account`'s balance in the RSC's storage, with no log. */
export async function inflateBalance(r: LocalRegion, account: string, amount: bigint): Promise<void> {
  const slot = mappingSlot(account, "address", RSC_ROOT);
  await writeSlot(r, r.deployment.contracts.RSC, slot, (await readSlot(r, r.deployment.contracts.RSC, slot)) + amount);
}

/** Overwrites the Reserve's attested USD figure (`usdReserves`, root + 2), with no log. */
export async function setStoredReserves(r: LocalRegion, usd: bigint): Promise<void> {
  await writeSlot(r, r.deployment.contracts.Reserve, word(RESERVE_ROOT + 2n), usd);
}

/** Clears member `memberId`'s next UBI claim time in the CapitalPool (`nextClaimAt`, root + 2), with no log. */
export async function clearNextClaim(r: LocalRegion, memberId: bigint): Promise<void> {
  await writeSlot(r, r.deployment.contracts.CapitalPool, mappingSlot(memberId, "uint256", CAPITAL_POOL_ROOT + 2n), 0n);
}

/** The demo account `name` as a signer on the node. */
export function demoSigner(r: LocalRegion, name: string): Wallet {
  const a = r.seeded.accounts.find((x) => x.name === name);
  if (!a) throw new Error(`no demo account ${name}`);
  return new Wallet(a.privateKey, r.ethers.provider);
}

/** Runs a Reserve function through the custodians' 2-of-3 Safe. */
export async function asCustodians(r: LocalRegion, fn: string, args: unknown[]): Promise<void> {
  const signers = [demoSigner(r, "Custodian A"), demoSigner(r, "Custodian B")];
  const safe = new Contract(r.deployment.contracts.Custodians, abis.safeAbi as never, signers[0]);
  const reserve = new Contract(r.deployment.contracts.Reserve, abis.reserveAbi as never);
  const tx = await execSafe(
    safe as never,
    r.deployment.contracts.Reserve,
    reserve.interface.encodeFunctionData(fn, args),
    signers,
  );
  await tx.wait();
}

/**
 * Deploys the test-only BatchMover and has governance (the deployer, account 0) register it as a
 * Module allowed to perform `actions`: a module "with a bug", since it checks nothing itself.
 */
export async function deployCarelessModule(r: LocalRegion, actions: readonly Action[]) {
  const [admin] = await r.ethers.getSigners();
  const mover = await r.ethers.deployContract("BatchMover", [r.deployment.contracts.RSC], admin);
  await mover.waitForDeployment();
  const rsc = new Contract(r.deployment.contracts.RSC, abis.rscAbi as never, admin);
  await (await rsc.registerModule(await mover.getAddress(), 6, actionMask(actions))).wait();
  return mover;
}
