import type { Address } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import { type ConductorError, type ConductorInputError, toConductorError } from "../errors.ts";
import { RedemptionStatus } from "../generated/enums.ts";
import { AddressSchema, validate } from "./schemas.ts";

export interface GetRedemptionsParameters {
  /** Only this holder's redemptions. */
  holder?: string;
  /** Only redemptions in this status. */
  status?: RedemptionStatus;
}
export interface Redemption {
  redemptionId: bigint;
  holder: Address;
  /** RSC wei escrowed. */
  amount: bigint;
  /** USD (18 decimals) owed. */
  usdAmount: bigint;
  requestedAt: number;
  status: RedemptionStatus;
}
export type GetRedemptionsReturnType = Redemption[];
export type GetRedemptionsErrorType = ConductorInputError | ConductorError;

const Schema = z.object({
  holder: AddressSchema.optional(),
  status: z.enum(RedemptionStatus).optional(),
});

/**
 * Lists redemption requests, oldest first.
 * @example
 * const pending = await getRedemptions(client, { status: "Pending" });
 */
export async function getRedemptions(
  client: ConductorClient,
  params: GetRedemptionsParameters = {},
): Promise<GetRedemptionsReturnType> {
  const filter = validate(Schema, params, "redemption query");
  const { reserve } = coreContracts(client);
  try {
    const count = await client.publicClient.readContract({ ...reserve, functionName: "redemptionCount" });
    const ids = Array.from({ length: Number(count) }, (_, i) => BigInt(i));
    const all = await Promise.all(
      ids.map(async (redemptionId): Promise<Redemption> => {
        const r = await client.publicClient.readContract({
          ...reserve,
          functionName: "redemptionOf",
          args: [redemptionId],
        });
        return {
          redemptionId,
          holder: r.holder,
          amount: r.amount,
          usdAmount: r.usdAmount,
          requestedAt: r.requestedAt,
          status: RedemptionStatus[r.status] ?? "None",
        };
      }),
    );
    return all.filter(
      (r) => (!filter.holder || r.holder === filter.holder) && (!filter.status || r.status === filter.status),
    );
  } catch (error) {
    throw toConductorError(error);
  }
}
