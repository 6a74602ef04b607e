import type { Address, Hex, PublicClient } from "viem";
import { bridgeGatewayAbi } from "../generated/abis.ts";
import type { BridgeMessage } from "./message.ts";

/** One region's chain as the validators and the relayer see it. */
export interface ChainEndpoint {
  chainId: bigint;
  gateway: Address;
  publicClient: PublicClient;
}

export interface SentMessage {
  id: Hex;
  blockNumber: bigint;
  message: BridgeMessage;
}

/**
 * Every message the gateway of `chain` sent in blocks [fromBlock, toBlock], rebuilt from its
 * `MessageSent` logs and the destination gateway recorded in the route at that block.
 */
export async function scanSentMessages(
  chain: ChainEndpoint,
  fromBlock: bigint,
  toBlock: bigint,
): Promise<SentMessage[]> {
  if (toBlock < fromBlock) return [];
  const logs = await chain.publicClient.getContractEvents({
    address: chain.gateway,
    abi: bridgeGatewayAbi,
    eventName: "MessageSent",
    fromBlock,
    toBlock,
  });
  const routes = new Map<string, Address>();
  const out: SentMessage[] = [];
  for (const log of logs) {
    const a = log.args as {
      id: Hex;
      dstChainId: bigint;
      nonce: bigint;
      sender: Address;
      recipient: Address;
      amount: bigint;
      kind: number;
      ref: Hex;
    };
    const key = `${a.dstChainId}@${log.blockNumber}`;
    let dstGateway = routes.get(key);
    if (!dstGateway) {
      const route = await chain.publicClient.readContract({
        address: chain.gateway,
        abi: bridgeGatewayAbi,
        functionName: "routeOf",
        args: [a.dstChainId],
        blockNumber: log.blockNumber,
      });
      dstGateway = route.gateway;
      routes.set(key, dstGateway);
    }
    out.push({
      id: a.id,
      blockNumber: log.blockNumber,
      message: {
        srcChainId: chain.chainId,
        srcGateway: chain.gateway,
        dstChainId: a.dstChainId,
        dstGateway,
        nonce: a.nonce,
        sender: a.sender,
        recipient: a.recipient,
        amount: a.amount,
        kind: Number(a.kind),
        ref: a.ref,
      },
    });
  }
  return out;
}
