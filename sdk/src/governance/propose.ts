import { type Address, encodeFunctionData, type Hash, type Hex, type TransactionReceipt } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { ConductorContractError, type ConductorInputError, toConductorError } from "../errors.ts";
import { regionGovernorAbi, regionParametersAbi } from "../generated/abis.ts";
import { Param } from "../generated/enums.ts";
import { ParameterOutOfBoundsError } from "./errors.ts";
import { governanceAddresses, parse, writeGovernor } from "./shared.ts";

/** One parameter change: a parameter name and a value in base units (see {RegionParameters}). */
export const ParameterChangeSchema = z.object({
  param: z.enum(Param as unknown as [Param, ...Param[]]),
  value: z.coerce.bigint({ message: "a value is a whole number in base units" }).nonnegative(),
});
export type ParameterChangeInput = z.input<typeof ParameterChangeSchema>;
export type ParameterChangeValue = z.output<typeof ParameterChangeSchema>;

export const ProposeSchema = z.object({
  changes: z.array(ParameterChangeSchema).min(1, "a proposal changes at least one parameter"),
  description: z.string().trim().min(1, "a proposal needs a description"),
});

export type ProposeParameters = { changes: ParameterChangeInput[]; description: string };

export type ProposeReturnType = {
  proposalId: bigint;
  hash: Hash;
  receipt: TransactionReceipt;
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
};

export type ProposeErrorType = ConductorInputError | ParameterOutOfBoundsError | ConductorContractError;

/**
 * The governor calls of a set of parameter changes: one `setParameter` for one change, one
 * `setParameters` (applied in order) for several.
 */
export function encodeParameterChanges(regionParameters: Address, changes: readonly ParameterChangeValue[]) {
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
 * Checks calls against the parameters' bounds on-chain ({RegionGovernor.checkActions}, the check
 * the governor makes when a proposal is made); throws {@link ParameterOutOfBoundsError}.
 * @example
 * const { targets, calldatas } = encodeParameterChanges(regionParameters, [{ param: "SalesTaxRate", value: 9n * 10n ** 16n }]);
 * await checkParameterChanges(client, targets, calldatas);
 */
export async function checkParameterChanges(
  client: ConductorClient,
  targets: readonly Address[],
  calldatas: readonly Hex[],
): Promise<void> {
  try {
    await client.publicClient.readContract({
      address: governanceAddresses(client).governor,
      abi: regionGovernorAbi,
      functionName: "checkActions",
      args: [targets, calldatas],
    });
  } catch (error) {
    const refused = toConductorError(error);
    if (refused instanceof ConductorContractError && refused.errorName === "RegionParametersOutOfBounds") {
      const [param, value, min, max] = refused.args as [number, bigint, bigint, bigint];
      throw new ParameterOutOfBoundsError(Param[param], value, min, max);
    }
    throw refused;
  }
}

/**
 * Proposes parameter changes to the region's members, from the client's account (a member). The
 * input is validated (zod), then the changes are checked against their bounds on-chain
 * ({RegionGovernor.checkActions}) before anything is sent: a refused value throws
 * {@link ParameterOutOfBoundsError}.
 * @example
 * const { proposalId } = await propose(client, {
 *   changes: [{ param: "SalesTaxRate", value: 5n * 10n ** 16n }],
 *   description: "Lower the sales tax to 5 %",
 * });
 */
export async function propose(client: ConductorClient, params: ProposeParameters): Promise<ProposeReturnType> {
  const { changes, description } = parse(ProposeSchema, params, "proposal");
  const { targets, values, calldatas } = encodeParameterChanges(governanceAddresses(client).regionParameters, changes);
  await checkParameterChanges(client, targets, calldatas);
  const { hash, receipt, result } = await writeGovernor(client, "propose", [targets, values, calldatas, description]);
  return { proposalId: result as bigint, hash, receipt, targets, values, calldatas, description };
}
