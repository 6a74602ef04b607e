import type { Address } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import { type ConductorError, type ConductorInputError, toConductorError } from "../errors.ts";
import { Kind } from "../generated/enums.ts";
import { AddressSchema, validate } from "./schemas.ts";

export interface GetAccountParameters {
  /** Whose account; defaults to the client's account. */
  address?: string;
}

export interface GetAccountReturnType {
  address: Address;
  /** `None` when the address is not registered in this region. */
  kind: Kind;
  suspended: boolean;
  balance: bigint;
  /** Person only: the member id, stable across key recovery. */
  memberId: bigint | null;
  /** Person only: unix seconds from which her vote counts (null: no vote yet). */
  votingSince: number | null;
  /** Current votes (1 for an active member whose vote counts, else 0). */
  votes: bigint;
  /** Companies only: the industry and the registration time (unix seconds). */
  company: { industryId: number; registeredAt: number } | null;
  /** Whether the account may send and receive direct transfers (an active Person). */
  canTransferDirectly: boolean;
}
export type GetAccountErrorType = ConductorInputError | ConductorError;

const Schema = z.object({ address: AddressSchema });
const COMPANY_KINDS: readonly Kind[] = ["Company", "RegionalCompany", "ExternalCompany"];

/**
 * Reads what the region knows about an address: kind, suspension, member id, votes, balance.
 * @example
 * const account = await getAccount(client, { address: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" });
 * if (account.kind === "Company") console.log(`industry ${account.company?.industryId}`);
 */
export async function getAccount(
  client: ConductorClient,
  params: GetAccountParameters = {},
): Promise<GetAccountReturnType> {
  const { address } = validate(Schema, { address: params.address ?? client.account?.address }, "account query");
  const { rsc, registry } = coreContracts(client);
  try {
    const [word, votes] = await Promise.all([
      client.publicClient.readContract({ ...rsc, functionName: "accountOf", args: [address] }),
      client.publicClient.readContract({ ...registry, functionName: "getVotes", args: [address] }),
    ]);
    const kind = Kind[word.kind] ?? "None";
    let company: GetAccountReturnType["company"] = null;
    if (COMPANY_KINDS.includes(kind)) {
      const c = await client.publicClient.readContract({ ...registry, functionName: "companyOf", args: [address] });
      company = { industryId: c.industryId, registeredAt: c.registeredAt };
    }
    const person = kind === "Person";
    return {
      address,
      kind,
      suspended: word.suspended,
      balance: word.balance,
      memberId: person ? word.tag : null,
      votingSince: person && word.votingSince !== 0 ? word.votingSince : null,
      votes,
      company,
      canTransferDirectly: person && !word.suspended,
    };
  } catch (error) {
    throw toConductorError(error);
  }
}
