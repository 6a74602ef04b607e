// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Action, Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";
import {ILoans, LoanStatus} from "./ILoans.sol";

/// @title Loans
/// @notice See {ILoans}. Registered in the token as a Module allowed `LoanDisbursement` and
/// `LoanRepayment`.
contract Loans is ILoans, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    /// @custom:storage-location erc7201:conductor.storage.Loans
    struct LoansStorage {
        uint256 loanCount;
        mapping(uint256 loanId => Loan) loans;
        mapping(uint256 loanId => RightOfFirstRefusal) rights;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.Loans")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x6db8c954021fa1ca80d9404a2b4a0b4a21427d04612e0d3d444f8e8e13d9d400;

    function _s() private pure returns (LoansStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @notice The region's token, and its capital pool (the holder of the region's rights of
    /// first refusal): fixed per implementation.
    IRSC public immutable rsc;
    address public immutable capitalPool;

    /// @custom:oz-upgrades-unsafe-allow constructor state-variable-immutable
    constructor(IRSC rsc_, address capitalPool_) {
        rsc = rsc_;
        capitalPool = capitalPool_;
        _disableInitializers();
    }

    /// @notice Initializes the proxy. `admin` is the governance executor (upgrades only).
    function initialize(address admin) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ================================================================== views

    /// @inheritdoc ILoans
    function loanCount() external view returns (uint256) {
        return _s().loanCount;
    }

    /// @inheritdoc ILoans
    function loanOf(uint256 loanId) external view returns (Loan memory) {
        return _loan(loanId);
    }

    /// @inheritdoc ILoans
    function totalOwed(uint256 loanId) public view returns (uint256) {
        Loan storage loan = _loan(loanId);
        return uint256(loan.principal) + loan.interest;
    }

    /// @inheritdoc ILoans
    function outstanding(uint256 loanId) public view returns (uint256) {
        return totalOwed(loanId) - _loan(loanId).repaid;
    }

    /// @inheritdoc ILoans
    function instalmentAmount(uint256 loanId, uint256 k) public view returns (uint256) {
        Loan storage loan = _loan(loanId);
        if (k == 0 || k > loan.instalments) return 0;
        uint256 total = uint256(loan.principal) + loan.interest;
        uint256 each = total / loan.instalments;
        return k == loan.instalments ? total - each * (loan.instalments - 1) : each;
    }

    /// @inheritdoc ILoans
    function scheduleOf(uint256 loanId)
        external
        view
        returns (uint256 due, uint256 paid, uint256 missed, uint256 overdue, uint48 nextDueAt)
    {
        Loan storage loan = _loan(loanId);
        if (loan.status != LoanStatus.Active && loan.status != LoanStatus.Defaulted && loan.status != LoanStatus.Repaid) {
            return (0, 0, 0, 0, 0);
        }
        uint256 n = loan.instalments;
        uint256 total = uint256(loan.principal) + loan.interest;
        uint256 each = total / n;
        due = (block.timestamp - loan.startedAt) / loan.period;
        if (due > n) due = n;
        paid = loan.repaid >= total ? n : (each == 0 ? n - 1 : loan.repaid / each);
        if (paid > n) paid = n;
        if (paid == n && loan.repaid < total) paid = n - 1;
        missed = due > paid ? due - paid : 0;
        uint256 dueAmount = due == n ? total : each * due;
        overdue = dueAmount > loan.repaid ? dueAmount - loan.repaid : 0;
        nextDueAt = paid < n ? uint48(loan.startedAt + (paid + 1) * loan.period) : 0;
    }

    /// @inheritdoc ILoans
    function rightOfFirstRefusalOf(uint256 loanId) external view returns (RightOfFirstRefusal memory) {
        return _s().rights[loanId];
    }

    // ================================================================== writes

    /// @inheritdoc ILoans
    function offerLoan(address borrower, uint128 principal, uint128 interest, uint16 instalments, uint32 period)
        external
        returns (uint256 loanId)
    {
        LoansStorage storage $ = _s();
        Kind bankKind = rsc.kindOf(msg.sender);
        if (bankKind != Kind.Company) revert LoansNotABank(msg.sender, bankKind);
        Kind borrowerKind = rsc.kindOf(borrower);
        if (
            borrower == msg.sender
                || (borrowerKind != Kind.Person && borrowerKind != Kind.Company && borrowerKind != Kind.RegionalCompany)
        ) revert LoansInvalidBorrower(borrower, borrowerKind);
        if (principal == 0 || instalments == 0 || period == 0) {
            revert LoansInvalidTerms(principal, instalments, period);
        }
        loanId = ++$.loanCount;
        $.loans[loanId] = Loan({
            bank: msg.sender,
            instalments: instalments,
            period: period,
            status: LoanStatus.Offered,
            borrower: borrower,
            offeredAt: uint48(block.timestamp),
            startedAt: 0,
            principal: principal,
            interest: interest,
            repaid: 0
        });
        emit LoanOffered(loanId, msg.sender, borrower, principal, interest, instalments, period);
    }

    /// @inheritdoc ILoans
    function cancelOffer(uint256 loanId) external {
        Loan storage loan = _loan(loanId);
        if (msg.sender != loan.bank) revert LoansNotBank(loanId, msg.sender, loan.bank);
        _expectStatus(loanId, loan, LoanStatus.Offered);
        loan.status = LoanStatus.Cancelled;
        emit LoanOfferCancelled(loanId);
    }

    /// @inheritdoc ILoans
    function acceptLoan(uint256 loanId) external {
        Loan storage loan = _loan(loanId);
        if (msg.sender != loan.borrower) revert LoansNotBorrower(loanId, msg.sender, loan.borrower);
        _expectStatus(loanId, loan, LoanStatus.Offered);
        loan.status = LoanStatus.Active;
        loan.startedAt = uint48(block.timestamp);
        rsc.move(Action.LoanDisbursement, loan.bank, msg.sender, loan.principal, bytes32(loanId));
        emit LoanAccepted(loanId, msg.sender, uint48(block.timestamp));
    }

    /// @inheritdoc ILoans
    function repayLoan(uint256 loanId, uint256 amount) external {
        Loan storage loan = _loan(loanId);
        if (msg.sender != loan.borrower) revert LoansNotBorrower(loanId, msg.sender, loan.borrower);
        _expectStatus(loanId, loan, LoanStatus.Active);
        uint256 owed = uint256(loan.principal) + loan.interest - loan.repaid;
        if (amount == 0 || amount > owed) revert LoansInvalidRepayment(loanId, amount, owed);
        // Cannot overflow 128 bits: repaid + amount <= principal + interest, checked just above
        // against the sum of two uint128 — and the sum is capped by the RSC supply (< 2^128).
        loan.repaid += uint128(amount);
        rsc.move(Action.LoanRepayment, msg.sender, loan.bank, amount, bytes32(loanId));
        emit LoanRepaid(loanId, amount, owed - amount);
        if (amount == owed) {
            loan.status = LoanStatus.Repaid;
            emit LoanClosed(loanId);
        }
    }

    /// @inheritdoc ILoans
    function declareDefault(uint256 loanId) external {
        LoansStorage storage $ = _s();
        Loan storage loan = _loan(loanId);
        if (msg.sender != loan.bank) revert LoansNotBank(loanId, msg.sender, loan.bank);
        _expectStatus(loanId, loan, LoanStatus.Active);
        (,, uint256 missed,,) = this.scheduleOf(loanId);
        if (missed == 0) revert LoansNoMissedInstalment(loanId);
        uint256 owed = uint256(loan.principal) + loan.interest - loan.repaid;
        loan.status = LoanStatus.Defaulted;
        $.rights[loanId] = RightOfFirstRefusal({
            region: capitalPool,
            borrower: loan.borrower,
            bank: loan.bank,
            outstanding: uint128(owed),
            recordedAt: uint48(block.timestamp)
        });
        emit LoanDefaulted(loanId, loan.borrower, owed, missed);
        emit RightOfFirstRefusalRecorded(loanId, capitalPool, loan.borrower, loan.bank);
    }

    // ================================================================== internal

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    function _loan(uint256 loanId) private view returns (Loan storage loan) {
        loan = _s().loans[loanId];
        if (loan.status == LoanStatus.None) revert LoansUnknownLoan(loanId);
    }

    function _expectStatus(uint256 loanId, Loan storage loan, LoanStatus expected) private view {
        if (loan.status != expected) revert LoansWrongStatus(loanId, loan.status, expected);
    }
}
