import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { payrollAbi } from "../../sdk/src/generated/abis.ts";
import { listEmployments } from "../../sdk/src/payroll/employments.ts";
import { getPayroll, type PayrollRow } from "../../sdk/src/payroll/getPayroll.ts";
import { getPayStubs, type WagePayment } from "../../sdk/src/payroll/payments.ts";
import { useConductorClient } from "./useConductorClient.ts";
import { useRefetchOnBlock } from "./useRefetchOnBlock.ts";
import { useRegion } from "./useRegion.ts";

/** One of a worker's employments as of the latest block: the SDK's payroll row plus its terms. */
export interface EmploymentView extends PayrollRow {
  occupationId: number;
  mode: "Shift" | "Timesheet";
  onShift: boolean;
  ended: boolean;
  /** Seconds submitted on a timesheet and not yet approved. */
  pendingSeconds: number;
  /** When (browser clock, ms) the row was read: accrual since then is computed in the page. */
  readAtMs: number;
}

/** A worker's employments (from `Hired` events), each with the SDK's `getPayroll` row, refreshed every block. */
export function useEmployments(worker: Address | undefined) {
  const region = useRegion();
  const client = useConductorClient();
  const payroll = region.contracts.Payroll;
  const enabled = client !== undefined && worker !== undefined && payroll !== undefined;
  const query = useQuery({
    queryKey: ["employments", region.chainId, payroll, worker],
    enabled,
    queryFn: async (): Promise<EmploymentView[]> => {
      const reader = client!.publicClient;
      const ids = await listEmployments(client!, { worker });
      if (ids.length === 0) return [];
      const readAtMs = Date.now();
      const blockNumber = await reader.getBlockNumber({ cacheTime: 0 });
      const rows = await getPayroll(client!, { employmentIds: ids });
      return Promise.all(
        rows.map(async (row) => {
          const e = await reader.readContract({
            address: payroll!,
            abi: payrollAbi,
            functionName: "employment",
            args: [row.employmentId],
            blockNumber,
          });
          return {
            ...row,
            occupationId: e.occupationId,
            mode: e.mode === 0 ? "Shift" : "Timesheet",
            onShift: e.onShift,
            ended: e.ended,
            pendingSeconds: e.pendingSeconds,
            readAtMs,
          } satisfies EmploymentView;
        }),
      );
    },
  });
  useRefetchOnBlock(query.refetch, enabled);
  return query;
}

/** One wage payment: a pay stub (the SDK's payment, gross, income tax withheld, net) with its block's time. */
export type PayStub = WagePayment & { timestamp: bigint };

/** A worker's pay stubs, newest first: the token's Wage and IncomeTax moves of her employments
 * (Payroll emits no event of its own for a payment; see the SDK's `getPayStubs`). */
export function usePayStubs(worker: Address | undefined) {
  const region = useRegion();
  const client = useConductorClient();
  const payroll = region.contracts.Payroll;
  const enabled = client !== undefined && worker !== undefined && payroll !== undefined;
  const query = useQuery({
    queryKey: ["paystubs", region.chainId, payroll, worker],
    enabled,
    queryFn: async (): Promise<PayStub[]> => {
      const reader = client!.publicClient;
      const paid = await getPayStubs(client!, { worker: worker!, fromBlock: BigInt(region.startBlock) });
      const times = new Map<bigint, bigint>();
      for (const p of paid) {
        if (!times.has(p.blockNumber))
          times.set(p.blockNumber, (await reader.getBlock({ blockNumber: p.blockNumber })).timestamp);
      }
      return paid.map((p) => ({ ...p, timestamp: times.get(p.blockNumber) ?? 0n })).reverse();
    },
  });
  useRefetchOnBlock(query.refetch, enabled);
  return query;
}
