import { ConductorContractError, ConductorError, toConductorError } from "../../sdk/src/errors.ts";
import { ProposalState } from "../../sdk/src/governance/shared.ts";
import { formatDate, formatRsc } from "./format.ts";
import { shortError } from "./shortError.ts";

/** For a person at a screen: amounts in RSC and dates, not wei and seconds (the SDK's words are for logs). */
const ON_SCREEN: Record<string, (args: readonly unknown[]) => string> = {
  ERC20InsufficientBalance: ([, balance, needed]) =>
    `insufficient balance: the account holds ${formatRsc(BigInt(String(balance)))}, the action needs ${formatRsc(BigInt(String(needed)))}`,
  CapitalPoolUbiAlreadyClaimed: ([, next]) =>
    `this period's UBI is already claimed; the next claim opens ${formatDate(BigInt(String(next)))} (UTC)`,
  PayrollNotWorker: ([id]) => `this account is not the worker of employment #${id}`,
  PayrollAlreadyOnShift: ([id]) => `you are already on shift (employment #${id})`,
  PayrollNotOnShift: ([id]) => `you are not on shift (employment #${id}): clock in first`,
  PayrollEmploymentEnded: ([id]) => `employment #${id} has ended`,
  PayrollWrongPayMode: ([id, , actual]) =>
    `employment #${id} is paid ${Number(actual) === 0 ? "by the shift (clock in and out)" : "by timesheet"}`,
  PayrollInvalidTimesheet: ([, submitted, max]) =>
    `a timesheet of ${Number(submitted) / 3600} hours is not accepted (at most ${Number(max) / 3600} hours)`,
  RegionGovernorNotAMember: () => "only active members of the region may propose or vote",
  RegionGovernorAlreadyVoted: () => "you have already voted on this proposal",
  GovernorAlreadyCastVote: () => "you have already voted on this proposal",
  GovernorUnexpectedProposalState: ([, current]) =>
    `the proposal is ${ProposalState[Number(current)] ?? "in another state"}: this step is not possible now`,
  HousingAlreadyWaiting: () => "you are already on this wait-list",
  MarketplaceInsufficientQuantity: ([, requested, available]) =>
    `only ${available} left, fewer than the ${requested} asked for`,
  MarketplaceAboveMaximum: ([, total, maxTotal]) =>
    `the price rose to ${formatRsc(BigInt(String(total)))}, above the ${formatRsc(BigInt(String(maxTotal)))} quoted: nothing was bought`,
  MarketplaceListingInactive: () => "this listing is no longer for sale",
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
