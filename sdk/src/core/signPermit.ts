import type { Address, Hex } from "viem";
import { z } from "zod";
import { type ConductorClient, requireWallet } from "../client.ts";
import { coreContracts } from "../contracts.ts";
import { type ConductorError, type ConductorInputError, toConductorError } from "../errors.ts";
import { rscAmount } from "./amount.ts";
import { AddressSchema, TimestampSchema, validate } from "./schemas.ts";

export interface SignPermitParameters {
  spender: string;
  /** The allowance, RSC decimal string or wei. */
  amount: string | bigint;
  /** Unix seconds or ISO date; defaults to one hour from now. */
  deadline?: number | bigint | string;
}
/** An EIP-2612 permit signed by the client's account, ready for {@link permit} (by anyone). */
export interface SignPermitReturnType {
  owner: Address;
  spender: Address;
  value: bigint;
  nonce: bigint;
  deadline: bigint;
  signature: Hex;
}
export type SignPermitErrorType = ConductorInputError | ConductorError;

const Schema = z.object({ spender: AddressSchema, amount: rscAmount({ allowZero: true }), deadline: TimestampSchema });

const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/**
 * Signs an EIP-2612 permit off-chain (no transaction, no gas): `spender` may then spend `amount`.
 * @example
 * const signed = await signPermit(client, { spender: "0x90F79bf6EB2c4f870365E785982E1f101E93b906", amount: "25" });
 * await permit(relayerClient, signed);
 */
export async function signPermit(client: ConductorClient, params: SignPermitParameters): Promise<SignPermitReturnType> {
  const input = validate(
    Schema,
    { ...params, deadline: params.deadline ?? Math.floor(Date.now() / 1000) + 3600 },
    "permit",
  );
  const wallet = requireWallet(client);
  const owner = wallet.account.address;
  const { rsc } = coreContracts(client);
  try {
    const [domain, nonce] = await Promise.all([
      client.publicClient.readContract({ ...rsc, functionName: "eip712Domain" }),
      client.publicClient.readContract({ ...rsc, functionName: "nonces", args: [owner] }),
    ]);
    const [, name, version, chainId, verifyingContract] = domain;
    const message = { owner, spender: input.spender, value: input.amount, nonce, deadline: BigInt(input.deadline) };
    const signature = await wallet.signTypedData({
      account: wallet.account,
      domain: { name, version, chainId, verifyingContract },
      types: PERMIT_TYPES,
      primaryType: "Permit",
      message,
    });
    return { ...message, signature };
  } catch (error) {
    throw toConductorError(error);
  }
}
