import { type Address, getAddress, type Hex, isAddress, isHex, parseTransaction } from "viem";
import { recoverSender } from "./recover.ts";
import type { TransactionFacts } from "./verdict.ts";

/** Thrown when a transaction in a request cannot be read; becomes a JSON-RPC "invalid params". */
export class TransactionDecodeError extends Error {
  override name = "TransactionDecodeError";
}

/** The facts of a signed transaction (`eth_sendRawTransaction`): the sender is recovered from the signature. */
export async function factsOfRawTransaction(raw: unknown): Promise<TransactionFacts> {
  if (typeof raw !== "string" || !isHex(raw)) throw new TransactionDecodeError("the signed transaction is not hex");
  let tx: ReturnType<typeof parseTransaction>;
  let sender: Address;
  try {
    tx = parseTransaction(raw);
    sender = await recoverSender(raw, tx);
  } catch (error) {
    throw new TransactionDecodeError(
      `cannot decode the signed transaction: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  return {
    sender,
    target: tx.to ? getAddress(tx.to) : undefined,
    value: tx.value ?? 0n,
    gasPrice: tx.gasPrice ?? tx.maxFeePerGas ?? 0n,
    gasLimit: tx.gas ?? 0n,
    payload: tx.data ?? "0x",
  };
}

function quantity(value: unknown, name: string): bigint {
  if (value === undefined || value === null) return 0n;
  if (typeof value !== "string" || !isHex(value)) throw new TransactionDecodeError(`${name} is not a hex quantity`);
  return BigInt(value);
}

/** The facts of an unsigned transaction (`eth_sendTransaction`): `from` names the sender. */
export function factsOfTransactionObject(obj: unknown): TransactionFacts {
  if (typeof obj !== "object" || obj === null) throw new TransactionDecodeError("the transaction is not an object");
  const t = obj as Record<string, unknown>;
  if (typeof t.from !== "string" || !isAddress(t.from)) {
    throw new TransactionDecodeError("eth_sendTransaction needs a from address");
  }
  if (t.to !== undefined && t.to !== null && (typeof t.to !== "string" || !isAddress(t.to))) {
    throw new TransactionDecodeError("to is not an address");
  }
  const payload = (t.input ?? t.data ?? "0x") as unknown;
  if (typeof payload !== "string" || !isHex(payload)) throw new TransactionDecodeError("data is not hex");
  return {
    sender: getAddress(t.from),
    target: typeof t.to === "string" ? getAddress(t.to) : undefined,
    value: quantity(t.value, "value"),
    gasPrice: quantity(t.gasPrice ?? t.maxFeePerGas, "gasPrice"),
    gasLimit: quantity(t.gas, "gas"),
    payload: payload as Hex,
  };
}
