import type { BaseContract, Signer } from "ethers";

const ZERO = "0x0000000000000000000000000000000000000000";

type SafeLike = BaseContract & {
  nonce(): Promise<bigint>;
  getAddress(): Promise<string>;
  execTransaction: (...args: unknown[]) => Promise<{ wait(): Promise<unknown> }>;
};

/**
 * Signs a Safe transaction with `signers` (EIP-712, sorted by owner address as the Safe requires)
 * and executes it from `signers[0]`. Returns the transaction response.
 */
export async function execSafe(safe: SafeLike, to: string, data: string, signers: Signer[], value = 0n) {
  const nonce = await safe.nonce();
  const safeAddress = await safe.getAddress();
  const chainId = (await signers[0].provider!.getNetwork()).chainId;
  const tx = {
    to,
    value,
    data,
    operation: 0,
    safeTxGas: 0,
    baseGas: 0,
    gasPrice: 0,
    gasToken: ZERO,
    refundReceiver: ZERO,
    nonce,
  };
  const types = {
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
  const domain = { chainId, verifyingContract: safeAddress };
  const signed = await Promise.all(
    signers.map(async (s) => ({
      owner: (await s.getAddress()).toLowerCase(),
      sig: await s.signTypedData(domain, types, tx),
    })),
  );
  signed.sort((a, b) => (a.owner < b.owner ? -1 : 1));
  const signatures = `0x${signed.map((s) => s.sig.slice(2)).join("")}`;
  return (
    safe
      .connect(signers[0])
      // @ts-expect-error: typed by the Safe ABI at runtime
      .execTransaction(to, value, data, 0, 0, 0, 0, ZERO, ZERO, signatures)
  );
}

/**
 * Creates a Safe 1.4.1 proxy owned by `owners` with `threshold`, through the region's factory.
 * Returns the new Safe's address.
 */
export async function createSafe(
  factory: BaseContract,
  singleton: string,
  fallbackHandler: string,
  owners: string[],
  threshold: number,
  saltNonce: bigint,
  singletonInterface: { encodeFunctionData(f: string, a: unknown[]): string },
): Promise<string> {
  const setup = singletonInterface.encodeFunctionData("setup", [
    owners,
    threshold,
    ZERO,
    "0x",
    fallbackHandler,
    ZERO,
    0,
    ZERO,
  ]);
  // @ts-expect-error: typed by the SafeProxyFactory ABI at runtime
  const tx = await factory.createProxyWithNonce(singleton, setup, saltNonce);
  const receipt = await tx.wait();
  for (const log of receipt.logs) {
    try {
      const parsed = factory.interface.parseLog(log);
      if (parsed?.name === "ProxyCreation") return parsed.args.proxy as string;
    } catch {
      // not a factory event
    }
  }
  throw new Error("SafeProxyFactory did not emit ProxyCreation");
}
