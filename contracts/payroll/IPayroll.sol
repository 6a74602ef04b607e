// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "../core/ConductorTypes.sol";
import {IParameterListener} from "../governance/IParameterListener.sol";

/// @title IPayroll — employments, shifts, timesheets, per-second pay with income tax withheld
/// @notice A company (its treasury, usually a Safe, is `msg.sender`) hires a member into an
/// occupation of the regional wage schedule, sets her productivity within the regional range,
/// changes her occupation and ends the employment. The worker clocks in and out (shift mode: pay
/// accrues per second at the hourly wage / 3600) or submits timesheet seconds that the company
/// approves (timesheet mode). The worker withdraws whenever she likes; anyone may settle a batch
/// of employments (the hourly keeper). A payment takes the gross from the company's balance: the
/// income tax (`⌊gross × IncomeTaxRate / 1e18⌋`) goes to the capital pool as `IncomeTax`, the rest
/// to the worker as `Wage`, in the same transaction. What the company cannot pay stays owed as debt
/// and is paid first when funds arrive. For every employment, at every moment:
/// `paid + debt == accrued` and `paid <= accrued` (amounts gross, RSC wei).
///
/// Wage changes reach an employment lazily (see {IWageSchedule}): a settlement walks only the
/// occupation's wage epochs since the employment's last settlement. The employment keeps its own
/// wage index at the start of its current epoch, so a worker hired during a decay is not raised by
/// a later reduction. A hire or a change of occupation takes the occupation's newest wage at once.
/// STARTING_WAGE is read when time is settled (the keeper settles open shifts hourly).
///
/// Payroll keeps its own copy of the three regional parameters it reads on every hire and
/// settlement — ProductivityMin, ProductivityMax and StartingWage — in one storage word with the
/// employment counter. It is the RegionParameters listener of those three (see
/// {IParameterListener}): every change reaches the copy in the same transaction, so the copy is
/// never stale. {syncParameters} copies them again from RegionParameters (anyone, harmless).
///
/// An employment id carries its company: the `seq`-th hire (`seq` = {employmentCount} after it),
/// made by `company`, is `uint256(uint160(company)) << 96 | seq` ({companyOf} reads it back). The
/// company is never stored; an id naming another company finds no employment. An employment is
/// stored in three words (see `EmploymentRecord`): a hire creates one, a withdrawal off shift
/// touches one (the amounts word, keyed by worker and id). Bounds that follow: occupation ids and
/// wage epochs up to 65,535, productivity up to 2^60 − 1, and at most 2^85 − 1 RSC wei (≈ 38.7
/// million RSC) accrued over an employment's life.
interface IPayroll is IParameterListener {
    /// @notice How hours are recorded.
    enum PayMode {
        Shift,
        Timesheet
    }

    /// @notice An employment, decoded from the three words Payroll stores it in (see
    /// {EmploymentRecord}: a hire writes one word; `company` is not stored, it is read from the id).
    /// @param worker The member employed (kind Person).
    /// @param occupationId Her occupation in the wage schedule (at most 65,535).
    /// @param productivity Set by the company within the regional range, 1e18 = 1 (at most 2^60 − 1).
    /// @param company The employer's treasury (kind Company or RegionalCompany): `employmentId >> 96`.
    /// @param epoch The occupation's wage epoch at the last settlement (at most 65,535).
    /// @param settledAt When pay was last settled (on shift: accrued up to here; 0 until the first
    /// clock-in or settlement: nothing reads it off shift).
    /// @param onShift Whether the worker is clocked in.
    /// @param mode Shift or timesheet.
    /// @param ended Whether the company ended the employment (what is owed stays payable).
    /// @param accrued Gross pay earned, RSC wei (at most 2^85 − 1 ≈ 38.7 million RSC over the
    /// employment's life: an accrual past it reverts with {PayrollAmountTooLarge}).
    /// @param paid Gross pay paid (net wage + income tax), RSC wei.
    /// @param taxWithheld Income tax withheld from what was paid, RSC wei.
    /// @param fromIndex The worker's wage index when `epoch` began (0: hired in it, takes its index).
    /// @param pendingSeconds Timesheet seconds submitted and not yet approved.
    struct Employment {
        address worker;
        uint32 occupationId;
        uint64 productivity;
        address company;
        uint32 epoch;
        uint40 settledAt;
        bool onShift;
        PayMode mode;
        bool ended;
        uint128 accrued;
        uint128 paid;
        uint128 taxWithheld;
        uint80 fromIndex;
        uint32 pendingSeconds;
    }

    /// @notice What an employment has earned and been paid, as of now (the open shift included).
    /// All amounts gross except `tax`; `debt == accrued − paid`.
    struct PayrollSummary {
        address worker;
        address company;
        uint256 accrued;
        uint256 paid;
        uint256 tax;
        uint256 debt;
        uint256 hourlyWage;
    }

    // ------------------------------------------------------------------ events

    /// @notice Emitted when `company` hires `worker` into `occupationId` at `productivity`.
    event Hired(
        uint256 indexed employmentId,
        address indexed worker,
        address indexed company,
        uint32 occupationId,
        uint64 productivity,
        PayMode mode
    );

    /// @notice Emitted when the company changes the employment's occupation.
    event OccupationChanged(uint256 indexed employmentId, uint32 oldOccupationId, uint32 newOccupationId);

    /// @notice Emitted when the company changes the worker's productivity (1e18 = 1).
    event ProductivityChanged(uint256 indexed employmentId, uint64 oldProductivity, uint64 newProductivity);

    /// @notice Emitted when the company ends the employment.
    event EmploymentEnded(uint256 indexed employmentId);

    /// @notice Emitted when the worker clocks in.
    event ClockedIn(uint256 indexed employmentId, uint40 at);

    /// @notice Emitted when the worker clocks out (the shift is settled up to `at`).
    event ClockedOut(uint256 indexed employmentId, uint40 at);

    /// @notice Emitted when pay is settled: `amount` RSC wei (gross) accrued up to `until`.
    event PayAccrued(uint256 indexed employmentId, uint256 amount, uint40 until);

    /// @notice Emitted when the worker submits `submittedSeconds` of timesheet work (`pendingSeconds` now pending).
    event TimesheetSubmitted(uint256 indexed employmentId, uint32 submittedSeconds, uint32 pendingSeconds);

    /// @notice Emitted when the company approves `approvedSeconds` of the `submittedSeconds` pending
    /// (the rest is rejected), earning `amount` RSC wei gross at `hourlyWage`.
    event TimesheetApproved(
        uint256 indexed employmentId, uint32 approvedSeconds, uint32 submittedSeconds, uint256 hourlyWage, uint256 amount
    );

    /// @notice Emitted by {settleBatch} when settling `employmentId` failed; nothing changed for it.
    event SettlementFailed(uint256 indexed employmentId, bytes reason);

    /// @notice Emitted when Payroll's copy of the regional parameters it reads changes (at
    /// initialization, by {syncParameters} and by every change RegionParameters pushes).
    event ParametersCopied(uint256 productivityMin, uint256 productivityMax, uint256 startingWage);

    // ------------------------------------------------------------------ errors

    /// @notice Thrown when the employer is not a Company or RegionalCompany (it is `kind`).
    error PayrollNotACompany(address account, Kind kind);

    /// @notice Thrown when the worker is not a Person (it is `kind`).
    error PayrollNotAPerson(address account, Kind kind);

    /// @notice Thrown when `occupationId` does not exist or takes no new hires.
    error PayrollUnknownOccupation(uint32 occupationId);

    /// @notice Thrown when `productivity` lies outside the regional range `[min, max]`.
    error PayrollProductivityOutOfRange(uint256 productivity, uint256 min, uint256 max);

    /// @notice Thrown when `employmentId` does not exist (nor does an id naming another company
    /// than the one that hired, with the same sequence number).
    error PayrollUnknownEmployment(uint256 employmentId);

    /// @notice Thrown when `occupationId` is above `max`, the largest an employment holds (16 bits;
    /// WageSchedule holds no more occupations than that).
    error PayrollOccupationIdTooLarge(uint32 occupationId, uint256 max);

    /// @notice Thrown when an employment would reach wage epoch `epoch` of `occupationId`, above
    /// `max`, the largest it holds (16 bits; WageSchedule starts no more epochs than that).
    error PayrollEpochTooLarge(uint32 occupationId, uint256 epoch, uint256 max);

    /// @notice Thrown when an accrual would take `employmentId`'s gross pay accrued over its life
    /// to `accrued`, above `max` (2^85 − 1 RSC wei ≈ 38.7 million RSC).
    error PayrollAmountTooLarge(uint256 employmentId, uint256 accrued, uint256 max);

    /// @notice Thrown when `caller` is not the employment's company.
    error PayrollNotEmployer(uint256 employmentId, address caller);

    /// @notice Thrown when `caller` is not the employment's worker.
    error PayrollNotWorker(uint256 employmentId, address caller);

    /// @notice Thrown when the employment has ended.
    error PayrollEmploymentEnded(uint256 employmentId);

    /// @notice Thrown when the worker clocks in while already on shift.
    error PayrollAlreadyOnShift(uint256 employmentId);

    /// @notice Thrown when the worker clocks out without having clocked in.
    error PayrollNotOnShift(uint256 employmentId);

    /// @notice Thrown when an operation needs pay mode `expected` and the employment is in `actual`.
    error PayrollWrongPayMode(uint256 employmentId, PayMode expected, PayMode actual);

    /// @notice Thrown when `submittedSeconds` is zero or would take the pending timesheet past `max`.
    error PayrollInvalidTimesheet(uint256 employmentId, uint256 submittedSeconds, uint256 max);

    /// @notice Thrown when a function meant for {settleBatch} alone is called by `caller`.
    error PayrollOnlySelf(address caller);

    /// @notice Thrown when {parameterChanged} is called by `caller`, not the region's RegionParameters.
    error PayrollNotRegionParameters(address caller);

    // ------------------------------------------------------------------ views

    /// @notice The number of hires so far. The `seq`-th hire (1..employmentCount), by `company`,
    /// has the id `uint256(uint160(company)) << 96 | seq` (see {companyOf}); the `Hired` events list them.
    function employmentCount() external view returns (uint256);

    /// @notice The company an employment id belongs to: `address(uint160(employmentId >> 96))`
    /// (whether the employment exists or not).
    function companyOf(uint256 employmentId) external pure returns (address);

    /// @notice Employment `employmentId` as stored (not settled to now), decoded.
    function employment(uint256 employmentId) external view returns (Employment memory);

    /// @notice Accrued, paid, tax and debt of `employmentId` as of now, and the current hourly wage.
    function getPayroll(uint256 employmentId) external view returns (PayrollSummary memory);

    /// @notice The worker's hourly wage now (RSC wei per hour), decays included.
    function wageOf(uint256 employmentId) external view returns (uint256);

    /// @notice Payroll's copy of the regional productivity range (1e18 = 1) and STARTING_WAGE (RSC
    /// wei per hour), the values hires and settlements use; always equal to RegionParameters' own.
    function copiedParameters()
        external
        view
        returns (uint256 productivityMin, uint256 productivityMax, uint256 startingWage);

    // ------------------------------------------------------------------ company writes

    /// @notice Hires `worker` into `occupationId` at `productivity`; the caller is the employer.
    /// Requirements: caller is a Company or RegionalCompany; `worker` a Person; the occupation
    /// takes hires; productivity within the regional range; the occupation id and its newest
    /// epoch within an employment's 16 bits each. Emits {Hired}. The id carries the caller:
    /// `uint256(uint160(msg.sender)) << 96 | employmentCount()`.
    function hire(address worker, uint32 occupationId, uint64 productivity, PayMode mode)
        external
        returns (uint256 employmentId);

    /// @notice Moves the employment to `occupationId` (its newest wage at once), after settling.
    /// Only the company. Emits {OccupationChanged}.
    function changeOccupation(uint256 employmentId, uint32 occupationId) external;

    /// @notice Sets the worker's productivity (within the regional range), after settling.
    /// Only the company. Emits {ProductivityChanged}.
    function setProductivity(uint256 employmentId, uint64 productivity) external;

    /// @notice Approves `approvedSeconds` of the pending timesheet (the rest is rejected) at the
    /// worker's wage now. Only the company. Emits {TimesheetApproved}.
    function approveTimesheet(uint256 employmentId, uint32 approvedSeconds) external;

    /// @notice Ends the employment (an open shift is settled and closed). Only the company.
    /// What is owed stays payable; timesheet seconds not approved before the end are dropped.
    /// Emits {EmploymentEnded}.
    function endEmployment(uint256 employmentId) external;

    // ------------------------------------------------------------------ worker writes

    /// @notice Starts a shift. Only the worker, shift mode. Emits {ClockedIn}.
    function clockIn(uint256 employmentId) external;

    /// @notice Ends the shift and settles it. Only the worker. Emits {ClockedOut}, {PayAccrued}.
    function clockOut(uint256 employmentId) external;

    /// @notice Adds `submittedSeconds` of work to the pending timesheet. Only the worker, timesheet mode.
    /// Emits {TimesheetSubmitted}.
    function submitTimesheet(uint256 employmentId, uint32 submittedSeconds) external;

    /// @notice Settles and pays what is owed, as far as the company's balance allows. Only the
    /// worker. The company is debited once for the net wage and the income tax, which the token
    /// computes at the `IncomeTaxRate` in force ({IRSC-moveTaxed}). Wages come before the
    /// profit-at-rest tax: a company with a due lot whose tax its balance cannot also cover still
    /// pays (see {IProfitAtRest}, rule 5).
    /// A payment is recorded by the token's events alone (Payroll emits none for it): per payment,
    /// `ActionPerformed(Wage, company, worker, net, ref)` and `ActionPerformed(IncomeTax, company,
    /// capitalPool, tax, ref)` with `ref = bytes32(employmentId)`, each with its `Transfer` (a zero
    /// part is not emitted); gross = net + tax; the debt left is `owed − gross` ({getPayroll}).
    /// Emits {PayAccrued} when on shift (the settlement). Returns the gross paid.
    function withdraw(uint256 employmentId) external returns (uint256 gross);

    // ------------------------------------------------------------------ anyone

    /// @notice Settles and pays each employment as {withdraw} would (the hourly keeper). A failing
    /// employment is skipped with {SettlementFailed}; settling twice never pays twice.
    function settleBatch(uint256[] calldata employmentIds) external;

    /// @notice {settleBatch}'s isolated step; only callable by this contract.
    function settleOne(uint256 employmentId) external;

    /// @notice Copies ProductivityMin, ProductivityMax and StartingWage from RegionParameters
    /// (done at initialization; afterwards the pushed changes keep the copy equal, so calling it
    /// again changes nothing). Anyone. Emits {ParametersCopied}.
    function syncParameters() external;
}
