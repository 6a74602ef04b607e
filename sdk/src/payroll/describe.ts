import { decodeFunctionData, formatUnits, type Hex } from "viem";
import { payrollAbi } from "../generated/abis.ts";
import { PayMode } from "../generated/enums.ts";
import { employmentLabel } from "./employments.ts";

const fraction = (value: bigint) => formatUnits(value, 18);
const hours = (seconds: number) => `${Number((seconds / 3600).toFixed(2))} h`;

/**
 * A company's Payroll call in human terms (for the signers' list of pending proposals), e.g.
 * "hire 0xAda… as occupation #3 at productivity 0.5 (Shift pay)"; undefined for anything else.
 * @example
 * const text = describePayrollCall(proposal.data) ?? "unknown call";
 */
export function describePayrollCall(data: Hex): string | undefined {
  const { functionName, args } = decodeFunctionData({ abi: payrollAbi, data });
  switch (functionName) {
    case "hire": {
      const [worker, occupationId, productivity, mode] = args;
      return `hire ${worker} as occupation #${occupationId} at productivity ${fraction(productivity)} (${PayMode[mode]} pay)`;
    }
    case "changeOccupation":
      return `move employment ${employmentLabel(args[0])} to occupation #${args[1]}`;
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
