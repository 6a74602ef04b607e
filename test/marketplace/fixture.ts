import type { Signer } from "ethers";
import MarketplaceModule from "../../ignition/modules/Marketplace.ts";
import { createSafe, execSafe } from "../../scripts/lib/safe.ts";
import { ethers, ignition, Kind, ONE } from "../helpers/region.ts";

export { ethers, networkHelpers, ONE } from "../helpers/region.ts";

export const DAY = 86_400;
export const PRODUCT = 0;
export const SERVICE = 1;
let salt = 1_000n;

type Target = { getAddress(): Promise<string>; interface: { encodeFunctionData(f: string, a: unknown[]): string } };

/**
 * A region with the marketplace layer (the real Ignition module), two members (alice, bob) and
 * four company treasuries, each a 2-of-3 Safe: acme and grocer (Company), clinic
 * (RegionalCompany), bank (Company, funded by a USD deposit), plus an external trader (a Safe
 * registered as ExternalCompany).
 */
export async function deployMarketplace() {
  const signers = await ethers.getSigners();
  const [admin, custodian1, custodian2, , alice, bob, outsider] = signers;
  const deployed = await ignition.deploy(MarketplaceModule);
  const { registry, reserve, custodians, safeProxyFactory, safeSingleton, fallbackHandler } = deployed;

  const asCustodians = async (target: Target, fn: string, args: unknown[]) =>
    (
      await execSafe(custodians as never, await target.getAddress(), target.interface.encodeFunctionData(fn, args), [
        custodian1,
        custodian2,
      ])
    ).wait();

  async function company(kind: number, name: string, owners: Signer[]) {
    const address = await createSafe(
      safeProxyFactory,
      await safeSingleton.getAddress(),
      await fallbackHandler.getAddress(),
      await Promise.all(owners.map((o) => o.getAddress())),
      2,
      salt++,
      safeSingleton.interface,
    );
    await registry.registerCompany(address, kind, 3, name);
    const safe = await ethers.getContractAt("Safe", address);
    /** Executes `target.fn(...args)` from this company's Safe with the first two owners' signatures. */
    const exec = async (target: Target, fn: string, args: unknown[]) =>
      (
        await execSafe(safe as never, await target.getAddress(), target.interface.encodeFunctionData(fn, args), [
          owners[0],
          owners[1],
        ])
      ).wait();
    return { address, safe, owners, exec };
  }

  await registry.onboardMember(alice.address);
  await registry.onboardMember(bob.address);
  const acme = await company(Kind.indexOf("Company"), "Acme Steel", signers.slice(7, 10));
  const grocer = await company(Kind.indexOf("Company"), "Green Grocers", signers.slice(10, 13));
  const clinic = await company(Kind.indexOf("RegionalCompany"), "Riverside Clinic", signers.slice(13, 16));
  const bank = await company(Kind.indexOf("Company"), "Maple Credit Union", signers.slice(16, 19));
  const external = await company(Kind.indexOf("ExternalCompany"), "Global Imports", [
    signers[19],
    signers[7],
    signers[8],
  ]);

  await asCustodians(reserve, "attestReserves", [10_000_000n * ONE, 0, ethers.id("report")]);
  let ref = 0;
  const deposit = (to: string, amount: bigint) =>
    asCustodians(reserve, "attestDeposit", [ethers.id(`deposit ${ref++}`), to, amount]);
  await deposit(alice.address, 10_000n * ONE);
  await deposit(bob.address, 10_000n * ONE);
  await deposit(bank.address, 100_000n * ONE);
  await deposit(external.address, 10_000n * ONE);

  return { ...deployed, signers, admin, alice, bob, outsider, acme, grocer, clinic, bank, external, deposit };
}

export type MarketplaceFixture = Awaited<ReturnType<typeof deployMarketplace>>;

/** The fixture's contracts by their SDK names (for `deploymentOf` in test/helpers/viem.ts). */
export const marketplaceContracts = (
  f: Pick<
    MarketplaceFixture,
    | "rsc"
    | "registry"
    | "regionParameters"
    | "reserve"
    | "capitalPool"
    | "custodians"
    | "marketplace"
    | "jobBoard"
    | "profitAtRest"
    | "loans"
  >,
) => ({
  RSC: f.rsc,
  Registry: f.registry,
  RegionParameters: f.regionParameters,
  Reserve: f.reserve,
  CapitalPool: f.capitalPool,
  Custodians: f.custodians,
  Marketplace: f.marketplace,
  JobBoard: f.jobBoard,
  ProfitAtRest: f.profitAtRest,
  Loans: f.loans,
});
