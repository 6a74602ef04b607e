import { type Address, type Hash, parseEventLogs } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import type { ConductorContractError, ConductorError, ConductorInputError } from "../errors.ts";
import { writeContract } from "../internal/writeContract.ts";
import { AddressSchema, validate } from "./schemas.ts";

export interface OnboardMemberParameters {
  /** The new member's address (not yet registered). */
  member: string;
}
export interface OnboardMemberReturnType {
  hash: Hash;
  member: Address;
  memberId: bigint;
}
export type OnboardMemberErrorType = ConductorInputError | ConductorContractError | ConductorError;

const Schema = z.object({ member: AddressSchema });

/**
 * Registrar: makes `member` a Person of the region with a new member id (one vote from then on).
 * @example
 * const { memberId } = await onboardMember(registrarClient, { member: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65" });
 */
export async function onboardMember(
  client: ConductorClient,
  params: OnboardMemberParameters,
): Promise<OnboardMemberReturnType> {
  const { member } = validate(Schema, params, "onboarding");
  const { registry } = coreContracts(client);
  const { hash, receipt } = await writeContract(client, { ...registry, functionName: "onboardMember", args: [member] });
  const [event] = parseEventLogs({ abi: registry.abi, logs: receipt.logs, eventName: "MemberOnboarded" });
  return { hash, member, memberId: event.args.memberId };
}
