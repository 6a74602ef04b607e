import { expect } from "chai";
import { type Address, getAddress } from "viem";
import { describeSafeTransaction } from "../../sdk/src/marketplace/describe.ts";
import { encodeApproveTimesheet } from "../../sdk/src/payroll/approveTimesheet.ts";
import { describePayrollCall } from "../../sdk/src/payroll/describe.ts";
import { employmentIdOf } from "../../sdk/src/payroll/employments.ts";
import { encodeHire } from "../../sdk/src/payroll/hire.ts";
import { encodePayroll } from "../../sdk/src/payroll/shared.ts";
import { clientFor } from "../helpers/viem.ts";

const PAYROLL = "0x00000000000000000000000000000000000000aa" as Address;
const ACME = "0x00000000000000000000000000000000000000ac" as Address;
const ADA = "0x00000000000000000000000000000000000000ad" as Address;
// Describing a Payroll call reads nothing from the chain: the Payroll address is all it needs.
const client = clientFor({ chainId: 31337, regionName: "Test", startBlock: 0, contracts: { Payroll: PAYROLL } });

describe("payroll proposals in human terms (what a company's signers approve)", () => {
  const id = employmentIdOf(ACME, 7n);

  it("describes a hire and each change of an employment", async () => {
    const hire = encodeHire(client, { worker: ADA, occupationId: 3, productivity: "0.5", mode: "Timesheet" });
    expect(await describeSafeTransaction(client, hire)).to.equal(
      `hire ${getAddress(ADA)} as occupation #3 at productivity 0.5 (Timesheet pay)`,
    );
    const approve = encodeApproveTimesheet(client, { employmentId: id, seconds: 9_000 });
    expect(await describeSafeTransaction(client, approve)).to.equal("approve 2.5 h of employment #7's timesheet");
    expect(describePayrollCall(encodePayroll("setProductivity", [id, 600_000_000_000_000_000n]))).to.equal(
      "set the productivity of employment #7 to 0.6",
    );
    expect(describePayrollCall(encodePayroll("changeOccupation", [id, 4]))).to.equal(
      "move employment #7 to occupation #4",
    );
    expect(describePayrollCall(encodePayroll("endEmployment", [id]))).to.equal("end employment #7");
  });

  it("names the occupation when its name is given", () => {
    const hire = encodeHire(client, { worker: ADA, occupationId: 3, productivity: "0.5", mode: "Shift" });
    expect(describePayrollCall(hire.data, "Nurse")).to.equal(
      `hire ${getAddress(ADA)} as Nurse (#3) at productivity 0.5 (Shift pay)`,
    );
    expect(describePayrollCall(encodePayroll("changeOccupation", [id, 4]), "Welder")).to.equal(
      "move employment #7 to Welder (#4)",
    );
  });

  it("leaves a worker's own calls and unknown data to the raw description", async () => {
    expect(describePayrollCall(encodePayroll("clockIn", [id]))).to.equal(undefined);
    expect(await describeSafeTransaction(client, { to: PAYROLL, data: "0xdeadbeef" })).to.match(
      /^call 0x0+aa with data 0xdeadbeef… \(not a marketplace or payroll action\)$/,
    );
  });
});
