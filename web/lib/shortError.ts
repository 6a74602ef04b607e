import { BaseError, UserRejectedRequestError } from "viem";

/**
 * A wallet or node error in plain words, without the contract-error decoder (which carries every
 * ABI, so it is loaded only when a transaction fails: see `plainError`).
 */
export function shortError(error: unknown): string {
  if (error instanceof Error && error.name === "ProviderNotFoundError")
    return "no browser wallet found: install one (MetaMask or another EIP-1193 wallet) and reload this page";
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError)) return "you declined the request in your wallet";
    return error.shortMessage;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The full plain-words error (contract reverts decoded by the SDK), loaded on demand. */
export async function explainError(error: unknown): Promise<string> {
  const { plainError } = await import("./plainError.ts");
  return plainError(error);
}
