import type { Signer } from "ethers";
import TreasuryModule from "../../ignition/modules/Treasury.ts";
import { ignition } from "../helpers/region.ts";
import { deployMarketplace, ethers, ONE, PRODUCT } from "../marketplace/fixture.ts";

export { ethers, networkHelpers, ONE } from "../marketplace/fixture.ts";

export const ZERO = "0x0000000000000000000000000000000000000000";

const SAFE_TX = {
  SafeTx: [
    { name: "to", type: "address" },
    { name: "value", type: "uint256" },
    { name: "data", type: "bytes" },
    { name: "operation", type: "uint8" },
    { name: "safeTxGas", type: "uint256" },
    { name: "baseGas", type: "uint256" },
    { name: "gasPrice", type: "uint256" },
    { name: "gasToken", type: "address" },
    { name: "refundReceiver", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
};

/** A proposed call as the board takes it. */
export interface Call {
  to: string;
  value: bigint;
  data: string;
  operation: number;
  nonce: bigint;
}

/** `signer`'s EIP-712 signature of `call` for `safe` (what the Safe and the board verify). */
export async function signCall(signer: Signer, safe: string, call: Call): Promise<string> {
  const chainId = (await signer.provider!.getNetwork()).chainId;
  return signer.signTypedData({ chainId, verifyingContract: safe }, SAFE_TX, {
    ...call,
    safeTxGas: 0,
    baseGas: 0,
    gasPrice: 0,
    gasToken: ZERO,
    refundReceiver: ZERO,
  });
}

/**
 * The marketplace fixture (companies with 2-of-3 Safes, Acme listing "Steel beam" at 120 RSC, the
 * bank funded) plus the proposal board from the real Treasury Ignition module, and a purchase
 * call of 10 beams for the bank's Safe at its current nonce.
 */
export async function deployTreasury() {
  const f = await deployMarketplace();
  const { safeProposals } = await ignition.deploy(TreasuryModule);
  await f.acme.exec(f.marketplace, "createListing", [PRODUCT, "Steel beam", 120n * ONE, 1_000n]);
  const purchase: Call = {
    to: await f.marketplace.getAddress(),
    value: 0n,
    data: f.marketplace.interface.encodeFunctionData("purchase", [1n, 10n, 2_000n * ONE]),
    operation: 0,
    nonce: await f.bank.safe.nonce(),
  };
  const hashOf = (call: Call) =>
    f.bank.safe.getTransactionHash(call.to, call.value, call.data, call.operation, 0, 0, 0, ZERO, ZERO, call.nonce);
  return { ...f, board: safeProposals, purchase, hashOf, ethers };
}

export type TreasuryFixture = Awaited<ReturnType<typeof deployTreasury>>;
