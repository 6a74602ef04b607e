import { BaseError, UserRejectedRequestError } from "viem";
import { ConductorError, toConductorError } from "../../sdk/src/errors.ts";

/** Whatever a wallet, node or contract threw, in plain words for a person. */
export function plainError(error: unknown): string {
  const decoded = toConductorError(error);
  if (decoded instanceof ConductorError) return decoded.message;
  if (decoded instanceof BaseError) {
    if (decoded.walk((e) => e instanceof UserRejectedRequestError)) return "you declined the request in your wallet";
    return decoded.shortMessage;
  }
  if (decoded instanceof Error) return decoded.message;
  return String(decoded);
}
