import type { Signer } from "ethers";
import { Action, Kind } from "../../sdk/src/generated/enums.ts";
import { deployRegion, ethers, ONE } from "./region.ts";

/** Every action bit set: a module allowed to perform every typed action. */
export const ALL_ACTIONS = (1n << BigInt(Action.length)) - 1n;

/** How much each funded account starts with. */
export const FUNDING = 1_000n * ONE;

/** Something that can send a transaction as an account (an EOA signer, or a treasury contract). */
export type Caller = { address: string; send(target: string, data: string): Promise<unknown> };

/**
 * A region (see {@link deployRegion}) plus a `TestModule` registered for every action and one
 * account of each kind, each able to send transactions:
 * - None: an unregistered signer; Person: two members; Company and RegionalCompany: `TestTreasury`
 *   contracts; ExternalCompany: an EOA; Region, Module, Bridge: EOAs registered by governance with
 *   no action bit.
 * Person, companies and Region hold {@link FUNDING} (minted through the module's `Deposit`), the
 * Module account holds {@link FUNDING} escrowed from the second Person (`Redemption`).
 */
export async function deployKinds() {
  const r = await deployRegion();
  const s = r.signers;
  const testModule = await ethers.deployContract("TestModule", [await r.rsc.getAddress()]);
  await r.rsc.registerModule(await testModule.getAddress(), Kind.indexOf("Module"), ALL_ACTIONS);

  const eoa = (signer: Signer & { address: string }): Caller => ({
    address: signer.address,
    send: (target, data) => signer.sendTransaction({ to: target, data }),
  });
  const treasury = async (): Promise<Caller> => {
    const t = await ethers.deployContract("TestTreasury", [(await ethers.getSigners())[0].address]);
    return { address: await t.getAddress(), send: (target, data) => t.execute(target, data) };
  };

  const person = eoa(s[4]);
  const person2 = eoa(s[5]);
  const company = await treasury();
  const regional = await treasury();
  const external = eoa(s[6]);
  const region = eoa(s[7]);
  const moduleAccount = eoa(s[8]);
  const bridge = eoa(s[9]);
  const none = eoa(s[10]);

  await r.registry.onboardMember(person.address);
  await r.registry.onboardMember(person2.address);
  await r.registry.registerCompany(company.address, Kind.indexOf("Company"), 1, "Worker Co");
  await r.registry.registerCompany(regional.address, Kind.indexOf("RegionalCompany"), 2, "Regional Housing");
  await r.registry.registerCompany(external.address, Kind.indexOf("ExternalCompany"), 3, "Outside Inc");
  await r.rsc.registerModule(region.address, Kind.indexOf("Region"), 0);
  await r.rsc.registerModule(moduleAccount.address, Kind.indexOf("Module"), 0);
  await r.rsc.registerModule(bridge.address, Kind.indexOf("Bridge"), 0);

  const zeroRef = ethers.ZeroHash;
  for (const a of [person, person2, company, regional, external, region]) {
    await testModule.move(Action.indexOf("Deposit"), ethers.ZeroAddress, a.address, FUNDING, zeroRef);
  }
  await testModule.move(Action.indexOf("Redemption"), person2.address, moduleAccount.address, FUNDING, zeroRef);
  await testModule.move(Action.indexOf("Deposit"), ethers.ZeroAddress, person2.address, FUNDING, zeroRef);

  /** One account of each kind, by kind. `None` is the unregistered signer. */
  const byKind: Record<Kind, Caller> = {
    None: none,
    Person: person,
    Company: company,
    RegionalCompany: regional,
    ExternalCompany: external,
    Region: region,
    Module: moduleAccount,
    Bridge: bridge,
  };
  return { ...r, testModule, byKind, person2 };
}

export type Kinds = Awaited<ReturnType<typeof deployKinds>>;
