/**
 * Gas of the region core's operations next to a plain OpenZeppelin ERC-20 (ReferenceERC20),
 * both deployed on the same in-process network in the same run; figures from receipts.
 */
import type { Signer } from "ethers";
import { network } from "hardhat";
import RegionModule from "../../ignition/modules/Region.ts";
import { execSafe } from "../lib/safe.ts";
import type { BenchRow } from "./types.ts";

const ONE = 10n ** 18n;

type Sendable = { wait(): Promise<{ gasUsed: bigint } | null> };
async function gasOf(tx: Promise<Sendable>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (!receipt) throw new Error("no receipt");
  return receipt.gasUsed;
}

function ratioRow(operation: string, gas: bigint, referenceGas: bigint, limit?: number): BenchRow {
  const row: BenchRow = { group: "core", operation, gas, reference: "OZ ERC-20", referenceGas };
  if (limit !== undefined) {
    row.target = `≤ ${limit.toFixed(2)}× reference`;
    row.met = Number(gas) <= limit * Number(referenceGas);
  }
  return row;
}

async function signPermit(
  token: { getAddress(): Promise<string>; nonces(a: string): Promise<bigint>; name(): Promise<string> },
  owner: Signer,
  spender: string,
  value: bigint,
  deadline: bigint,
  chainId: bigint,
) {
  const ownerAddress = await owner.getAddress();
  const signature = await owner.signTypedData(
    { name: await token.name(), version: "1", chainId, verifyingContract: await token.getAddress() },
    {
      Permit: [
        { name: "owner", type: "address" },
        { name: "spender", type: "address" },
        { name: "value", type: "uint256" },
        { name: "nonce", type: "uint256" },
        { name: "deadline", type: "uint256" },
      ],
    },
    { owner: ownerAddress, spender, value, nonce: await token.nonces(ownerAddress), deadline },
  );
  const { Signature } = await import("ethers");
  return Signature.from(signature);
}

export async function bench(): Promise<BenchRow[]> {
  const connection = await network.create();
  // biome-ignore lint/suspicious/noExplicitAny: ethers and ignition are added by plugins at runtime
  const { ethers, ignition } = connection as any;
  const signers: Signer[] = await ethers.getSigners();
  const [admin, c1, c2, , alice, bob, carol, dave, spender, relayer, custodianEoa, erin] = signers;
  const addr = (s: Signer) => s.getAddress();
  const region = await ignition.deploy(RegionModule, { displayUi: false });
  const { rsc, registry, reserve, capitalPool, custodians } = region;
  const ref = await ethers.deployContract("ReferenceERC20");
  const chainId = (await ethers.provider.getNetwork()).chainId;
  const rows: BenchRow[] = [];

  // ---- set up: members, reserves, an EOA custodian (to measure the reserve alone), deposits
  for (const s of [alice, bob, carol, dave, erin]) await (await registry.onboardMember(await addr(s))).wait();
  const custodianRole = await reserve.CUSTODIAN_ROLE();
  await (await reserve.grantRole(custodianRole, await addr(custodianEoa))).wait();
  const asCustodian = reserve.connect(custodianEoa);
  await (await asCustodian.attestReserves(10_000_000n * ONE, 0, `0x${"00".repeat(32)}`)).wait();
  let depositNo = 0;
  const depositRef = () => `0x${(++depositNo).toString(16).padStart(64, "0")}`;
  for (const s of [alice, bob]) {
    await (await asCustodian.attestDeposit(depositRef(), await addr(s), 1_000n * ONE)).wait();
    await (await ref.mint(await addr(s), 1_000n * ONE)).wait();
  }
  await (await asCustodian.attestDeposit(depositRef(), await capitalPool.getAddress(), 100_000n * ONE)).wait();

  // ---- P2P transfer to an existing holder
  const p2p = await gasOf(rsc.connect(alice).transfer(await addr(bob), ONE));
  const p2pRef = await gasOf(ref.connect(alice).transfer(await addr(bob), ONE));
  rows.push(ratioRow("P2P transfer, existing holder", p2p, p2pRef, 1.15));

  // ---- P2P transfer to a new holder (a member with no balance yet / a fresh address)
  const fresh = await gasOf(rsc.connect(alice).transfer(await addr(carol), ONE));
  const freshRef = await gasOf(ref.connect(alice).transfer(ethers.Wallet.createRandom().address, ONE));
  rows.push(ratioRow("P2P transfer, new holder", fresh, freshRef, 1.15));

  // ---- transferFrom (spender moves alice → bob)
  await (await rsc.connect(alice).approve(await addr(spender), 100n * ONE)).wait();
  await (await ref.connect(alice).approve(await addr(spender), 100n * ONE)).wait();
  const tf = await gasOf(rsc.connect(spender).transferFrom(await addr(alice), await addr(bob), ONE));
  const tfRef = await gasOf(ref.connect(spender).transferFrom(await addr(alice), await addr(bob), ONE));
  rows.push(ratioRow("transferFrom", tf, tfRef));

  // ---- permit (submitted by a relayer)
  const deadline = 2n ** 40n;
  const sig = await signPermit(rsc, bob, await addr(spender), 5n * ONE, deadline, chainId);
  const permit = await gasOf(
    rsc.connect(relayer).permit(await addr(bob), await addr(spender), 5n * ONE, deadline, sig.v, sig.r, sig.s),
  );
  const sigRef = await signPermit(ref, bob, await addr(spender), 5n * ONE, deadline, chainId);
  const permitRef = await gasOf(
    ref.connect(relayer).permit(await addr(bob), await addr(spender), 5n * ONE, deadline, sigRef.v, sigRef.r, sigRef.s),
  );
  rows.push(ratioRow("permit", permit, permitRef));

  // ---- deposit mint (reserve check, mint, event) vs a plain mint; and through the 2-of-3 Safe
  const mint = await gasOf(asCustodian.attestDeposit(depositRef(), await addr(bob), 10n * ONE));
  const mintRef = await gasOf(ref.mint(await addr(bob), 10n * ONE));
  rows.push(ratioRow("deposit mint (custodian → Reserve)", mint, mintRef));
  const viaSafe = await gasOf(
    execSafe(
      custodians,
      await reserve.getAddress(),
      reserve.interface.encodeFunctionData("attestDeposit", [depositRef(), await addr(bob), 10n * ONE]),
      [c1, c2],
    ),
  );
  rows.push({ group: "core", operation: "deposit mint through the custodians' 2-of-3 Safe", gas: viaSafe });

  // ---- redemption: request (escrow) and paid (burn)
  const request = await gasOf(reserve.connect(bob).requestRedemption(5n * ONE));
  rows.push(ratioRow("redemption request (escrow)", request, p2pRef));
  const paid = await gasOf(asCustodian.markRedemptionPaid(0, `0x${"ab".repeat(32)}`));
  const burnRef = await gasOf(ref.burn(await addr(bob), 5n * ONE));
  rows.push(ratioRow("redemption paid (burn)", paid, burnRef));

  // ---- UBI claim (a first claim by a member who already holds RSC) vs a plain transfer
  const ubi = await gasOf(capitalPool.connect(alice).claimUbi());
  rows.push(ratioRow("UBI claim", ubi, p2pRef));

  // ---- member onboarding (voting power included: membership is the vote)
  const onboard = await gasOf(registry.onboardMember(ethers.Wallet.createRandom().address));
  rows.push({
    group: "core",
    operation: "member onboarding (with voting power)",
    gas: onboard,
    reference: "ERC721Votes mint + self-delegation (quoted from the issue)",
    referenceGas: 200_000n,
    quoted: true,
    target: "≤ 80,000 gas",
    met: onboard <= 80_000n,
  });

  void admin;
  await connection.close();
  return rows;
}
