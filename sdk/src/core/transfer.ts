import type { Address, Hash } from "viem";
import { z } from "zod";
import type { ConductorClient } from "../client.ts";
import { requireWallet } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import {
  type ConductorContractError,
  type ConductorError,
  type ConductorInputError,
  ConductorPreflightError,
} from "../errors.ts";
import { writeContract } from "../internal/writeContract.ts";
import { formatRsc, rscAmount } from "./amount.ts";
import { getAccount } from "./getAccount.ts";
import { AddressSchema, validate } from "./schemas.ts";

export interface TransferParameters {
  /** The recipient: an active member (Person). */
  to: string;
  /** RSC as a decimal string ("12.50") or wei as a bigint. */
  amount: string | bigint;
}
export interface TransferReturnType {
  hash: Hash;
  from: Address;
  to: Address;
  /** RSC wei moved. */
  amount: bigint;
}
export type TransferErrorType = ConductorInputError | ConductorPreflightError | ConductorContractError | ConductorError;

const Schema = z.object({ to: AddressSchema, amount: rscAmount() });
const a = (kind: string) => (/^[AEIOU]/.test(kind) ? `an ${kind}` : `a ${kind}`);

/**
 * Pays another member directly (Person → Person). Refuses before signing when the recipient is
 * not an active Person, when the sender is not one, or when the balance is short — with the
 * reason — so a forbidden payment never costs a transaction.
 * @example
 * const { hash } = await transfer(client, { to: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", amount: "12.50" });
 */
export async function transfer(client: ConductorClient, params: TransferParameters): Promise<TransferReturnType> {
  const { to, amount } = validate(Schema, params, "transfer");
  const from = requireWallet(client).account.address;
  const [sender, recipient] = await Promise.all([
    getAccount(client, { address: from }),
    getAccount(client, { address: to }),
  ]);
  if (recipient.kind === "None") {
    throw new ConductorPreflightError(
      "RecipientNotRegistered",
      { to },
      `${to} is not registered in this region: RSC moves only between members of the region`,
    );
  }
  if (recipient.kind !== "Person") {
    throw new ConductorPreflightError(
      "RecipientNotPerson",
      { to, kind: recipient.kind },
      `${to} is ${a(recipient.kind)}: RSC moves directly only between persons; pay a company through a purchase`,
    );
  }
  if (recipient.suspended) {
    throw new ConductorPreflightError("RecipientSuspended", { to }, `${to} is suspended: it cannot receive RSC`);
  }
  if (sender.kind !== "Person") {
    throw new ConductorPreflightError(
      "SenderNotPerson",
      { from, kind: sender.kind },
      sender.kind === "None"
        ? `your account ${from} is not registered in this region`
        : `your account ${from} is ${a(sender.kind)}: only persons transfer directly; ${a(sender.kind)} pays through a module (wages, purchases, taxes)`,
    );
  }
  if (sender.suspended) {
    throw new ConductorPreflightError(
      "SenderSuspended",
      { from },
      `your account ${from} is suspended: it cannot send RSC`,
    );
  }
  if (sender.balance < amount) {
    throw new ConductorPreflightError(
      "InsufficientBalance",
      { from, balance: sender.balance, amount },
      `insufficient balance: ${from} holds ${formatRsc(sender.balance)} RSC, the transfer needs ${formatRsc(amount)} RSC`,
    );
  }
  const { hash } = await writeContract(client, {
    ...coreContracts(client).rsc,
    functionName: "transfer",
    args: [to, amount],
  });
  return { hash, from, to, amount };
}
