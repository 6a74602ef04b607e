import { type Address, getAddress, type Hash, type Hex, type Log, parseEventLogs } from "viem";
import type { ConductorClient } from "../client.ts";
import { actionId } from "../core/enums.ts";
import { contractAddress } from "../deployment.ts";
import { toConductorError } from "../errors.ts";
import { rscAbi } from "../generated/abis.ts";
import { companyOf, listEmployments } from "./employments.ts";

const WAGE = actionId("Wage");
const INCOME_TAX = actionId("IncomeTax");

/**
 * One wage payment (a pay stub), as the token records it: Payroll emits no event of its own for a
 * payment. One `rsc.moveTaxed` emits `ActionPerformed(Wage, company, worker, net, ref)` and, two
 * logs later (its `Transfer` between), `ActionPerformed(IncomeTax, company, capitalPool, tax, ref)`,
 * with `ref = bytes32(employmentId)`; a zero part is not emitted (no tax: the Wage alone; a 100 %
 * rate: the IncomeTax alone). Amounts in RSC wei; `gross = net + tax`.
 */
export interface WagePayment {
  employmentId: bigint;
  /** The employer, read from the id (`employmentId >> 96`). */
  company: Address;
  /** The worker paid (undefined only when the whole gross was withheld: no Wage move). */
  worker?: Address;
  gross: bigint;
  net: bigint;
  tax: bigint;
  blockNumber: bigint;
  transactionHash: Hash;
  /** The log index of the payment's first move. */
  logIndex: number;
}

/** A token `ActionPerformed` of a wage payment, with where it sits on the chain. */
export interface WageMove {
  action: number;
  from: Address;
  to: Address;
  amount: bigint;
  ref: Hex;
  blockNumber: bigint;
  transactionHash: Hash;
  logIndex: number;
}

/**
 * Groups Wage and IncomeTax moves (any order; other actions are ignored) into payments: an
 * IncomeTax joins the Wage of the same transaction, ref and company two logs before it.
 * @example
 * const [stub] = groupWagePayments(moves); // { gross, net, tax, … }
 */
export function groupWagePayments(moves: readonly WageMove[]): WagePayment[] {
  const sorted = moves
    .filter((m) => m.action === WAGE || m.action === INCOME_TAX)
    .toSorted((a, b) =>
      a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
    );
  const payments: WagePayment[] = [];
  let open: { payment: WagePayment; wage: WageMove } | undefined;
  for (const m of sorted) {
    const employmentId = BigInt(m.ref);
    if (
      m.action === INCOME_TAX &&
      open !== undefined &&
      open.wage.transactionHash === m.transactionHash &&
      open.wage.ref === m.ref &&
      open.wage.from === m.from &&
      open.wage.logIndex + 2 === m.logIndex
    ) {
      open.payment.tax = m.amount;
      open.payment.gross += m.amount;
      open = undefined;
      continue;
    }
    const payment: WagePayment = {
      employmentId,
      company: companyOf(employmentId),
      gross: m.amount,
      net: m.action === WAGE ? m.amount : 0n,
      tax: m.action === WAGE ? 0n : m.amount,
      blockNumber: m.blockNumber,
      transactionHash: m.transactionHash,
      logIndex: m.logIndex,
      ...(m.action === WAGE ? { worker: m.to } : {}),
    };
    payments.push(payment);
    open = m.action === WAGE ? { payment, wage: m } : undefined;
  }
  return payments;
}

/** The token's ActionPerformed logs among `logs` (a receipt's, say), as moves. */
export function wageMovesOf(logs: readonly Log[], rsc: Address): WageMove[] {
  const token = getAddress(rsc);
  return parseEventLogs({ abi: rscAbi, eventName: "ActionPerformed", logs: logs as Log[] })
    .filter((l) => getAddress(l.address) === token)
    .map((l) => ({
      action: l.args.action,
      from: l.args.from,
      to: l.args.to,
      amount: l.args.amount,
      ref: l.args.ref,
      blockNumber: l.blockNumber,
      transactionHash: l.transactionHash,
      logIndex: l.logIndex,
    }));
}

export type GetPayStubsParameters = {
  /** The worker whose payments to list. */
  worker: Address;
  /** From this block on (default: the deployment's start block). */
  fromBlock?: bigint;
};

/**
 * A worker's wage payments, oldest first: her employments (from `Hired` events), then the token's
 * Wage and IncomeTax moves from her employers whose ref is one of those employments.
 * @example
 * const stubs = await getPayStubs(client, { worker: "0xAlice…" });
 */
export async function getPayStubs(
  client: Pick<ConductorClient, "deployment" | "publicClient">,
  params: GetPayStubsParameters,
): Promise<WagePayment[]> {
  try {
    const ids = await listEmployments(client, { worker: params.worker });
    if (ids.length === 0) return [];
    const refs = new Set(ids.map((id) => id.toString()));
    const companies = [...new Set(ids.map(companyOf))];
    const logs = await client.publicClient.getContractEvents({
      address: contractAddress(client.deployment, "RSC"),
      abi: rscAbi,
      eventName: "ActionPerformed",
      args: { action: [WAGE, INCOME_TAX], from: companies },
      fromBlock: params.fromBlock ?? BigInt(client.deployment.startBlock),
    });
    const moves = wageMovesOf(logs as Log[], contractAddress(client.deployment, "RSC")).filter((m) =>
      refs.has(BigInt(m.ref).toString()),
    );
    return groupWagePayments(moves);
  } catch (error) {
    throw toConductorError(error);
  }
}
