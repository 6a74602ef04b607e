import type { Address } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import type { ConductorInputError } from "../errors.ts";
import { toConductorError } from "../errors.ts";
import { payrollAbi } from "../generated/abis.ts";
import { listEmployments } from "./employments.ts";
import { AddressSchema, IdSchema, parse, payrollAddress } from "./shared.ts";

export type GetPayrollParameters = {
  /** Only these employments (default: every employment, from the `Hired` events). */
  employmentIds?: readonly (bigint | number | string)[];
  /** Only employments of this worker. */
  worker?: string;
  /** Only employments of this company treasury. */
  company?: string;
};

/** One employment as of now (the open shift included); amounts in RSC wei, gross except `tax`. */
export type PayrollRow = {
  employmentId: bigint;
  worker: Address;
  company: Address;
  accrued: bigint;
  paid: bigint;
  tax: bigint;
  debt: bigint;
  hourlyWage: bigint;
};
export type GetPayrollReturnType = PayrollRow[];
export type GetPayrollErrorType = ConductorInputError;

const Schema = z.object({
  employmentIds: z.array(IdSchema).optional(),
  worker: AddressSchema.optional(),
  company: AddressSchema.optional(),
});

/**
 * Accrued, paid, tax and debt per employment (the `conductor payroll` table).
 * @example
 * const rows = await getPayroll(client, { worker: "0xAlice…" });
 */
export async function getPayroll(
  client: ConductorClient,
  params: GetPayrollParameters = {},
): Promise<GetPayrollReturnType> {
  const p = parse(Schema, params, "payroll query");
  const address = payrollAddress(client);
  try {
    const ids = p.employmentIds ?? (await listEmployments(client, { worker: p.worker, company: p.company }));
    const rows: PayrollRow[] = [];
    for (const employmentId of ids) {
      const s = await client.publicClient.readContract({
        address,
        abi: payrollAbi,
        functionName: "getPayroll",
        args: [employmentId],
      });
      if (p.worker && s.worker !== p.worker) continue;
      if (p.company && s.company !== p.company) continue;
      rows.push({ employmentId, ...s });
    }
    return rows;
  } catch (error) {
    throw toConductorError(error);
  }
}
