import { network } from "hardhat";
import RegionModule from "../../ignition/modules/Region.ts";
import { execSafe } from "./safe.ts";

export const connection = await network.create();
export const { ethers, ignition, networkHelpers } = connection;

export const ONE = 10n ** 18n;

export { actionId, kindId } from "../../sdk/src/core/enums.ts";
/** The Kind and Action numbers the contracts use. */
export { Action, Kind } from "../../sdk/src/generated/enums.ts";

/**
 * A freshly deployed region through the real Ignition module: deployer = signer 0 (admin and
 * registrar), custodians = a 2-of-3 Safe of signers 1..3.
 */
export async function deployRegion() {
  const signers = await ethers.getSigners();
  const [admin, custodian1, custodian2, custodian3] = signers;
  const deployed = await ignition.deploy(RegionModule);
  const rsc = deployed.rsc;
  const custodianSigners = [custodian1, custodian2];
  /** Executes `contract.fn(...args)` from the custodians' Safe with 2 of 3 signatures. */
  async function asCustodians(
    target: { getAddress(): Promise<string>; interface: { encodeFunctionData(f: string, a: unknown[]): string } },
    fn: string,
    args: unknown[],
  ) {
    const tx = await execSafe(
      deployed.custodians as never,
      await target.getAddress(),
      target.interface.encodeFunctionData(fn, args),
      custodianSigners,
    );
    return tx;
  }
  return { ...deployed, rsc, signers, admin, custodian1, custodian2, custodian3, asCustodians };
}

export type Region = Awaited<ReturnType<typeof deployRegion>>;
