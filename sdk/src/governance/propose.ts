import { type Address, encodeFunctionData, type Hash, type Hex } from "viem";
import { z } from "zod";
import { regionGovernorAbi, regionParametersAbi } from "../generated/abis.ts";
import { Param } from "../generated/enums.ts";
import {
  asGovernanceError,
  GovernanceContractError,
  GovernanceInputError,
  ParameterOutOfBoundsError,
} from "./errors.ts";
import type { GovernanceAddresses, Reader, Writer } from "./types.ts";

/** One parameter change, as untrusted input: a parameter name and a value in base units. */
export const ParameterChangeSchema = z.object({
  param: z.enum(Param as unknown as [Param, ...Param[]]),
  value: z.bigint().nonnegative(),
});
export type ParameterChangeInput = z.infer<typeof ParameterChangeSchema>;

export const ProposeSchema = z.object({
  changes: z.array(ParameterChangeSchema).min(1, "a proposal changes at least one parameter"),
  description: z.string().trim().min(1, "a proposal needs a description"),
});

export interface ProposeParameters extends GovernanceAddresses {
  changes: ParameterChangeInput[];
  description: string;
}

export interface ProposeReturnType {
  proposalId: bigint;
  hash: Hash;
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
}

export type ProposeErrorType = GovernanceInputError | ParameterOutOfBoundsError | GovernanceContractError | Error;

/**
 * The governor calls of a set of parameter changes: one `setParameter` for one change, one
 * `setParameters` (applied in order) for several.
 */
export function encodeParameterChanges(regionParameters: Address, changes: readonly ParameterChangeInput[]) {
  const ids = changes.map((c) => Param.indexOf(c.param));
  const data =
    changes.length === 1
      ? encodeFunctionData({
          abi: regionParametersAbi,
          functionName: "setParameter",
          args: [ids[0], changes[0].value],
        })
      : encodeFunctionData({
          abi: regionParametersAbi,
          functionName: "setParameters",
          args: [ids, changes.map((c) => c.value)],
        });
  return { targets: [regionParameters], values: [0n], calldatas: [data] };
}

/**
 * Proposes parameter changes to the region's members. The input is validated (zod), then the
 * changes are checked against their bounds on-chain ({RegionGovernor.checkActions}) before
 * anything is sent; a refused value throws {@link ParameterOutOfBoundsError}.
 *
 * @example
 * const { proposalId } = await propose(publicClient, walletClient, {
 *   governor, regionParameters,
 *   changes: [{ param: "SalesTaxRate", value: 5n * 10n ** 16n }],
 *   description: "Lower the sales tax to 5 %",
 * });
 */
export async function propose(
  reader: Reader,
  writer: Writer,
  parameters: ProposeParameters,
): Promise<ProposeReturnType> {
  const parsed = ProposeSchema.safeParse({ changes: parameters.changes, description: parameters.description });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new GovernanceInputError(
      `invalid proposal: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues,
    );
  }
  const { changes, description } = parsed.data;
  const { targets, values, calldatas } = encodeParameterChanges(parameters.regionParameters, changes);
  try {
    await reader.readContract({
      address: parameters.governor,
      abi: regionGovernorAbi,
      functionName: "checkActions",
      args: [targets, calldatas],
    });
  } catch (error) {
    const refused = asGovernanceError(error);
    if (refused instanceof GovernanceContractError && refused.errorName === "RegionParametersOutOfBounds") {
      const [param, value, min, max] = refused.args as [number, bigint, bigint, bigint];
      throw new ParameterOutOfBoundsError(Param[param], value, min, max);
    }
    throw refused;
  }
  try {
    const { request, result } = await reader.simulateContract({
      account: writer.account,
      address: parameters.governor,
      abi: regionGovernorAbi,
      functionName: "propose",
      args: [targets, values, calldatas, description],
    });
    const hash = await writer.writeContract(request);
    await reader.waitForTransactionReceipt({ hash });
    return { proposalId: result, hash, targets, values, calldatas, description };
  } catch (error) {
    throw asGovernanceError(error);
  }
}
