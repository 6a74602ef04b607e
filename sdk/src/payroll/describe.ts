import { decodeFunctionData, formatUnits, type Hex } from "viem";
import { payrollAbi } from "../generated/abis.ts";
import { PayMode } from "../generated/enums.ts";
import { employmentLabel } from "./employments.ts";
import { occupationLabel } from "./occupations.ts";

const fraction = (value: bigint) => formatUnits(value, 18);
const hours = (seconds: number) => `${Number((seconds / 3600).toFixed(2))} h`;

/** "Nurse (#3)", or "occupation #3" while unnamed: how a proposal's description names an occupation. */
export function occupationPhrase(occupationId: number, name: string): string {
  return name ? occupationLabel({ occupationId, name }) : `occupation #${occupationId}`;
}

/** The occupation a Payroll call hires into or moves to (`hire`, `changeOccupation`), if any. */
export function occupationOfPayrollCall(data: Hex): number | undefined {
  const { functionName, args } = decodeFunctionData({ abi: payrollAbi, data });
  if (functionName === "hire") return args[1];
  if (functionName === "changeOccupation") return args[1];
  return undefined;
}

/**
 * A company's Payroll call in human terms (for the signers' list of pending proposals), e.g.
 * "hire 0xAda… as Nurse (#3) at productivity 0.5 (Shift pay)" ("as occupation #3" when
 * `occupationName` is not given or the occupation is unnamed); undefined for anything else.
 * @example
 * const text = describePayrollCall(proposal.data, "Nurse") ?? "unknown call";
 */
export function describePayrollCall(data: Hex, occupationName = ""): string | undefined {
  const { functionName, args } = decodeFunctionData({ abi: payrollAbi, data });
  const occupation = (occupationId: number) => occupationPhrase(occupationId, occupationName);
  switch (functionName) {
    case "hire": {
      const [worker, occupationId, productivity, mode] = args;
      return `hire ${worker} as ${occupation(occupationId)} at productivity ${fraction(productivity)} (${PayMode[mode]} pay)`;
    }
    case "changeOccupation":
      return `move employment ${employmentLabel(args[0])} to ${occupation(args[1])}`;
    case "setProductivity":
      return `set the productivity of employment ${employmentLabel(args[0])} to ${fraction(args[1])}`;
    case "approveTimesheet":
      return `approve ${hours(args[1])} of employment ${employmentLabel(args[0])}'s timesheet`;
    case "endEmployment":
      return `end employment ${employmentLabel(args[0])}`;
    default:
      return undefined;
  }
}
