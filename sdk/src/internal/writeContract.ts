import type {
  Abi,
  Address,
  ContractFunctionArgs,
  ContractFunctionName,
  ContractFunctionReturnType,
  Hash,
  TransactionReceipt,
} from "viem";
import { type ConductorClient, requireWallet } from "../client.ts";
import { ConductorTransactionError, toConductorError } from "../errors.ts";

type Mutability = "nonpayable" | "payable";

export interface WriteContractParameters<
  abi extends Abi,
  functionName extends ContractFunctionName<abi, Mutability>,
  args extends ContractFunctionArgs<abi, Mutability, functionName>,
> {
  address: Address;
  abi: abi;
  functionName: functionName;
  args: args;
}

export interface WriteContractResult<result> {
  hash: Hash;
  receipt: TransactionReceipt;
  /** What the function returned in the simulation just before sending. */
  result: result;
}

/**
 * Simulates a contract call as the client's account (so a revert becomes a typed
 * {@link ConductorContractError} before anything is signed), sends it, and waits for the receipt.
 */
export async function writeContract<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, Mutability>,
  const args extends ContractFunctionArgs<abi, Mutability, functionName>,
>(
  client: ConductorClient,
  params: WriteContractParameters<abi, functionName, args>,
): Promise<WriteContractResult<ContractFunctionReturnType<abi, Mutability, functionName, args>>> {
  const wallet = requireWallet(client);
  try {
    const { request, result } = await client.publicClient.simulateContract({
      ...params,
      account: wallet.account,
    } as never);
    const hash = await wallet.writeContract(request as never);
    const receipt = await client.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") {
      throw new ConductorTransactionError(`transaction ${hash} reverted`, hash);
    }
    return { hash, receipt, result: result as ContractFunctionReturnType<abi, Mutability, functionName, args> };
  } catch (error) {
    throw toConductorError(error);
  }
}
