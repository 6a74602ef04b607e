import { ConductorError, toConductorError } from "../../sdk/src/errors.ts";
import { shortError } from "./shortError.ts";

/** Whatever a wallet, node or contract threw, in plain words; contract reverts decoded by the SDK. */
export function plainError(error: unknown): string {
  const decoded = toConductorError(error);
  if (decoded instanceof ConductorError) return decoded.message;
  return shortError(decoded);
}
