import { ConductorContractError, ConductorError, toConductorError } from "../../sdk/src/errors.ts";
import { formatDate, formatRsc } from "./format.ts";
import { shortError } from "./shortError.ts";

/** For a person at a screen: amounts in RSC and dates, not wei and seconds (the SDK's words are for logs). */
const ON_SCREEN: Record<string, (args: readonly unknown[]) => string> = {
  ERC20InsufficientBalance: ([, balance, needed]) =>
    `insufficient balance: the account holds ${formatRsc(BigInt(String(balance)))}, the action needs ${formatRsc(BigInt(String(needed)))}`,
  CapitalPoolUbiAlreadyClaimed: ([, next]) =>
    `this period's UBI is already claimed; the next claim opens ${formatDate(BigInt(String(next)))} (UTC)`,
  CapitalPoolInsufficientFunds: ([requested, available]) =>
    `the capital pool holds ${formatRsc(BigInt(String(available)))}, less than the ${formatRsc(BigInt(String(requested)))} requested`,
};

/** Whatever a wallet, node or contract threw, in plain words; contract reverts decoded by the SDK. */
export function plainError(error: unknown): string {
  const decoded = toConductorError(error);
  if (decoded instanceof ConductorContractError) return ON_SCREEN[decoded.errorName]?.(decoded.args) ?? decoded.message;
  if (decoded instanceof ConductorError) return decoded.message;
  return shortError(decoded);
}
