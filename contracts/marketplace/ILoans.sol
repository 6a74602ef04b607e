// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "../core/ConductorTypes.sol";

/// @notice Where a loan stands.
enum LoanStatus {
    None,
    Offered,
    Active,
    Repaid,
    Defaulted,
    Cancelled
}

/// @title ILoans — bank loans with a repayment schedule (seed chapters 2 and 5)
/// @notice A bank (a Company; its treasury is the caller) offers a loan to a member or a company:
/// `principal`, a total `interest` set by the bank for the risk it sees, and a schedule of
/// `instalments` equal payments, one every `period` seconds from acceptance (the last instalment
/// takes the rounding remainder). The borrower accepts: the principal moves bank → borrower as
/// `LoanDisbursement` (an exempt lot for a company's profit at rest). The borrower repays
/// (`LoanRepayment`), early or on time. Missed instalments are visible; the bank may then record
/// a default, which records the region's right of first refusal over the borrower's registered
/// assets (seed: "the region gets right of first refusal on purchasing reclaimed assets").
interface ILoans {
    /// @notice A loan. Amounts in RSC wei, times in seconds.
    struct Loan {
        address bank;
        uint16 instalments;
        uint32 period;
        LoanStatus status;
        address borrower;
        uint48 offeredAt;
        uint48 startedAt;
        uint128 principal;
        uint128 interest;
        uint128 repaid;
    }

    /// @notice The region's right of first refusal recorded at a default.
    /// @param region The account holding the right (the capital pool).
    /// @param borrower Whose registered assets it covers.
    /// @param bank The creditor that must offer reclaimed assets to the region first.
    /// @param outstanding What was still owed at the default (RSC wei).
    /// @param recordedAt When the default was recorded.
    struct RightOfFirstRefusal {
        address region;
        address borrower;
        address bank;
        uint128 outstanding;
        uint48 recordedAt;
    }

    /// @notice Emitted when a bank offers a loan.
    event LoanOffered(
        uint256 indexed loanId,
        address indexed bank,
        address indexed borrower,
        uint128 principal,
        uint128 interest,
        uint16 instalments,
        uint32 period
    );

    /// @notice Emitted when a bank withdraws an offer not yet accepted.
    event LoanOfferCancelled(uint256 indexed loanId);

    /// @notice Emitted when the borrower accepts and the principal is disbursed.
    event LoanAccepted(uint256 indexed loanId, address indexed borrower, uint48 startedAt);

    /// @notice Emitted on every repayment; `outstanding` is what remains owed (RSC wei).
    event LoanRepaid(uint256 indexed loanId, uint256 amount, uint256 outstanding);

    /// @notice Emitted when a loan is repaid in full.
    event LoanClosed(uint256 indexed loanId);

    /// @notice Emitted when the bank records a default with `missed` instalments unpaid.
    event LoanDefaulted(uint256 indexed loanId, address indexed borrower, uint256 outstanding, uint256 missed);

    /// @notice Emitted with every default: `region` holds the right of first refusal over the
    /// registered assets of `borrower` reclaimed by `bank`.
    event RightOfFirstRefusalRecorded(
        uint256 indexed loanId, address indexed region, address indexed borrower, address bank
    );

    /// @notice Thrown when a lender is not a Company.
    error LoansNotABank(address account, Kind kind);

    /// @notice Thrown when the borrower is not a Person, Company or RegionalCompany, or is the bank.
    error LoansInvalidBorrower(address borrower, Kind kind);

    /// @notice Thrown when the terms are unusable (zero principal, instalments or period).
    error LoansInvalidTerms(uint128 principal, uint16 instalments, uint32 period);

    /// @notice Thrown when a loan id does not exist.
    error LoansUnknownLoan(uint256 loanId);

    /// @notice Thrown when a loan is not in the status the call needs.
    error LoansWrongStatus(uint256 loanId, LoanStatus status, LoanStatus expected);

    /// @notice Thrown when someone other than the borrower accepts or repays.
    error LoansNotBorrower(uint256 loanId, address caller, address borrower);

    /// @notice Thrown when someone other than the bank cancels or records a default.
    error LoansNotBank(uint256 loanId, address caller, address bank);

    /// @notice Thrown when a repayment is zero or more than what is owed.
    error LoansInvalidRepayment(uint256 loanId, uint256 amount, uint256 outstanding);

    /// @notice Thrown when a default is recorded while no instalment is missed.
    error LoansNoMissedInstalment(uint256 loanId);

    /// @notice How many loans were ever offered; ids run from 1.
    function loanCount() external view returns (uint256);

    /// @notice Loan `loanId`. Reverts with {LoansUnknownLoan} if it does not exist.
    function loanOf(uint256 loanId) external view returns (Loan memory);

    /// @notice Principal plus interest (RSC wei).
    function totalOwed(uint256 loanId) external view returns (uint256);

    /// @notice Principal plus interest not yet repaid (RSC wei).
    function outstanding(uint256 loanId) external view returns (uint256);

    /// @notice The amount of instalment `k` (1-based) in RSC wei.
    function instalmentAmount(uint256 loanId, uint256 k) external view returns (uint256);

    /// @notice The schedule now: instalments due so far, instalments fully paid, missed ones
    /// (due and not paid), the amount overdue (RSC wei) and when the next unpaid one falls due
    /// (0 when none is left).
    function scheduleOf(uint256 loanId)
        external
        view
        returns (uint256 due, uint256 paid, uint256 missed, uint256 overdue, uint48 nextDueAt);

    /// @notice The right of first refusal recorded at the default of `loanId` (zeroes if none).
    function rightOfFirstRefusalOf(uint256 loanId) external view returns (RightOfFirstRefusal memory);

    /// @notice Offers a loan to `borrower`. Requirements: the caller is a Company; the borrower is a
    /// Person, Company or RegionalCompany other than the caller; principal, instalments and period
    /// are non-zero. Emits {LoanOffered}.
    function offerLoan(address borrower, uint128 principal, uint128 interest, uint16 instalments, uint32 period)
        external
        returns (uint256 loanId);

    /// @notice Withdraws an offer not yet accepted. Only the bank. Emits {LoanOfferCancelled}.
    function cancelOffer(uint256 loanId) external;

    /// @notice Accepts an offer: disburses the principal (`LoanDisbursement`) and starts the
    /// schedule. Only the borrower. Emits {LoanAccepted}.
    function acceptLoan(uint256 loanId) external;

    /// @notice Repays `amount` (`LoanRepayment`), at most what is owed. Only the borrower.
    /// Emits {LoanRepaid}, and {LoanClosed} when fully repaid.
    function repayLoan(uint256 loanId, uint256 amount) external;

    /// @notice Records the default of an active loan with at least one missed instalment, and the
    /// region's right of first refusal over the borrower's registered assets. Only the bank.
    /// Emits {LoanDefaulted} and {RightOfFirstRefusalRecorded}.
    function declareDefault(uint256 loanId) external;
}
