import { type Address, encodeFunctionData, type Hex, keccak256, toBytes, zeroHash } from "viem";
import type { ConductorClient } from "../client.ts";
import { contractAddress } from "../deployment.ts";
import type { ConductorInputError } from "../errors.ts";
import { timelockControllerAbi } from "../generated/abis.ts";
import type { ParameterOutOfBoundsError } from "./errors.ts";
import { checkParameterChanges, encodeParameterChanges, type ParameterChangeInput, ProposeSchema } from "./propose.ts";
import { governanceAddresses, parse } from "./shared.ts";

export type EncodeCouncilProposalParameters = { changes: ParameterChangeInput[]; description: string };

/** What the council's Safe sends to the timelock (deployment name "Timelock"), and the operation's id. */
export type EncodeCouncilProposalReturnType = {
  to: Address;
  data: Hex;
  operationId: Hex;
  /** The calls, salt and delay, to execute the operation once it is ready (`executeBatch`). */
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  salt: Hex;
  delay: bigint;
};
export type EncodeCouncilProposalErrorType = ConductorInputError | ParameterOutOfBoundsError;

/**
 * In Representative mode the council decides through the timelock: this builds its `scheduleBatch`
 * (salt = keccak256 of the description, delay = the timelock's minimum) after the same bounds check a
 * member proposal gets when it is made, so an out-of-bound value is refused before any signer signs.
 * @example
 * const { to, data } = await encodeCouncilProposal(client, {
 *   changes: [{ param: "UbiAmount", value: 250n * 10n ** 18n }],
 *   description: "Council: raise UBI",
 * });
 * // the council's signers sign and execute `to`/`data` from their Safe
 */
export async function encodeCouncilProposal(
  client: ConductorClient,
  params: EncodeCouncilProposalParameters,
): Promise<EncodeCouncilProposalReturnType> {
  const { changes, description } = parse(ProposeSchema, params, "proposal");
  const { targets, values, calldatas } = encodeParameterChanges(governanceAddresses(client).regionParameters, changes);
  await checkParameterChanges(client, targets, calldatas);
  const to = contractAddress(client.deployment, "Timelock");
  const salt = keccak256(toBytes(description));
  const reader = client.publicClient;
  const [delay, operationId] = await Promise.all([
    reader.readContract({ address: to, abi: timelockControllerAbi, functionName: "getMinDelay" }),
    reader.readContract({
      address: to,
      abi: timelockControllerAbi,
      functionName: "hashOperationBatch",
      args: [targets, values, calldatas, zeroHash, salt],
    }),
  ]);
  const data = encodeFunctionData({
    abi: timelockControllerAbi,
    functionName: "scheduleBatch",
    args: [targets, values, calldatas, zeroHash, salt, delay],
  });
  return { to, data, operationId, targets, values, calldatas, salt, delay };
}
