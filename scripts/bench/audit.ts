/**
 * Audit throughput bench: fills a local node (Hardhat EDR in a child process, served over JSON-RPC
 * on loopback) with the demo region plus at least 100,000 recorded actions across kinds — purchases
 * with their sales tax and rents (many `rsc.move` per transaction through the test-only BatchMover
 * module), wages with their income tax paid by the real Payroll (`settleBatch` over 100 employments
 * on shift, so every payment is checked against the wage formula) and direct Person→Person
 * transfers — then audits the whole chain through the RPC URL and measures events verified per
 * second, total time and peak heap.
 *
 * Run alone: `npx tsx scripts/bench/audit.ts` (prints the rows). Env AUDIT_BENCH_ACTIONS overrides
 * the number of module actions (default 100,000); AUDIT_BENCH_PROFILE=FILE writes a CPU profile of
 * the timed audit; AUDIT_BENCH_COMPARE=1 first times the log source's settings side by side.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Contract, parseEther, Wallet } from "ethers";
import { runAudit } from "../../sdk/src/audit/auditor.ts";
import { actionMask } from "../../sdk/src/core/enums.ts";
import * as abis from "../../sdk/src/generated/abis.ts";
import { DEFAULT_PARAMETERS } from "../../sdk/src/governance/defaults.ts";
import { employmentIdOf } from "../../sdk/src/payroll/employments.ts";
import { startLocalRegion } from "../../test/audit/localRegion.ts";
import { execSafe } from "../lib/safe.ts";

export interface ThroughputRow {
  group: "audit";
  operation: string;
  value: number;
  unit: string;
  target?: string;
}

const KIND_MODULE = 6;
const RENT = 2;
/** Actions per transaction: pairs for purchases and wages, single steps for rents. */
const PAIRS_PER_TX = 300;
const RENTS_PER_TX = 300;
const DIRECT_TRANSFERS = 1_000;
/** Employments on shift, all settled and paid in one `settleBatch` per wage round. */
const EMPLOYMENTS = 100;
/** Employments settled per transaction (under the node's 16,777,216 gas cap per transaction). */
const SETTLE_PER_TX = 50;
const PRICE = 10n ** 12n;

/** A full garbage collection, to measure what the auditor really retains (not garbage awaiting collection). */
function forceGc(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/** CPU profile of the timed audit alone (env AUDIT_BENCH_PROFILE=file.cpuprofile, for chrome://inspect). */
async function startProfile(): Promise<(file: string) => Promise<void>> {
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post("Profiler.enable");
  await post("Profiler.start");
  return async (file) => {
    const { profile } = (await post("Profiler.stop")) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

export async function bench(): Promise<ThroughputRow[]> {
  const wanted = Number(process.env.AUDIT_BENCH_ACTIONS ?? 100_000);
  const r = await startLocalRegion(true, true);
  try {
    const [admin] = await r.ethers.getSigners();
    const mover = await r.ethers.deployContract("BatchMover", [r.deployment.contracts.RSC], admin);
    await mover.waitForDeployment();
    const moverAddress = await mover.getAddress();
    const rsc = new Contract(r.deployment.contracts.RSC, abis.rscAbi as never, admin);
    const mask = actionMask(["Purchase", "SalesTax", "Rent"]);
    await (await rsc.registerModule(moverAddress, KIND_MODULE, mask)).wait();

    const members = r.seeded.accounts.filter((a) => a.role === "member");
    const companies = r.seeded.companies.filter((c) => c.kind !== "ExternalCompany");
    const housing = r.seeded.companies.find((c) => c.kind === "RegionalCompany")!.address;
    const pool = r.deployment.contracts.CapitalPool;
    const salesRate = DEFAULT_PARAMETERS.SalesTaxRate;
    const signerOf = (name: string) =>
      new Wallet(r.seeded.accounts.find((a) => a.name === name)!.privateKey, r.ethers.provider);

    const started = Date.now();
    // Payroll: each company (through its Safe) hires members on shift; they clock in.
    const payroll = new Contract(r.deployment.contracts.Payroll, abis.payrollAbi as never, admin);
    const employers = r.seeded.companies.filter((c) => c.signers.length >= 2 && c.kind !== "ExternalCompany");
    const employmentIds: bigint[] = [];
    for (let k = 0; k < EMPLOYMENTS; k++) {
      const company = employers[k % employers.length];
      const owners = company.signers.slice(0, 2).map((n) => signerOf(n));
      const worker = members[(k * 7) % members.length];
      const data = payroll.interface.encodeFunctionData("hire", [worker.address, (k % 5) + 1, 5n * 10n ** 17n, 0]);
      const safe = new Contract(company.address, abis.safeAbi as never, owners[0]);
      await (await execSafe(safe as never, r.deployment.contracts.Payroll, data, owners)).wait();
      const employmentId = employmentIdOf(
        company.address as `0x${string}`,
        (await payroll.employmentCount()) as bigint,
      );
      employmentIds.push(employmentId);
      await (await (payroll.connect(signerOf(worker.name)) as Contract).clockIn(employmentId)).wait();
    }

    // Actions: a third purchases (+ sales tax), a third wages (+ income tax, Payroll), a third rents.
    const opts = { gasLimit: 16_000_000n };
    let actions = 0;
    let i = 0;
    while (actions < wanted) {
      const m = members[i % members.length].address;
      const c = companies[i % companies.length].address;
      const kind = i % 3;
      if (kind === 0) {
        await (await mover.purchases(m, c, pool, PRICE, salesRate, PAIRS_PER_TX, opts)).wait();
        actions += 2 * PAIRS_PER_TX;
      } else if (kind === 1) {
        // Ten minutes of every shift, settled and paid by the keeper's batch: Wage + IncomeTax each.
        await r.send("evm_increaseTime", [600]);
        for (let k = 0; k < employmentIds.length; k += SETTLE_PER_TX)
          await (await payroll.settleBatch(employmentIds.slice(k, k + SETTLE_PER_TX), opts)).wait();
        actions += 2 * EMPLOYMENTS;
      } else {
        const steps = Array.from({ length: RENTS_PER_TX }, (_, j) => ({
          action: RENT,
          from: members[(i + j) % members.length].address,
          to: housing,
          amount: PRICE,
          ref: `0x${j.toString(16).padStart(64, "0")}`,
        }));
        await (await mover.run(steps, opts)).wait();
        actions += RENTS_PER_TX;
      }
      i++;
    }
    // Direct Person→Person transfers, one per transaction, signed here and sent in JSON-RPC batches.
    const wallets = members.map((a) => new Wallet(a.privateKey));
    const nonces = await Promise.all(members.map((a) => r.ethers.provider.getTransactionCount(a.address)));
    const fee = await r.ethers.provider.getFeeData();
    const chainId = r.deployment.chainId;
    const token = new Contract(r.deployment.contracts.RSC, abis.rscAbi as never);
    for (let k = 0; k < DIRECT_TRANSFERS; k += 100) {
      const raw = await Promise.all(
        Array.from({ length: Math.min(100, DIRECT_TRANSFERS - k) }, (_, j) => {
          const from = (k + j) % wallets.length;
          return wallets[from].signTransaction({
            chainId,
            nonce: nonces[from]++,
            to: r.deployment.contracts.RSC,
            data: token.interface.encodeFunctionData("transfer", [
              members[(from + 1) % members.length].address,
              parseEther("0.001"),
            ]),
            gasLimit: 100_000n,
            maxFeePerGas: fee.maxFeePerGas! * 2n,
            maxPriorityFeePerGas: fee.maxPriorityFeePerGas!,
            type: 2,
          });
        }),
      );
      const response = await fetch(r.rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(
          raw.map((tx, id) => ({ jsonrpc: "2.0", id, method: "eth_sendRawTransaction", params: [tx] })),
        ),
      });
      const answers = (await response.json()) as { error?: { message: string } }[];
      const failed = answers.find((a) => a.error);
      if (failed) throw new Error(`a direct transfer was refused: ${failed.error!.message}`);
    }
    const fillSeconds = (Date.now() - started) / 1000;

    // AUDIT_BENCH_COMPARE=1: the source's knobs side by side on the same chain, twice each (how the
    // defaults were chosen: one request in flight, about 2,000 logs per chunk).
    if (process.env.AUDIT_BENCH_COMPARE) {
      const variants = [
        { prefetch: 1, targetLogs: 2_000 },
        { prefetch: 2, targetLogs: 2_000 },
        { prefetch: 1, targetLogs: 5_000 },
        { prefetch: 1, targetLogs: 20_000 },
      ];
      for (const round of [1, 2])
        for (const v of variants) {
          const rep = await runAudit({
            client: r.client,
            addresses: r.addresses,
            startBlock: r.deployment.startBlock,
            ...v,
          });
          const { waitingForLogsMs, checkingMs } = rep.timings;
          console.log(
            `round ${round} prefetch ${v.prefetch} targetLogs ${v.targetLogs}: ${rep.durationMs} ms, ` +
              `${rep.eventsPerSecond} ev/s, waiting ${Math.round(waitingForLogsMs)} ms, checking ${Math.round(checkingMs)} ms`,
          );
        }
    }
    // 1. Throughput: the audit as a user runs it, heap sampled throughout (garbage included).
    forceGc();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 20);
    const audit = (onProgress?: () => void) =>
      runAudit({ client: r.client, addresses: r.addresses, startBlock: r.deployment.startBlock, onProgress });
    const profile = process.env.AUDIT_BENCH_PROFILE ? await startProfile() : undefined;
    const report = await audit(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    });
    clearInterval(sampler);
    if (profile) await profile(process.env.AUDIT_BENCH_PROFILE!);
    if (!report.ok) throw new Error(`the bench region should be clean; ${report.violationCount} violations`);
    // 2. Retained memory: the same audit again, with a full GC after every chunk (slower, not timed).
    let retained = 0;
    forceGc();
    const base = process.memoryUsage().heapUsed;
    await audit(() => {
      forceGc();
      retained = Math.max(retained, process.memoryUsage().heapUsed - base);
    });
    const mib = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
    const seconds = report.durationMs / 1000;
    return [
      {
        group: "audit",
        operation: "actions recorded on the node",
        value: report.actions,
        unit: "actions",
        target: "≥ 100000",
      },
      {
        group: "audit",
        operation: "events audited (Transfer, ActionPerformed, …)",
        value: report.events,
        unit: "events",
      },
      {
        group: "audit",
        operation: "events verified per second",
        value: report.eventsPerSecond,
        unit: "events/s",
        target: "≥ 20000",
      },
      {
        group: "audit",
        operation: `audit of ${report.actions} actions, total`,
        value: seconds,
        unit: "s",
        target: "< 30",
      },
      {
        group: "audit",
        operation: "events checked per second of auditor CPU (decode, rules, ledger)",
        value: Math.round((report.events * 1000) / Math.max(1, report.timings.checkingMs)),
        unit: "events/s",
      },
      {
        group: "audit",
        operation: "time waiting for eth_getLogs (node)",
        value: report.timings.waitingForLogsMs / 1000,
        unit: "s",
      },
      {
        group: "audit",
        operation: "time in the final eth_call cross-check",
        value: report.timings.crossCheckMs / 1000,
        unit: "s",
      },
      {
        group: "audit",
        operation: "peak heap used during the audit",
        value: mib(peak),
        unit: "MiB",
        target: "bounded",
      },
      {
        group: "audit",
        operation: "heap growth during the audit (peak − start, garbage included)",
        value: mib(peak - heapBefore),
        unit: "MiB",
      },
      {
        group: "audit",
        operation: "heap retained by the audit (max after a full GC per chunk)",
        value: mib(retained),
        unit: "MiB",
        target: "bounded (≈ 2 chunks + state)",
      },
      { group: "audit", operation: "filling the node (not audited time)", value: fillSeconds, unit: "s" },
    ];
  } finally {
    await r.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await bench();
  console.table(rows);
  process.exit(0);
}
