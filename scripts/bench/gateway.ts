/**
 * Gateway bench: P2P transfer throughput through Conductor's JSON-RPC gateway against the bare
 * node, measured side by side in one run (rounds alternate bare / gateway on the same node, same
 * members, same load), plus the gas of one P2P transfer and of the permissioning check.
 *
 * Run alone: `npx tsx scripts/bench/gateway.ts`.
 */
import { pathToFileURL } from "node:url";
import { type Address, encodeFunctionData, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { rscAbi } from "../../sdk/src/generated/abis.ts";
import { startGateway } from "../gateway/gateway.ts";
import { startHardhatNode } from "../gateway/hardhatNode.ts";
import { type DevAccount, deployPermissionedRegion, type PermissionedRegion } from "../gateway/permissionedRegion.ts";
import { encodeVerdictCall } from "../gateway/verdict.ts";

/** A gas measurement (the shape every `scripts/bench/<domain>.ts` returns). */
export type BenchRow = {
  group: string;
  operation: string;
  gas: bigint;
  reference?: string;
  referenceGas?: bigint;
  target?: string;
};

/** A throughput (or ratio) measurement, for what gas does not measure. */
export type ThroughputRow = {
  group: string;
  operation: string;
  value: number;
  unit: string;
  reference?: string;
  referenceValue?: number;
  target?: string;
};

const MEMBERS = Number(process.env.GATEWAY_BENCH_SENDERS ?? 16);
const PER_MEMBER_PER_ROUND = Math.ceil(200 / MEMBERS);
const ROUNDS = 4;

type Rpc = (method: string, params: unknown[]) => Promise<unknown>;

function client(url: string): Rpc {
  return async (method, params) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const answer = (await res.json()) as { result?: unknown; error?: { message: string } };
    if (answer.error) throw new Error(`${method}: ${answer.error.message}`);
    return answer.result;
  };
}

/** Signs `count` transfers of 1 RSC wei from `from` to `to`, nonces from `nonce`. */
async function signTransfers(rsc: Address, from: DevAccount, to: Address, nonce: number, count: number) {
  const account = privateKeyToAccount(from.privateKey);
  const data = encodeFunctionData({ abi: rscAbi, functionName: "transfer", args: [to, 1n] });
  const out: Hex[] = [];
  for (let k = 0; k < count; k++) {
    out.push(
      await account.signTransaction({
        chainId: 31337,
        type: "eip1559",
        to: rsc,
        data,
        gas: 100_000n,
        maxFeePerGas: 100_000_000_000n,
        maxPriorityFeePerGas: 1n,
        nonce: nonce + k,
      }),
    );
  }
  return out;
}

/** Sends every member's transactions (members in parallel, each in nonce order); returns tx/s. */
async function measure(rpc: Rpc, chains: Hex[][]): Promise<number> {
  const start = performance.now();
  await Promise.all(
    chains.map(async (txs) => {
      for (const raw of txs) await rpc("eth_sendRawTransaction", [raw]);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return chains.flat().length / seconds;
}

type Side = { name: string; rpc: Rpc; region: PermissionedRegion; nonces: number[]; rates: number[] };

/** Sides on the same chain share their members' next nonces. */
const nonceState = new Map<PermissionedRegion, number[]>();

async function side(name: string, url: string, region: PermissionedRegion): Promise<Side> {
  const rpc = client(url);
  let nonces = nonceState.get(region);
  if (nonces === undefined) {
    nonces = await Promise.all(
      region.members.map(async (m) =>
        Number(BigInt((await rpc("eth_getTransactionCount", [m.address, "latest"])) as string)),
      ),
    );
    nonceState.set(region, nonces);
  }
  return { name, rpc, region, nonces, rates: [] };
}

/** The next round of signed transfers for `s`: each member sends to the next one. */
async function nextChains(s: Side): Promise<Hex[][]> {
  const members = s.region.members;
  const chains = await Promise.all(
    members.map((m, i) =>
      signTransfers(
        s.region.rscAddress,
        m,
        members[(i + 1) % members.length].address,
        s.nonces[i],
        PER_MEMBER_PER_ROUND,
      ),
    ),
  );
  for (let i = 0; i < members.length; i++) s.nonces[i] += PER_MEMBER_PER_ROUND;
  return chains;
}

export async function bench(): Promise<(BenchRow | ThroughputRow)[]> {
  const node = await startHardhatNode();
  const closers: (() => Promise<void> | void)[] = [() => node.stop()];
  try {
    const region = await deployPermissionedRegion(node.url, MEMBERS);
    closers.unshift(region.cleanup);
    const gateway = await startGateway({ upstreamUrl: node.url, permissioningAddress: region.permissioningAddress });
    // The same gateway without a permissioning address: a pure pass-through proxy, to tell the
    // cost of the extra HTTP hop from the cost of the check.
    const proxy = await startGateway({ upstreamUrl: node.url });
    // The gateway over an in-process EDR provider (no gateway → node hop), on its own chain.
    const inProcess = await deployPermissionedRegion(undefined, MEMBERS);
    const inProcessGateway = await startGateway({
      upstreamProvider: inProcess.connection.provider,
      permissioningAddress: inProcess.permissioningAddress,
    });
    closers.unshift(
      () => gateway.close(),
      () => proxy.close(),
      () => inProcessGateway.close(),
    );
    const sides = [
      await side("bare", node.url, region),
      await side("gateway", gateway.url, region),
      await side("pass-through", proxy.url, region),
      await side("in-process gateway", inProcessGateway.url, inProcess),
    ];
    // Warm-up (JIT, sockets), not counted.
    for (const s of sides) await measure(s.rpc, await nextChains(s));
    for (let r = 0; r < ROUNDS; r++) {
      // Rotate which side goes first so that none always runs on a warmer (or busier) machine.
      for (let k = 0; k < sides.length; k++) {
        const s = sides[(r + k) % sides.length];
        s.rates.push(await measure(s.rpc, await nextChains(s)));
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const [bareTps, viaTps, passTps, inProcessTps] = sides.map((s) => mean(s.rates));

    // Gas: one P2P transfer (same through either path) and the permissioning check itself.
    const bare = sides[0].rpc;
    const [alice, bob] = region.members;
    const [raw] = await signTransfers(region.rscAddress, alice, bob.address, sides[0].nonces[0], 1);
    const hash = (await sides[1].rpc("eth_sendRawTransaction", [raw])) as Hex;
    const receipt = (await bare("eth_getTransactionReceipt", [hash])) as { gasUsed: Hex };
    const checkGas = BigInt(
      (await bare("eth_estimateGas", [
        {
          to: region.permissioningAddress,
          data: encodeVerdictCall({
            sender: alice.address,
            target: region.rscAddress,
            value: 0n,
            gasPrice: 0n,
            gasLimit: 100_000n,
            payload: "0x",
          }),
        },
      ])) as Hex,
    );
    const n = MEMBERS * PER_MEMBER_PER_ROUND * ROUNDS;
    const load = `${n} tx, ${MEMBERS} senders`;
    return [
      { group: "gateway", operation: "P2P transfer (RSC.transfer, member → member)", gas: BigInt(receipt.gasUsed) },
      {
        group: "gateway",
        operation: "permissioning check: transactionAllowedReason (eth_estimateGas, incl. 21,000 base)",
        gas: checkGas,
      },
      { group: "gateway", operation: `P2P transfers/s, bare hardhat node (${load})`, value: bareTps, unit: "tx/s" },
      {
        group: "gateway",
        operation: `P2P transfers/s via gateway → hardhat node (${load})`,
        value: viaTps,
        unit: "tx/s",
        reference: "bare hardhat node",
        referenceValue: bareTps,
      },
      {
        group: "gateway",
        operation: `P2P transfers/s via pass-through proxy → hardhat node, no check (${load})`,
        value: passTps,
        unit: "tx/s",
        reference: "bare hardhat node",
        referenceValue: bareTps,
      },
      {
        group: "gateway",
        operation: `P2P transfers/s via gateway over in-process EDR (${load})`,
        value: inProcessTps,
        unit: "tx/s",
        reference: "bare hardhat node",
        referenceValue: bareTps,
      },
      {
        group: "gateway",
        operation: "P2P transfers/s via gateway ÷ pass-through proxy (the check alone)",
        value: viaTps / passTps,
        unit: "ratio",
      },
      {
        group: "gateway",
        operation: "P2P transfers/s via gateway over in-process EDR ÷ bare hardhat node",
        value: inProcessTps / bareTps,
        unit: "ratio",
        target: "≥ 0.90 (overhead ≤ 10 %)",
      },
      {
        group: "gateway",
        operation: "P2P transfers/s via gateway → hardhat node ÷ bare",
        value: viaTps / bareTps,
        unit: "ratio",
        target: "≥ 0.90 (overhead ≤ 10 %)",
      },
    ];
  } finally {
    for (const close of closers) await close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = await bench();
  console.table(rows.map((r) => ({ ...r, ...("gas" in r ? { gas: r.gas.toString() } : {}) })));
  process.exit(0);
}
