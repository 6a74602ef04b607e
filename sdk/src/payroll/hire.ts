import { type Address, type Hash, type Hex, parseEventLogs, type TransactionReceipt } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import type { ConductorContractError, ConductorInputError } from "../errors.ts";
import { payrollAbi } from "../generated/abis.ts";
import { PayMode } from "../generated/enums.ts";
import {
  AddressSchema,
  encodePayroll,
  FractionSchema,
  IdSchema,
  parse,
  payrollAddress,
  writePayroll,
} from "./shared.ts";

export type HireParameters = {
  /** The member to employ. */
  worker: string;
  occupationId: bigint | number | string;
  /** A fraction in [0, 1] ("0.5" or 500000000000000000n), within the regional productivity range. */
  productivity: bigint | string;
  /** "Shift" (clock in/out, the default) or "Timesheet". */
  mode?: PayMode;
};
/** The largest occupation id an employment holds (Payroll's `PayrollOccupationIdTooLarge` above it). */
export const MAX_OCCUPATION_ID = 65_535n;

/** `employmentId` carries the company: `company << 96 | seq` (see `companyOf`, `employmentLabel`). */
export type HireReturnType = { hash: Hash; receipt: TransactionReceipt; employmentId: bigint };
export type HireErrorType = ConductorInputError | ConductorContractError;

const HireSchema = z.object({
  worker: AddressSchema,
  occupationId: IdSchema.refine((v) => v <= MAX_OCCUPATION_ID, {
    message: `an occupation id is at most ${MAX_OCCUPATION_ID} (16 bits in an employment)`,
  }),
  productivity: FractionSchema,
  mode: z.enum(PayMode).default("Shift"),
});

function hireArgs(params: HireParameters): readonly unknown[] {
  const p = parse(HireSchema, params, "hire");
  return [p.worker, Number(p.occupationId), p.productivity, PayMode.indexOf(p.mode)];
}

/**
 * Hires a member. Sent from the client's account, which must be the company's treasury (kind
 * Company or RegionalCompany). A company whose treasury is a Safe uses {@link encodeHire} instead.
 * @example
 * const { employmentId } = await hire(client, { worker: "0xAlice…", occupationId: 3, productivity: "0.5" });
 */
export async function hire(client: ConductorClient, params: HireParameters): Promise<HireReturnType> {
  const { hash, receipt } = await writePayroll(client, "hire", hireArgs(params));
  const [hired] = parseEventLogs({ abi: payrollAbi, eventName: "Hired", logs: receipt.logs });
  return { hash, receipt, employmentId: hired.args.employmentId };
}

/**
 * The `{ to, data }` of a hire, for the company's Safe to execute (validated like {@link hire}).
 * @example
 * const { to, data } = encodeHire(client, { worker, occupationId: 3, productivity: "0.5" });
 */
export function encodeHire(client: ConductorClient, params: HireParameters): { to: Address; data: Hex } {
  return { to: payrollAddress(client), data: encodePayroll("hire", hireArgs(params)) };
}
