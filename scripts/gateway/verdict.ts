import { type Address, encodeFunctionData, type Hex, hexToNumber, zeroAddress } from "viem";
import { permissioningAbi } from "../../sdk/src/generated/abis.ts";
import { Verdict } from "../../sdk/src/generated/enums.ts";

/** The JSON-RPC error code of a refused transaction (EIP-1474: "transaction rejected"). */
export const TRANSACTION_REFUSED = -32003;

/** What the gateway asks the Permissioning contract about, read from a transaction. */
export type TransactionFacts = {
  sender: Address;
  /** undefined: contract creation. */
  target?: Address;
  value: bigint;
  gasPrice: bigint;
  gasLimit: bigint;
  payload: Hex;
};

/** The calldata of `transactionAllowedReason(...)` for `tx`. */
export function encodeVerdictCall(tx: TransactionFacts): Hex {
  return encodeFunctionData({
    abi: permissioningAbi,
    functionName: "transactionAllowedReason",
    args: [tx.sender, tx.target ?? zeroAddress, tx.value, tx.gasPrice, tx.gasLimit, tx.payload],
  });
}

/** The verdict in the ABI-encoded return value of `transactionAllowedReason`. */
export function decodeVerdict(result: Hex): Verdict {
  const n = hexToNumber(result);
  const verdict = Verdict[n];
  if (verdict === undefined) throw new RangeError(`unknown verdict ${n}`);
  return verdict;
}

/** The sentence the gateway's JSON-RPC error says for a refused transaction. */
export function refusalMessage(verdict: Exclude<Verdict, "Allowed">, tx: TransactionFacts): string {
  switch (verdict) {
    case "SenderNotRegistered":
      return `sender ${tx.sender} is not a registered member`;
    case "SenderSuspended":
      return `sender ${tx.sender} is suspended`;
    case "CreationReservedToDeployers":
      return "contract creation is reserved to the region's deployers";
    case "TargetNotAllowed":
      return `target ${tx.target} is not a Conductor contract or registered account`;
    case "TargetSuspended":
      return `target ${tx.target} is suspended`;
  }
}
