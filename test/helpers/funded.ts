import { deployRegion, ethers, ONE } from "./region.ts";

/** USD the custodians attest in {@link deployFundedRegion}. */
export const RESERVES = 1_000_000n * ONE;
/** RSC the capital pool starts with in {@link deployFundedRegion}. */
export const POOL_FUNDS = 10_000n * ONE;
/** RSC each of alice and bob starts with in {@link deployFundedRegion}. */
export const MEMBER_FUNDS = 1_000n * ONE;

/** A deposit reference, distinct per `n`. */
export const depositRef = (n: number) => ethers.zeroPadValue(ethers.toBeHex(n), 32);

/**
 * A region (see {@link deployRegion}) with {@link RESERVES} attested, members alice (signer 4, id 1)
 * and bob (signer 5, id 2) holding {@link MEMBER_FUNDS} each, and the capital pool holding
 * {@link POOL_FUNDS}, all minted by the reserve against attested deposits (refs 1, 2, 3).
 */
export async function deployFundedRegion() {
  const r = await deployRegion();
  const [alice, bob, carol, dave] = [r.signers[4], r.signers[5], r.signers[6], r.signers[7]];
  await r.registry.onboardMember(alice.address);
  await r.registry.onboardMember(bob.address);
  await r.asCustodians(r.reserve, "attestReserves", [RESERVES, 0, ethers.ZeroHash]);
  await r.asCustodians(r.reserve, "attestDeposit", [depositRef(1), alice.address, MEMBER_FUNDS]);
  await r.asCustodians(r.reserve, "attestDeposit", [depositRef(2), bob.address, MEMBER_FUNDS]);
  await r.asCustodians(r.reserve, "attestDeposit", [depositRef(3), await r.capitalPool.getAddress(), POOL_FUNDS]);
  return { ...r, alice, bob, carol, dave };
}

export type FundedRegion = Awaited<ReturnType<typeof deployFundedRegion>>;
