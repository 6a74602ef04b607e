import { expect } from "chai";
import { type Address, encodeFunctionData, type Hex, parseEther } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { type Gateway, startGateway } from "../../scripts/gateway/gateway.ts";
import { type HardhatNode, startHardhatNode } from "../../scripts/gateway/hardhatNode.ts";
import {
  type DevAccount,
  deployPermissionedRegion,
  devAccount,
  type PermissionedRegion,
} from "../../scripts/gateway/permissionedRegion.ts";
import { rscAbi } from "../../sdk/src/generated/abis.ts";

type RpcAnswer = {
  jsonrpc: string;
  id: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
};

async function rpc(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

async function call(url: string, method: string, params: unknown[], id: unknown = 1): Promise<RpcAnswer> {
  return (await rpc(url, { jsonrpc: "2.0", id, method, params })) as RpcAnswer;
}

const CHAIN_ID = 31337;
/** The token every transfer goes to (set once the region is deployed). */
const RSC_ADDRESS: { value?: Address } = {};

async function signTransfer(from: DevAccount, to: Address, amount: bigint, nonce: number): Promise<Hex> {
  return privateKeyToAccount(from.privateKey).signTransaction({
    chainId: CHAIN_ID,
    type: "eip1559",
    to: RSC_ADDRESS.value,
    data: encodeFunctionData({ abi: rscAbi, functionName: "transfer", args: [to, amount] }),
    gas: 100_000n,
    maxFeePerGas: parseEther("0.0000001"),
    maxPriorityFeePerGas: 1n,
    nonce,
  });
}

describe("JSON-RPC gateway (permissioning on the embedded node)", function () {
  this.timeout(300_000);
  let node: HardhatNode;
  let region: PermissionedRegion;
  let gateway: Gateway;

  before(async () => {
    node = await startHardhatNode();
    region = await deployPermissionedRegion(node.url, 8, parseEther("1000"));
    RSC_ADDRESS.value = region.rscAddress;
    gateway = await startGateway({ upstreamUrl: node.url, permissioningAddress: region.permissioningAddress });
  });

  after(async () => {
    await gateway?.close();
    region?.cleanup();
    await node?.stop();
  });

  const nonceOf = async (a: Address) =>
    Number(BigInt((await call(node.url, "eth_getTransactionCount", [a, "latest"])).result as string));
  const rscToken = () => region.rscAddress;

  it("passes reads through unchanged", async () => {
    const direct = await call(node.url, "eth_chainId", [], 7);
    const via = await call(gateway.url, "eth_chainId", [], 7);
    expect(via).to.deep.equal(direct);
    expect(via.result).to.equal("0x7a69");
  });

  it("refuses a non-member's signed transaction and says why", async () => {
    const outsider = devAccount(12);
    const raw = await signTransfer(outsider, region.members[0].address, 1n, 0);
    const answer = await call(gateway.url, "eth_sendRawTransaction", [raw], "x");
    expect(answer.id).to.equal("x");
    expect(answer.error?.code).to.equal(-32003);
    expect(answer.error?.message).to.equal(
      `transaction refused: sender ${outsider.address} is not a registered member`,
    );
    expect(answer.error?.data).to.deep.equal({
      reason: "SenderNotRegistered",
      sender: outsider.address,
      target: rscToken(),
    });
    expect(await nonceOf(outsider.address)).to.equal(0);
  });

  it("refuses eth_sendTransaction from a non-member, a suspended sender, a foreign target, a member's contract creation", async () => {
    const outsider = devAccount(13).address;
    const [alice, bob, carol] = region.members;
    const send = (tx: Record<string, unknown>) => call(gateway.url, "eth_sendTransaction", [tx]);

    const a1 = await send({ from: outsider, to: rscToken(), data: "0x" });
    expect(a1.error?.message).to.equal(`transaction refused: sender ${outsider} is not a registered member`);

    const stranger = privateKeyToAccount(`0x${"42".repeat(32)}`).address;
    const a2 = await send({ from: alice.address, to: stranger, value: "0x1" });
    expect(a2.error?.message).to.equal(
      `transaction refused: target ${stranger} is not a Conductor contract or registered account`,
    );

    const a3 = await send({ from: alice.address, data: "0x6000" });
    expect(a3.error?.message).to.equal("transaction refused: contract creation is reserved to the region's deployers");

    await (await region.registry.suspend(carol.address, "test")).wait();
    const a4 = await call(gateway.url, "eth_sendRawTransaction", [
      await signTransfer(carol, bob.address, 1n, await nonceOf(carol.address)),
    ]);
    expect(a4.error?.message).to.equal(`transaction refused: sender ${carol.address} is suspended`);
    await (await region.registry.restore(carol.address)).wait();

    for (const a of [a1, a2, a3, a4]) expect(a.error?.code).to.equal(-32003);
    expect(await nonceOf(outsider)).to.equal(0);
    expect(gateway.stats().refused).to.be.greaterThanOrEqual(4);
  });

  it("passes a member's transfer and a deployer's contract creation", async () => {
    const [alice, bob] = region.members;
    const before = await region.rsc.balanceOf(bob.address);
    const answer = await call(gateway.url, "eth_sendRawTransaction", [
      await signTransfer(alice, bob.address, 5n, await nonceOf(alice.address)),
    ]);
    expect(answer.error).to.equal(undefined);
    expect(answer.result).to.match(/^0x[0-9a-f]{64}$/);
    expect(await region.rsc.balanceOf(bob.address)).to.equal(before + 5n);
    const creation = await call(gateway.url, "eth_sendTransaction", [
      { from: region.deployer.address, data: "0x60006000f3" },
    ]);
    expect(creation.error).to.equal(undefined);
  });

  it("answers a batch element by element, in order", async () => {
    const [alice, bob] = region.members;
    const outsider = devAccount(14);
    const batch = [
      { jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] },
      {
        jsonrpc: "2.0",
        id: 2,
        method: "eth_sendRawTransaction",
        params: [await signTransfer(outsider, bob.address, 1n, 0)],
      },
      {
        jsonrpc: "2.0",
        id: 3,
        method: "eth_sendRawTransaction",
        params: [await signTransfer(alice, bob.address, 1n, await nonceOf(alice.address))],
      },
      { jsonrpc: "2.0", id: 4, method: "eth_sendRawTransaction", params: ["0xdeadbeef"] },
      "not a request",
    ];
    const answers = (await rpc(gateway.url, batch)) as RpcAnswer[];
    expect(answers.map((a) => a.id)).to.deep.equal([1, 2, 3, 4, null]);
    expect(answers[0].result).to.match(/^0x/);
    expect(answers[1].error?.code).to.equal(-32003);
    expect(answers[2].result).to.match(/^0x[0-9a-f]{64}$/);
    expect(answers[3].error?.code).to.equal(-32602);
    expect(answers[4].error?.code).to.equal(-32600);
  });

  it("under concurrent load (1,200 requests) loses nothing and passes nothing it should refuse", async () => {
    const members = region.members.slice(0, 8);
    const outsiders = [15, 16, 17, 18].map(devAccount);
    const perMember = 60;
    const balancesBefore = await Promise.all(members.map((m) => region.rsc.balanceOf(m.address)));
    const nonces = await Promise.all(members.map((m) => nonceOf(m.address)));

    // Each member sends perMember transfers of 1 RSC wei to the next member, one after another.
    const memberChains = members.map(async (m, i) => {
      const to = members[(i + 1) % members.length].address;
      const answers: RpcAnswer[] = [];
      for (let k = 0; k < perMember; k++) {
        const raw = await signTransfer(m, to, 1n, nonces[i] + k);
        answers.push(await call(gateway.url, "eth_sendRawTransaction", [raw], `m${i}-${k}`));
      }
      return answers;
    });

    // Meanwhile: 240 outsider transactions (signed) and 480 reads, 24 at a time.
    const singles: { id: string; method: string; params: () => Promise<unknown[]> }[] = [];
    for (let k = 0; k < 240; k++) {
      const o = outsiders[k % outsiders.length];
      singles.push({
        id: `o${k}`,
        method: "eth_sendRawTransaction",
        params: async () => [
          await signTransfer(o, members[k % members.length].address, 1n, Math.floor(k / outsiders.length)),
        ],
      });
    }
    for (let k = 0; k < 480; k++) {
      singles.push({
        id: `r${k}`,
        method: "eth_call",
        params: async () => [
          {
            to: rscToken(),
            data: encodeFunctionData({
              abi: rscAbi,
              functionName: "balanceOf",
              args: [members[k % members.length].address],
            }),
          },
          "latest",
        ],
      });
    }
    const singleAnswers = new Map<string, RpcAnswer>();
    let next = 0;
    const workers = Array.from({ length: 24 }, async () => {
      while (next < singles.length) {
        const s = singles[next++];
        singleAnswers.set(s.id, await call(gateway.url, s.method, await s.params(), s.id));
      }
    });
    const [chains] = await Promise.all([Promise.all(memberChains), Promise.all(workers)]);

    const total = chains.flat().length + singleAnswers.size;
    expect(total).to.equal(members.length * perMember + 720);
    expect(total).to.be.greaterThanOrEqual(1000);

    // Nothing lost: every member transaction has a hash, mined, and the balances moved by exactly that much.
    chains.forEach((answers, i) => {
      answers.forEach((a, k) => {
        expect(a.id).to.equal(`m${i}-${k}`);
        expect(a.error, JSON.stringify(a.error)).to.equal(undefined);
        expect(a.result).to.match(/^0x[0-9a-f]{64}$/);
      });
    });
    for (const [i, m] of members.entries()) {
      expect(await nonceOf(m.address)).to.equal(nonces[i] + perMember);
      // Each member sent perMember and received perMember from the previous one.
      expect(await region.rsc.balanceOf(m.address)).to.equal(balancesBefore[i]);
    }
    // Nothing wrongly passed: every outsider transaction refused, no outsider nonce moved.
    for (const [id, a] of singleAnswers) {
      expect(a.id).to.equal(id);
      if (id.startsWith("o")) {
        expect(a.error?.code, id).to.equal(-32003);
        expect(a.error?.message, JSON.stringify(a.error)).to.match(/is not a registered member$/);
      } else {
        expect(a.result, id).to.match(/^0x[0-9a-f]{64}$/);
      }
    }
    for (const o of outsiders) expect(await nonceOf(o.address)).to.equal(0);
  });

  it("lets everything through while no permissioning address is set (the deployment phase)", async () => {
    const open = await startGateway({ upstreamUrl: node.url });
    try {
      const outsider = devAccount(19);
      const answer = await call(open.url, "eth_sendTransaction", [
        { from: outsider.address, to: outsider.address, value: "0x0" },
      ]);
      expect(answer.error).to.equal(undefined);
      expect(await nonceOf(outsider.address)).to.equal(1);
      open.setPermissioningAddress(region.permissioningAddress);
      const refused = await call(open.url, "eth_sendTransaction", [
        { from: outsider.address, to: outsider.address, value: "0x0" },
      ]);
      expect(refused.error?.code).to.equal(-32003);
      expect(await nonceOf(outsider.address)).to.equal(1);
    } finally {
      await open.close();
    }
  });

  it("enforces the same over an in-process EDR provider (no HTTP hop to the node)", async () => {
    const local = await deployPermissionedRegion(undefined, 2, parseEther("10"));
    const gw = await startGateway({
      upstreamProvider: local.connection.provider,
      permissioningAddress: local.permissioningAddress,
    });
    try {
      const [alice, bob] = local.members;
      const outsider = devAccount(12);
      const sign = (from: DevAccount, nonce: number) =>
        privateKeyToAccount(from.privateKey).signTransaction({
          chainId: CHAIN_ID,
          type: "eip1559",
          to: local.rscAddress,
          data: encodeFunctionData({ abi: rscAbi, functionName: "transfer", args: [bob.address, 3n] }),
          gas: 100_000n,
          maxFeePerGas: parseEther("0.0000001"),
          maxPriorityFeePerGas: 1n,
          nonce,
        });
      const refused = await call(gw.url, "eth_sendRawTransaction", [await sign(outsider, 0)]);
      expect(refused.error?.code).to.equal(-32003);
      expect(refused.error?.message).to.equal(
        `transaction refused: sender ${outsider.address} is not a registered member`,
      );
      const passed = await call(gw.url, "eth_sendRawTransaction", [await sign(alice, 0)]);
      expect(passed.result).to.match(/^0x[0-9a-f]{64}$/);
      expect(await local.rsc.balanceOf(bob.address)).to.equal(parseEther("10") + 3n);
      const chainId = await call(gw.url, "eth_chainId", [], 9);
      expect(chainId).to.deep.equal({ jsonrpc: "2.0", id: 9, result: "0x7a69" });
      const reverted = await call(gw.url, "eth_call", [{ to: local.rscAddress, data: "0xdeadbeef" }, "latest"]);
      expect(reverted.error?.code).to.be.a("number");
    } finally {
      await gw.close();
    }
  });

  it("needs exactly one upstream", async () => {
    let error: unknown;
    try {
      await startGateway({});
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).to.equal("give exactly one of upstreamUrl and upstreamProvider");
  });
});
