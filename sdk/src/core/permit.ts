import { type Hash, type Hex, parseSignature } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError, ConductorInputError } from "../errors.ts";
import { writeContract } from "../internal/writeContract.ts";
import { rscAmount } from "./amount.ts";
import { AddressSchema, validate } from "./schemas.ts";

export interface PermitParameters {
  owner: string;
  spender: string;
  value: string | bigint;
  deadline: bigint | number | string;
  signature: Hex | string;
}
export interface PermitReturnType {
  hash: Hash;
}
export type PermitErrorType = ConductorInputError | ConductorContractError | ConductorError;

const Schema = z.object({
  owner: AddressSchema,
  spender: AddressSchema,
  value: rscAmount({ allowZero: true }),
  deadline: z.union([z.bigint(), z.number().int(), z.string().regex(/^\d+$/)]).transform((v) => BigInt(v)),
  signature: z
    .string()
    .regex(/^0x[0-9a-fA-F]{130}$/, "a signature is 0x followed by 130 hex digits")
    .transform((s) => s as Hex),
});

/**
 * Submits a signed EIP-2612 permit; any account may send it (a relayer pays the gas).
 * @example
 * const signed = await signPermit(ownerClient, { spender, amount: "25" });
 * await permit(relayerClient, signed);
 */
export async function permit(client: ConductorClient, params: PermitParameters): Promise<PermitReturnType> {
  const p = validate(Schema, params, "permit");
  const sig = parseSignature(p.signature);
  const v = Number(sig.v ?? 27n + BigInt(sig.yParity));
  const { hash } = await writeContract(client, {
    ...coreContracts(client).rsc,
    functionName: "permit",
    args: [p.owner, p.spender, p.value, p.deadline, v, sig.r, sig.s],
  });
  return { hash };
}
