// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ILotLedger} from "../core/ILotLedger.sol";

/// @title IProfitAtRest — the FIFO profit-at-rest ledger (seed chapter 4, "Profit")
/// @notice Every inflow of a `Company` or `RegionalCompany` forms a **lot**; every outflow consumes
/// the oldest open lots first (FIFO). The exact rule:
///
/// 1. **Lots.** Inflows of the same class (taxable, or exempt: `LoanDisbursement` and `Deposit`)
///    arriving less than {LOT_WINDOW} after the first inflow of the newest lot join that lot;
///    otherwise they open a new lot. A lot's time `at` is the time of its first inflow.
///    Exempt lots take their place in FIFO order like any other.
/// 2. **FIFO.** Every outflow (purchases, wages, taxes, repayments, redemptions, the profit-at-rest
///    tax itself) consumes the oldest open money first. The open part of lot `i` is
///    `max(0, end_i − max(start_i, totalOut))`, where `start_i`/`end_i` are the company's
///    cumulative inflow before/after the lot. Σ open parts = the company's balance.
/// 3. **Due.** Lot `i` falls due at `at_i + delay`, with the region's `ProfitAtRestDelay`
///    (`RegionalProfitAtRestDelay` for a RegionalCompany).
/// 4. **Collection.** Lots are collected in order, each exactly once. Collecting a due, taxable lot
///    takes `floor(open × rate / 1e18)` (rate `ProfitAtRestRate` or `RegionalProfitAtRestRate`) from
///    the company to the capital pool as `ProfitAtRestTax`; the tax is itself an outflow and
///    consumes the oldest open money. Exempt lots and fully spent lots are passed over with no tax.
///    **A lot is never taxed again:** its remainder stays in the balance and in FIFO order.
/// 5. **Who collects.** Anyone, at any time, through {collect}; and every outflow of the company
///    first collects up to {AUTO_COLLECT} due lots, measured before the outflow is booked, so money
///    a company still held when its lot fell due is taxed on what it held, not on what is left after
///    the spend. An outflow that would leave less than the tax due is refused
///    ({ProfitAtRestTaxUnpaid}) — except a **priority outflow**: wages (`Wage`), their income tax
///    (`IncomeTax`) and loan repayments (`LoanRepayment`) come before the profit-at-rest tax. When
///    the balance left after a priority outflow cannot pay the tax of the next due lot, collection
///    stops at that lot (it stays uncollected, the outflow goes through) and resumes at the next
///    outflow or {collect}, taxing that lot's open part then. So the order of payment, when money
///    is short, is: wages and income tax (and loan repayments) first, the profit-at-rest tax next,
///    everything else last. Inflows never trigger collection (a buyer never pays for the
///    seller's tax collection).
/// 6. **Parameters.** Delays and rates are cached in this contract; {syncParameters} (anyone) and
///    every {collect} refresh the cache from RegionParameters. A lot falls due by the delay cached
///    when it is collected.
/// 7. **Cost.** Booking an inflow or outflow touches a fixed number of storage words; collection
///    advances a cursor, at most {AUTO_COLLECT} lots per outflow and `maxLots` per {collect}. No
///    operation's cost grows with the number of lots or the time elapsed.
interface IProfitAtRest is ILotLedger {
    /// @notice One lot as a reader sees it. Amounts in RSC wei, times in seconds.
    /// @param index The lot's position in the company's FIFO order.
    /// @param amount Total inflow of the lot.
    /// @param open The part not yet consumed by outflows.
    /// @param at Time of the lot's first inflow.
    /// @param dueAt When it falls due under the cached delay.
    /// @param exempt Loan disbursement or USD deposit: never taxed.
    /// @param collected Whether collection has already passed this lot (it is never taxed again).
    /// @param taxIfCollectedNow The tax {collect} would take for this lot now (0 if not due, exempt or collected).
    struct LotView {
        uint256 index;
        uint256 amount;
        uint256 open;
        uint48 at;
        uint48 dueAt;
        bool exempt;
        bool collected;
        uint256 taxIfCollectedNow;
    }

    /// @notice The cached regional parameters (fractions 1e18 = 100 %, delays in seconds).
    struct Rates {
        uint48 delay;
        uint64 rate;
        uint48 regionalDelay;
        uint64 regionalRate;
    }

    /// @notice A company's book: cumulative inflow and outflow (RSC wei), lot count and cursor.
    struct Book {
        uint128 totalIn;
        uint128 totalOut;
        uint56 lotCount;
        uint56 cursor;
    }

    /// @notice Emitted when a due lot is collected. `taxedAmount` is its open part when collected,
    /// `tax` what was paid to the capital pool (RSC wei).
    event ProfitAtRestCollected(address indexed company, uint256 indexed lotIndex, uint256 taxedAmount, uint256 tax);

    /// @notice Emitted when a company first seen with a balance gets an opening lot of `amount`.
    event OpeningLotBooked(address indexed company, uint256 amount);

    /// @notice Emitted when the cached parameters are refreshed from RegionParameters.
    event RatesSynced(uint48 delay, uint64 rate, uint48 regionalDelay, uint64 regionalRate);

    /// @notice Thrown when {recordMove} is called by anyone but the token.
    error ProfitAtRestUnauthorizedToken(address caller);

    /// @notice Thrown when an outflow would leave `company` less than the profit-at-rest `tax` due.
    error ProfitAtRestTaxUnpaid(address company, uint256 tax, uint256 available);

    /// @notice Thrown when collection is asked for an account that keeps no lots.
    error ProfitAtRestNotACompany(address account);

    /// @notice Thrown when `maxLots` is 0 or above {MAX_COLLECT}.
    error ProfitAtRestInvalidMaxLots(uint256 maxLots, uint256 limit);

    /// @notice Inflows of one class within this many seconds of a lot's first inflow join that lot.
    function LOT_WINDOW() external view returns (uint48);

    /// @notice Due lots collected before each outflow of a company.
    function AUTO_COLLECT() external view returns (uint256);

    /// @notice The most lots one {collect} call may examine.
    function MAX_COLLECT() external view returns (uint256);

    /// @notice The book of `company`.
    function bookOf(address company) external view returns (Book memory);

    /// @notice Up to `count` lots of `company` from `start`, with open parts and projected tax.
    function lotsOf(address company, uint256 start, uint256 count) external view returns (LotView[] memory);

    /// @notice The cached delays and rates.
    function rates() external view returns (Rates memory);

    /// @notice Refreshes the cached delays and rates from RegionParameters. Anyone. Emits {RatesSynced}.
    function syncParameters() external;

    /// @notice Refreshes the rates, then collects up to `maxLots` due lots of `company`, oldest
    /// first. Anyone. Returns the lots examined and the tax paid (RSC wei).
    /// Emits {ProfitAtRestCollected} per lot passed (tax 0 for exempt or spent lots).
    function collect(address company, uint256 maxLots) external returns (uint256 lots, uint256 tax);
}
