import { Action, Kind } from "../generated/enums.ts";

/**
 * The auditor's own transfer table, written from DESIGN.md ("Accounts and the transfer rule",
 * "Money supply") and the seed's chapter 2 — deliberately NOT derived from
 * `contracts/core/TransferRule.sol`, so that a mistake in the contract's table shows up as a
 * difference (see {@link tableDifferences}) instead of being copied.
 *
 * Each action lists the `fromKinds → toKinds` it allows; `None` is the zero address (a mint on
 * the from side, a burn on the to side).
 */
type Pairs = readonly (readonly [from: readonly Kind[], to: readonly Kind[]])[];

const HOLDERS: readonly Kind[] = ["Person", "Company", "RegionalCompany", "ExternalCompany"];
const COMPANIES: readonly Kind[] = ["Company", "RegionalCompany", "ExternalCompany"];
const WORKER_OWNED: readonly Kind[] = ["Company", "RegionalCompany"];
const REGIONAL_ECONOMY: readonly Kind[] = ["Person", "Company", "RegionalCompany", "Region"];

export const AUDIT_TABLE: Readonly<Record<Action, Pairs>> = {
  // A direct transfer: Person → Person only.
  Transfer: [[["Person"], ["Person"]]],
  // Anyone who holds RSC, and the region itself, buys from a company; the bridge buys for a buyer
  // of another region (a cross-region purchase, paid from the message's mint).
  Purchase: [[[...HOLDERS, "Region", "Bridge"], COMPANIES]],
  // Rent goes to regionally-operated housing or to the region.
  Rent: [[HOLDERS, ["RegionalCompany", "Region"]]],
  // Wages: worker-operated and regional companies employ members.
  Wage: [[WORKER_OWNED, ["Person"]]],
  // Income tax is withheld by the employer, on the way: the worker never holds it.
  IncomeTax: [[WORKER_OWNED, ["Region"]]],
  // Sales tax is paid by the buyer on top of the price, straight to the region.
  SalesTax: [[[...HOLDERS, "Region", "Bridge"], ["Region"]]],
  ProfitAtRestTax: [[WORKER_OWNED, ["Region"]]],
  Ubi: [[["Region"], ["Person"]]],
  // Subsidies for health and higher education, both regionally operated.
  Subsidy: [[["Region"], ["RegionalCompany"]]],
  // Loans come from companies (credit unions).
  LoanDisbursement: [[["Company"], ["Person", "Company", "RegionalCompany"]]],
  LoanRepayment: [[["Person", "Company", "RegionalCompany"], ["Company"]]],
  // The Reserve mints against attested USD; nothing else mints (except a bridge, message by message).
  Deposit: [[["None"], [...HOLDERS, "Region"]]],
  // Redemption: RSC into the reserve's escrow, then burned when the USD is paid.
  Redemption: [
    [HOLDERS, ["Module"]],
    [["Module"], ["None"]],
  ],
  BridgeOut: [[REGIONAL_ECONOMY, ["None"]]],
  // A cross-region purchase is minted onto the bridge, which pays the seller and the sales tax.
  BridgeIn: [[["None"], [...REGIONAL_ECONOMY, "Bridge"]]],
  // Pooling moves capital between regions' pools. DESIGN.md: "Nothing else mints" — so no mint
  // or burn here; cross-chain pooling goes through BridgeOut/BridgeIn.
  Pooling: [[["Region"], ["Region"]]],
  // Key recovery moves a member's whole account onto her new key.
  Recovery: [[["Person"], ["Person"]]],
  // Refunds: a seller or a module (reserve escrow) returns RSC.
  Refund: [
    [
      [...COMPANIES, "Module"],
      [...HOLDERS, "Region"],
    ],
  ],
};

const KIND_COUNT = Kind.length;

/** `allowed[action][from * KIND_COUNT + to]`, built once from {@link AUDIT_TABLE}. */
const ALLOWED: readonly (readonly boolean[])[] = Action.map((action) => {
  const cells = new Array<boolean>(KIND_COUNT * KIND_COUNT).fill(false);
  for (const [froms, tos] of AUDIT_TABLE[action]) {
    for (const f of froms) for (const t of tos) cells[Kind.indexOf(f) * KIND_COUNT + Kind.indexOf(t)] = true;
  }
  return cells;
});

/** Whether the auditor's table allows `action` from kind `fromKind` to kind `toKind` (numeric ids). */
export function auditAllows(action: number, fromKind: number, toKind: number): boolean {
  const row = ALLOWED[action];
  if (row === undefined || fromKind >= KIND_COUNT || toKind >= KIND_COUNT) return false;
  return row[fromKind * KIND_COUNT + toKind] === true;
}

/** One cell where the auditor's table and the contract's disagree. */
export interface TableDifference {
  action: Action;
  fromKind: Kind;
  toKind: Kind;
  auditor: boolean;
  contract: boolean;
}

/**
 * Every `(action, fromKind, toKind)` where `contractAllows` (e.g. `rsc.isAllowed` through eth_call)
 * disagrees with the auditor's own table.
 */
export async function tableDifferences(
  contractAllows: (action: number, fromKind: number, toKind: number) => Promise<boolean>,
): Promise<TableDifference[]> {
  const cells: { a: number; f: number; t: number }[] = [];
  for (let a = 0; a < Action.length; a++)
    for (let f = 0; f < KIND_COUNT; f++) for (let t = 0; t < KIND_COUNT; t++) cells.push({ a, f, t });
  const answers = await Promise.all(cells.map(({ a, f, t }) => contractAllows(a, f, t)));
  const out: TableDifference[] = [];
  cells.forEach(({ a, f, t }, i) => {
    const auditor = auditAllows(a, f, t);
    if (auditor !== answers[i])
      out.push({ action: Action[a], fromKind: Kind[f], toKind: Kind[t], auditor, contract: answers[i] });
  });
  return out;
}
