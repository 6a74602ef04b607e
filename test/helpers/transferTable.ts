import type { Action, Kind } from "../../sdk/src/generated/enums.ts";

/**
 * The transfer rule written out by hand from DESIGN.md ("Accounts and the transfer rule") and the
 * seed (chapter 2, "Currency"), independently of contracts/core/TransferRule.sol, so that the tests
 * compare the contract against a second reading instead of against itself. `None` on the `from`
 * side is a mint (from the zero address), on the `to` side a burn (to the zero address).
 */
const PERSON: Kind[] = ["Person"];
const COMPANIES: Kind[] = ["Company", "RegionalCompany", "ExternalCompany"];
const HOLDERS: Kind[] = [...PERSON, ...COMPANIES];

type Rule = { from: Kind[]; to: Kind[] }[];

export const TRANSFER_TABLE: Record<Action, Rule> = {
  // a direct transfer: any two people (second-hand sales), nobody else
  Transfer: [{ from: PERSON, to: PERSON }],
  // a person, a company or the region buys a product or service from a company; the bridge buys
  // for a buyer of another region (a cross-region purchase)
  Purchase: [{ from: [...HOLDERS, "Region", "Bridge"], to: COMPANIES }],
  // a person or company rents regional housing (a regionally-operated company) or production equipment (the region)
  Rent: [{ from: HOLDERS, to: ["RegionalCompany", "Region"] }],
  // companies inside the regional economy pay their workers
  Wage: [{ from: ["Company", "RegionalCompany"], to: PERSON }],
  // income tax is withheld at the employer and goes to the capital pool
  IncomeTax: [{ from: ["Company", "RegionalCompany"], to: ["Region"] }],
  // the buyer pays sales tax to the capital pool (the bridge, for a buyer of another region)
  SalesTax: [{ from: [...HOLDERS, "Region", "Bridge"], to: ["Region"] }],
  // profits at rest of companies inside the economy are taxed into the capital pool
  ProfitAtRestTax: [{ from: ["Company", "RegionalCompany"], to: ["Region"] }],
  // the capital pool pays every member
  Ubi: [{ from: ["Region"], to: PERSON }],
  // the capital pool subsidises regionally-operated companies (health, higher education)
  Subsidy: [{ from: ["Region"], to: ["RegionalCompany"] }],
  // a bank or credit union (a worker-run company) lends to a person or a company
  LoanDisbursement: [{ from: ["Company"], to: ["Person", "Company", "RegionalCompany"] }],
  // a person or company pays the loan back
  LoanRepayment: [{ from: ["Person", "Company", "RegionalCompany"], to: ["Company"] }],
  // the reserve mints against USD deposited by a holder or the region
  Deposit: [{ from: ["None"], to: [...HOLDERS, "Region"] }],
  // a holder's RSC is escrowed by the reserve (a module), which burns it when the USD is paid
  Redemption: [
    { from: HOLDERS, to: ["Module"] },
    { from: ["Module"], to: ["None"] },
  ],
  // leaving for another region burns here; arriving mints here (external companies stay outside);
  // a cross-region purchase arrives on the bridge itself, which pays the seller and the sales tax
  BridgeOut: [{ from: ["Person", "Company", "RegionalCompany", "Region"], to: ["None"] }],
  BridgeIn: [{ from: ["None"], to: ["Person", "Company", "RegionalCompany", "Region", "Bridge"] }],
  // regions pool funds with other regions: here, or across a bridge (burn / mint)
  Pooling: [
    { from: ["Region"], to: ["Region", "None"] },
    { from: ["None"], to: ["Region"] },
  ],
  // a member's lost key is replaced by a new one
  Recovery: [{ from: PERSON, to: PERSON }],
  // a seller or an escrowing module gives money back
  Refund: [{ from: [...COMPANIES, "Module"], to: [...HOLDERS, "Region"] }],
};

/** Whether the hand-written table allows `action` from an account of `from` to one of `to`. */
export function expectedAllowed(action: Action, from: Kind, to: Kind): boolean {
  return TRANSFER_TABLE[action].some((r) => r.from.includes(from) && r.to.includes(to));
}
