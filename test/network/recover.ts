import { expect } from "chai";
import { parseTransaction, recoverTransactionAddress } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import {
  factsOfRawTransaction,
  factsOfTransactionObject,
  TransactionDecodeError,
} from "../../scripts/gateway/decode.ts";
import { recoverSender, recoveryBackend } from "../../scripts/gateway/recover.ts";

describe("gateway: reading transactions", () => {
  const account = privateKeyToAccount(generatePrivateKey());
  const to = privateKeyToAccount(generatePrivateKey()).address;
  const kinds = [
    { chainId: 31337, type: "eip1559", to, gas: 90_000n, maxFeePerGas: 10n ** 11n, maxPriorityFeePerGas: 1n, nonce: 3 },
    { chainId: 31337, type: "legacy", to, gas: 21_000n, gasPrice: 10n ** 9n, nonce: 1, value: 5n },
    { type: "legacy", to, gas: 21_000n, gasPrice: 10n ** 9n, nonce: 2 },
    { chainId: 5, type: "eip2930", to, gas: 50_000n, gasPrice: 10n ** 9n, nonce: 4, accessList: [] },
    {
      chainId: 31337,
      type: "eip1559",
      gas: 500_000n,
      maxFeePerGas: 1n,
      maxPriorityFeePerGas: 1n,
      nonce: 0,
      data: "0x6000",
    },
  ] as const;

  it(`recovers the same sender as viem for every transaction type (backend: ${recoveryBackend})`, async () => {
    for (const tx of kinds) {
      for (let i = 0; i < 5; i++) {
        const raw = await account.signTransaction({ ...tx, nonce: tx.nonce + i } as never);
        expect(await recoverSender(raw)).to.equal(account.address);
        expect(await recoverSender(raw, parseTransaction(raw))).to.equal(
          await recoverTransactionAddress({ serializedTransaction: raw as never }),
        );
      }
    }
  });

  it("recovers the sender of a legacy transaction whose r or s is short (leading zero bytes, 1 in 128)", async () => {
    let found = 0;
    for (let nonce = 0; found < 2 && nonce < 5_000; nonce++) {
      const raw = await account.signTransaction({ ...kinds[1], nonce } as never);
      const { r, s } = parseTransaction(raw);
      if ((r?.length ?? 66) === 66 && (s?.length ?? 66) === 66) continue;
      found++;
      expect(await recoverSender(raw)).to.equal(account.address);
    }
    expect(found).to.equal(2);
  });

  it("reads sender, target, value, gas and payload of a signed transaction (no target: creation)", async () => {
    const facts = await factsOfRawTransaction(await account.signTransaction(kinds[1] as never));
    expect(facts).to.deep.equal({
      sender: account.address,
      target: to,
      value: 5n,
      gasPrice: 10n ** 9n,
      gasLimit: 21_000n,
      payload: "0x",
    });
    const creation = await factsOfRawTransaction(await account.signTransaction(kinds[4] as never));
    expect(creation.target).to.equal(undefined);
    expect(creation.payload).to.equal("0x6000");
  });

  it("refuses what it cannot read with a TransactionDecodeError", async () => {
    for (const bad of [42, "hello", "0xdeadbeef"]) {
      let error: unknown;
      try {
        await factsOfRawTransaction(bad);
      } catch (e) {
        error = e;
      }
      expect(error, String(bad)).to.be.instanceOf(TransactionDecodeError);
    }
    expect(() => factsOfTransactionObject({ to })).to.throw(TransactionDecodeError, "needs a from address");
    expect(() => factsOfTransactionObject({ from: to, to: "0x12" })).to.throw(
      TransactionDecodeError,
      "to is not an address",
    );
    expect(() => factsOfTransactionObject({ from: to, value: 7 })).to.throw(
      TransactionDecodeError,
      "value is not a hex quantity",
    );
    expect(factsOfTransactionObject({ from: to, input: "0xab", gas: "0x10" })).to.deep.equal({
      sender: to,
      target: undefined,
      value: 0n,
      gasPrice: 0n,
      gasLimit: 16n,
      payload: "0xab",
    });
  });
});
