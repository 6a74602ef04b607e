// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {CompanyLots} from "../core/CompanyLots.sol";
import {ILotCollector} from "../core/ILotCollector.sol";
import {IParameterListener} from "../governance/IParameterListener.sol";

/// @title IProfitAtRest — the FIFO profit-at-rest ledger (seed chapter 4, "Profit")
/// @notice Every inflow of a `Company` or `RegionalCompany` forms a **lot**; every outflow consumes
/// the oldest open lots first (FIFO). The exact rule:
///
/// 1. **Lots.** A lot is open for inflows during one **period**: 1/{LOT_PERIODS_PER_DELAY} of the
///    company's delay in force when it opens, counted in whole {LOT_UNIT}s (15 minutes) and at
///    least one (22.5 hours under a 30-day delay). Every inflow joins the newest lot while its
///    period is open; otherwise it opens a new lot, whose period starts in the current unit
///    (`⌊t / 900⌋`). A lot is **dated at the end of its period** (`datedAt`), so no money in it is
///    younger than its date: none is taxed before it has rested the whole delay, and none more
///    than one period after. **Exempt money** (`LoanDisbursement`, `Deposit`) joins its period's
///    lot like any other and is counted apart (`exemptAmount`), so a company has at most one lot
///    per period whatever it receives. One lot holds at most 2^94 − 1 RSC wei (19.8 billion RSC):
///    an inflow that would take the newest lot past it opens a new lot, and a single inflow above
///    it is refused ({CompanyLots-CompanyLotsInflowTooLarge}). At most {LOT_RING} lots of a company
///    are uncollected at a time (two delays' worth): when that many are, an inflow joins the newest
///    lot, which is dated anew (the end of a period starting now) if its period has ended. That
///    happens only when collection is a whole delay behind (the tax paused, or no keeper and no
///    spending), and no company can bring it about by what it receives: such money is taxed late,
///    never early. (The one refusal left: an inflow that would take a full ring's newest lot past
///    2^94 − 1 wei.)
/// 2. **FIFO.** Every outflow (purchases, wages, taxes, repayments, redemptions, the profit-at-rest
///    tax itself) consumes the oldest open money first, and within a lot its exempt money first.
///    The open part of lot `i` is `max(0, end_i − max(start_i, totalOut))`, where `start_i`/`end_i`
///    are the company's cumulative inflow before/after the lot; its **taxable open part** is
///    `min(open_i, amount_i − exempt_i)`. Σ open parts = the company's balance.
/// 3. **Due.** Lot `i` falls due at `datedAt_i + delay`, with the region's `ProfitAtRestDelay`
///    (`RegionalProfitAtRestDelay` for a RegionalCompany) in force when it is collected.
/// 4. **Collection.** Lots are collected in order, each exactly once. Collecting a due lot takes
///    `floor(taxableOpen × rate / 1e18)` (rate `ProfitAtRestRate` or `RegionalProfitAtRestRate`)
///    from the company to the capital pool as `ProfitAtRestTax`; the tax is itself an outflow and
///    consumes the oldest open money. A lot of exempt money only, or fully spent, passes with no
///    tax. **A lot is never taxed again:** its remainder stays in the balance and in FIFO order.
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
/// 6. **Parameters.** Always the values in force: RegionParameters tells the token of every change
///    of the delays and this contract of every change of the rates, in the same transaction
///    ({IParameterListener}). A lot falls due by the delay in force when it is collected.
/// 7. **Cost.** The token books lots itself ({CompanyLots}): an inflow joining the newest lot
///    touches no storage beyond the balance, one opening a lot rewrites two words (the closed lot's
///    in the company's ring, pre-written at registration, and the book), an outflow with nothing due
///    reads one. Collection (this contract, called by the token only when the oldest
///    uncollected lot is due) advances a cursor, at most {AUTO_COLLECT} lots per outflow and
///    `maxLots` per {collect}. No operation's cost grows with the number of lots or the time elapsed.
interface IProfitAtRest is ILotCollector, IParameterListener {
    /// @notice One lot as a reader sees it. Amounts in RSC wei, times in seconds.
    /// @param index The lot's position in the company's FIFO order.
    /// @param amount Total inflow of the lot.
    /// @param open The part not yet consumed by outflows.
    /// @param datedAt The lot's date: the end of its period (no money in it is younger).
    /// @param dueAt When it falls due under the delay in force.
    /// @param exemptAmount Its exempt money (loan disbursements, USD deposits): never taxed, and
    /// spent first within the lot.
    /// @param collected Whether collection has already passed this lot (it is never taxed again).
    /// @param taxIfCollectedNow The tax {collect} would take for this lot now (0 if not due or
    /// collected): on its taxable open part, `min(open, amount − exemptAmount)`.
    struct LotView {
        uint256 index;
        uint256 amount;
        uint256 open;
        uint48 datedAt;
        uint48 dueAt;
        uint256 exemptAmount;
        bool collected;
        uint256 taxIfCollectedNow;
    }

    /// @notice The regional parameters in force (fractions 1e18 = 100 %, delays in seconds).
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

    /// @notice Emitted when a due lot is collected. `taxedAmount` is its taxable open part when collected,
    /// `tax` what was paid to the capital pool (RSC wei).
    event ProfitAtRestCollected(address indexed company, uint256 indexed lotIndex, uint256 taxedAmount, uint256 tax);

    /// @notice Emitted when the rates are read again from RegionParameters or a change is pushed.
    event RatesSynced(uint48 delay, uint64 rate, uint48 regionalDelay, uint64 regionalRate);

    /// @notice Thrown when {collectOnOutflow} is called by anyone but the token.
    error ProfitAtRestUnauthorizedToken(address caller);

    /// @notice Thrown when anyone but RegionParameters reports a change, or a parameter this
    /// contract does not keep is reported.
    error ProfitAtRestUnauthorizedParameters(address caller, uint8 param);

    /// @notice Thrown when an outflow would leave `company` less than the profit-at-rest `tax` due.
    error ProfitAtRestTaxUnpaid(address company, uint256 tax, uint256 available);

    /// @notice Thrown when collection is asked for an account that keeps no lots.
    error ProfitAtRestNotACompany(address account);

    /// @notice Thrown when lot `index` of `company` (with `lotCount` lots) is no longer kept: its
    /// word in the token's ring was reused (only the last {LOT_RING} lots are kept).
    error ProfitAtRestLotNotKept(address company, uint256 index, uint256 lotCount);

    /// @notice Thrown when `maxLots` is 0 or above {MAX_COLLECT}.
    error ProfitAtRestInvalidMaxLots(uint256 maxLots, uint256 limit);

    /// @notice Lot dates and periods are counted in units of this many seconds.
    function LOT_UNIT() external view returns (uint48);

    /// @notice A lot's period is the delay divided by this (in whole units, at least one).
    function LOT_PERIODS_PER_DELAY() external view returns (uint256);

    /// @notice The most lots of one company that are uncollected at a time (the token's ring).
    function LOT_RING() external view returns (uint256);

    /// @notice Due lots collected before each outflow of a company.
    function AUTO_COLLECT() external view returns (uint256);

    /// @notice The most lots one {collect} call may examine.
    function MAX_COLLECT() external view returns (uint256);

    /// @notice `company`'s balance and its lots as the token books them ({CompanyLots-State}: the
    /// newest lot, the lot count, the collection cursor and the oldest uncollected lot's date).
    /// Reverts with {IRSC-RSCNoLots} for an account that keeps none.
    function lotsStateOf(address company) external view returns (uint256 balance, CompanyLots.State memory state);

    /// @notice The book of `company`.
    function bookOf(address company) external view returns (Book memory);

    /// @notice Up to `count` lots of `company` from `start`, with open parts and projected tax. Only the
    /// last {LOT_RING} lots are kept (every uncollected one among them); an older `start` begins at
    /// the oldest kept. The history of every lot is in the events (`ActionPerformed`,
    /// {ProfitAtRestCollected}).
    function lotsOf(address company, uint256 start, uint256 count) external view returns (LotView[] memory);

    /// @notice The delays (the token's) and rates in force.
    function rates() external view returns (Rates memory);

    /// @notice Reads the rates again from RegionParameters (changes are pushed anyway). Anyone.
    /// Emits {RatesSynced}.
    function syncParameters() external;

    /// @notice Collects up to `maxLots` due lots of `company`, oldest first. Anyone. Returns the lots
    /// examined and the tax paid (RSC wei).
    /// Emits {ProfitAtRestCollected} per lot passed (tax 0 for exempt or spent lots).
    function collect(address company, uint256 maxLots) external returns (uint256 lots, uint256 tax);
}
