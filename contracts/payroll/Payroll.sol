// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";
import {IParameterListener} from "../governance/IParameterListener.sol";
import {IRegionParameters, Param} from "../governance/IRegionParameters.sol";
import {IWageSchedule} from "../governance/IWageSchedule.sol";
import {EmploymentRecord as R} from "./EmploymentRecord.sol";
import {IPayroll} from "./IPayroll.sol";
import {PayrollAccrual} from "./PayrollAccrual.sol";
import {WagePayment} from "./WagePayment.sol";

/// @title Payroll
/// @notice See {IPayroll}. Registered in the token as a Module allowed `Wage` and `IncomeTax`.
/// The governance executor holds `DEFAULT_ADMIN_ROLE` (upgrade authority only: Payroll has no
/// other privileged function). The token, parameters, wage schedule and capital pool are
/// immutables of the implementation, so reading them costs no storage access.
///
/// Rounding: pay is `⌊∫ wage dt / 3600⌋` per settled segment (see {WageMath-earned}), so each
/// settlement may leave less than 1 wei per epoch walked with the company; income tax is
/// `⌊gross × IncomeTaxRate / 1e18⌋` of each payment, the net wage `gross − tax`.
///
/// Gas: the first storage word holds the employment counter and the copy of the three parameters
/// Payroll reads (see {IPayroll}), so a hire reads them with one storage access instead of two
/// calls through the RegionParameters proxy. An employment is three words ({EmploymentRecord}):
/// the id carries the company, so a hire creates one word (worker, occupation, epoch,
/// productivity, mode, ended). The amounts word (with the on-shift flag) is keyed by worker and
/// id, so a withdrawal off shift touches that one word only (read, and written once): finding a
/// non-zero word under the caller authenticates her. The token is called once, without asking
/// the company's balance first (see {WagePayment}). Figures: `contracts/payroll/README.md`.
contract Payroll is IPayroll, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    /// @custom:storage-location erc7201:conductor.storage.Payroll
    struct PayrollStorage {
        // One word, read by every hire: ranges hold every value RegionParameters allows
        // (productivity <= 1e18 < 2^64, StartingWage <= 1e22 < 2^88); a value beyond would make
        // the parameter change revert (SafeCast), never leave the copy stale. 2^40 hires at most.
        uint40 employmentCount;
        uint64 productivityMin;
        uint64 productivityMax;
        uint88 startingWage;
        mapping(uint256 employmentId => R.Record) employments;
        // Each employment's amounts word (with the on-shift flag), keyed by its worker and id.
        mapping(address worker => mapping(uint256 employmentId => uint256)) amounts;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.Payroll")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x38e35dffc58654ad11c3acecbaa6b43c1e9a4aa96232a823e79c62c26fbbb500;

    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IRSC public immutable rsc;
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IRegionParameters public immutable params;
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IWageSchedule public immutable schedule;
    /// @notice The capital pool, which receives the income tax.
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    address public immutable capitalPool;

    function _s() private pure returns (PayrollStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(IRSC rsc_, IRegionParameters params_, IWageSchedule schedule_, address capitalPool_) {
        rsc = rsc_;
        params = params_;
        schedule = schedule_;
        capitalPool = capitalPool_;
        _disableInitializers();
    }

    /// @notice Also copies the parameters Payroll reads (see {syncParameters}); RegionParameters
    /// must be initialized first.
    function initialize(address admin) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _copyParameters();
    }

    // ================================================================== views

    /// @inheritdoc IPayroll
    function employmentCount() external view returns (uint256) {
        return _s().employmentCount;
    }

    /// @inheritdoc IPayroll
    function companyOf(uint256 employmentId) external pure returns (address) {
        return R.companyOf(employmentId);
    }

    /// @inheritdoc IPayroll
    function employment(uint256 employmentId) external view returns (Employment memory) {
        (R.Record storage r, uint256 head) = _employment(employmentId);
        return R.decode(head, _s().amounts[R.worker(head)][employmentId], r.clock, employmentId);
    }

    /// @inheritdoc IPayroll
    function getPayroll(uint256 employmentId) external view returns (PayrollSummary memory summary) {
        (R.Record storage r, uint256 head) = _employment(employmentId);
        uint256 amounts = _s().amounts[R.worker(head)][employmentId];
        PayrollAccrual.End memory w = _walk(head, amounts, r.clock);
        summary.worker = R.worker(head);
        summary.company = R.companyOf(employmentId);
        summary.accrued = R.accrued(amounts) + w.amount;
        summary.paid = R.paid(amounts);
        summary.tax = R.taxWithheld(amounts);
        summary.debt = summary.accrued - summary.paid;
        summary.hourlyWage = w.hourlyWage;
    }

    /// @inheritdoc IPayroll
    function wageOf(uint256 employmentId) external view returns (uint256) {
        (R.Record storage r, uint256 head) = _employment(employmentId);
        return _walk(head, _s().amounts[R.worker(head)][employmentId], r.clock).hourlyWage;
    }

    /// @inheritdoc IPayroll
    function copiedParameters()
        external
        view
        returns (uint256 productivityMin, uint256 productivityMax, uint256 startingWage)
    {
        PayrollStorage storage $ = _s();
        return ($.productivityMin, $.productivityMax, $.startingWage);
    }

    // ================================================================== company writes

    /// @inheritdoc IPayroll
    /// @dev Writes the new employment's head word whole, one SSTORE and no read first; its amounts
    /// and clock words stay zero (`settledAt` is first set by a clock-in or a settlement).
    function hire(address worker, uint32 occupationId, uint64 productivity, PayMode mode)
        external
        returns (uint256 employmentId)
    {
        Kind companyKind = rsc.kindOf(msg.sender);
        if (companyKind != Kind.Company && companyKind != Kind.RegionalCompany) {
            revert PayrollNotACompany(msg.sender, companyKind);
        }
        Kind workerKind = rsc.kindOf(worker);
        if (workerKind != Kind.Person) revert PayrollNotAPerson(worker, workerKind);
        uint256 epoch = _newestEpoch(occupationId);
        _checkProductivity(productivity);
        PayrollStorage storage $ = _s();
        employmentId = R.idOf(msg.sender, ++$.employmentCount);
        $.employments[employmentId].head = R.newHead(worker, occupationId, epoch, productivity, mode);
        emit Hired(employmentId, worker, msg.sender, occupationId, productivity, mode);
    }

    /// @inheritdoc IPayroll
    function changeOccupation(uint256 employmentId, uint32 occupationId) external {
        (R.Record storage r, uint256 head) = _asEmployer(employmentId);
        uint256 epoch = _newestEpoch(occupationId);
        (, head) = _settleAndStore(employmentId, r, head);
        r.head = R.withOccupation(head, occupationId, epoch);
        uint256 clock = r.clock;
        r.clock = R.packClock(R.settledAt(clock), 0, R.pendingSeconds(clock));
        emit OccupationChanged(employmentId, R.occupationId(head), occupationId);
    }

    /// @inheritdoc IPayroll
    function setProductivity(uint256 employmentId, uint64 productivity) external {
        (R.Record storage r, uint256 head) = _asEmployer(employmentId);
        _checkProductivity(productivity);
        (, head) = _settleAndStore(employmentId, r, head);
        r.head = R.withProductivity(head, productivity);
        emit ProductivityChanged(employmentId, R.productivity(head), productivity);
    }

    /// @inheritdoc IPayroll
    function approveTimesheet(uint256 employmentId, uint32 approvedSeconds) external {
        (R.Record storage r, uint256 head) = _asEmployer(employmentId);
        _checkMode(employmentId, head, PayMode.Timesheet);
        uint32 pending = R.pendingSeconds(r.clock);
        if (approvedSeconds > pending) revert PayrollInvalidTimesheet(employmentId, approvedSeconds, pending);
        mapping(uint256 => uint256) storage pay = _s().amounts[R.worker(head)];
        // Never on shift (timesheet mode), so the settlement only walks the wage epochs.
        (uint256 hourlyWage, uint256 settledHead, uint256 amounts) = _settle(employmentId, r, head, pay[employmentId]);
        _writeHead(r, head, settledHead);
        uint256 amount = (hourlyWage * approvedSeconds) / 1 hours;
        uint256 clock = r.clock;
        r.clock = R.packClock(R.settledAt(clock), R.fromIndex(clock), 0);
        pay[employmentId] = R.withAccrued(amounts, employmentId, amount);
        emit TimesheetApproved(employmentId, approvedSeconds, pending, hourlyWage, amount);
    }

    /// @inheritdoc IPayroll
    function endEmployment(uint256 employmentId) external {
        (R.Record storage r, uint256 head) = _asEmployer(employmentId);
        mapping(uint256 => uint256) storage pay = _s().amounts[R.worker(head)];
        uint256 amounts = pay[employmentId];
        if (R.onShift(amounts)) {
            (, head, amounts) = _settle(employmentId, r, head, amounts);
            pay[employmentId] = R.withOnShift(amounts, false);
            emit ClockedOut(employmentId, uint40(block.timestamp));
        }
        r.head = R.withEnded(head);
        emit EmploymentEnded(employmentId);
    }

    // ================================================================== worker writes

    /// @inheritdoc IPayroll
    function clockIn(uint256 employmentId) external {
        (R.Record storage r, uint256 head) = _asWorker(employmentId);
        if (R.ended(head)) revert PayrollEmploymentEnded(employmentId);
        _checkMode(employmentId, head, PayMode.Shift);
        mapping(uint256 => uint256) storage pay = _s().amounts[msg.sender];
        uint256 amounts = pay[employmentId];
        if (R.onShift(amounts)) revert PayrollAlreadyOnShift(employmentId);
        // No settlement needed: off shift nothing accrues, and the next settlement walks the
        // epochs since the employment's epoch anyway, paying only from `settledAt` on.
        pay[employmentId] = R.withOnShift(amounts, true);
        uint256 clock = r.clock;
        r.clock = R.packClock(block.timestamp, R.fromIndex(clock), R.pendingSeconds(clock));
        emit ClockedIn(employmentId, uint40(block.timestamp));
    }

    /// @inheritdoc IPayroll
    function clockOut(uint256 employmentId) external {
        (R.Record storage r, uint256 head) = _asWorker(employmentId);
        mapping(uint256 => uint256) storage pay = _s().amounts[msg.sender];
        uint256 amounts = pay[employmentId];
        if (!R.onShift(amounts)) revert PayrollNotOnShift(employmentId);
        (, uint256 settledHead, uint256 settled) = _settle(employmentId, r, head, amounts);
        pay[employmentId] = R.withOnShift(settled, false);
        _writeHead(r, head, settledHead);
        emit ClockedOut(employmentId, uint40(block.timestamp));
    }

    /// @inheritdoc IPayroll
    function submitTimesheet(uint256 employmentId, uint32 submittedSeconds) external {
        (R.Record storage r, uint256 head) = _asWorker(employmentId);
        if (R.ended(head)) revert PayrollEmploymentEnded(employmentId);
        _checkMode(employmentId, head, PayMode.Timesheet);
        uint256 clock = r.clock;
        uint256 pending = R.pendingSeconds(clock);
        uint256 room = type(uint32).max - pending;
        if (submittedSeconds == 0 || submittedSeconds > room) {
            revert PayrollInvalidTimesheet(employmentId, submittedSeconds, room);
        }
        pending += submittedSeconds;
        r.clock = R.packClock(R.settledAt(clock), R.fromIndex(clock), pending);
        emit TimesheetSubmitted(employmentId, submittedSeconds, uint32(pending));
    }

    /// @inheritdoc IPayroll
    /// @dev Off shift, one storage word of Payroll's: the caller's amounts word for this id. Only
    /// Payroll writes it, only under the employment's worker, so a non-zero word proves the caller
    /// is the worker and the head is not read. A zero word (nothing accrued yet, a stranger, an
    /// unknown id) falls back to the head for the exact answer: {PayrollUnknownEmployment},
    /// {PayrollNotWorker}, or 0 for the worker.
    function withdraw(uint256 employmentId) external returns (uint256 gross) {
        mapping(uint256 => uint256) storage pay = _s().amounts[msg.sender];
        uint256 stored = pay[employmentId];
        if (stored == 0) {
            _asWorker(employmentId);
            return 0;
        }
        uint256 amounts = stored;
        if (R.onShift(amounts)) {
            R.Record storage r = _s().employments[employmentId];
            uint256 head = r.head; // non-zero: the amounts word exists only for a hired worker
            uint256 settledHead;
            (, settledHead, amounts) = _settle(employmentId, r, head, amounts);
            _writeHead(r, head, settledHead);
        }
        return _payOwed(employmentId, pay, stored, amounts, msg.sender);
    }

    // ================================================================== parameters

    /// @inheritdoc IParameterListener
    /// @dev Keeps ProductivityMin, ProductivityMax and StartingWage; any other parameter is ignored
    /// (nothing changes, no revert), so a listener registered by mistake cannot block governance.
    function parameterChanged(Param param, uint256 value) external {
        if (msg.sender != address(params)) revert PayrollNotRegionParameters(msg.sender);
        PayrollStorage storage $ = _s();
        if (param == Param.ProductivityMin) $.productivityMin = SafeCast.toUint64(value);
        else if (param == Param.ProductivityMax) $.productivityMax = SafeCast.toUint64(value);
        else if (param == Param.StartingWage) $.startingWage = SafeCast.toUint88(value);
        else return;
        emit ParametersCopied($.productivityMin, $.productivityMax, $.startingWage);
    }

    /// @inheritdoc IPayroll
    function syncParameters() external {
        _copyParameters();
    }

    // ================================================================== anyone

    /// @inheritdoc IPayroll
    function settleBatch(uint256[] calldata employmentIds) external {
        for (uint256 i = 0; i < employmentIds.length; ++i) {
            try this.settleOne(employmentIds[i]) {}
            catch (bytes memory reason) {
                emit SettlementFailed(employmentIds[i], reason);
            }
        }
    }

    /// @inheritdoc IPayroll
    function settleOne(uint256 employmentId) external {
        if (msg.sender != address(this)) revert PayrollOnlySelf(msg.sender);
        (R.Record storage r, uint256 head) = _employment(employmentId);
        address worker = R.worker(head);
        mapping(uint256 => uint256) storage pay = _s().amounts[worker];
        uint256 stored = pay[employmentId];
        uint256 amounts = stored;
        if (R.onShift(amounts)) {
            uint256 settledHead;
            (, settledHead, amounts) = _settle(employmentId, r, head, amounts);
            _writeHead(r, head, settledHead);
        }
        _payOwed(employmentId, pay, stored, amounts, worker);
    }

    // ================================================================== internal

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    /// @dev Pays what `amounts` (the settled word) says is owed, as far as the company's balance
    /// allows, then writes the amounts word once (if it changed from `stored`): paid and tax
    /// withheld grow by the payment; what could not be paid stays owed (debt), paid first next time.
    ///
    /// Reentrancy: the word is written after the token is called. That is safe because the token is
    /// the region's own RSC (an immutable of this implementation, upgraded by the same governance),
    /// whose `moveTaxed` calls at most one other contract: the region's ProfitAtRest module, when
    /// the company has a due lot, which moves that lot's tax through the token and calls nothing
    /// else. Nothing reaches Payroll between the call and the write. (A token with transfer hooks
    /// would need the write first, as the tax it computes would then have to be known beforehand.)
    function _payOwed(
        uint256 employmentId,
        mapping(uint256 => uint256) storage pay,
        uint256 stored,
        uint256 amounts,
        address worker
    ) private returns (uint256 gross) {
        uint256 owed = R.accrued(amounts) - R.paid(amounts);
        if (owed != 0) {
            uint256 tax;
            (gross, tax) = WagePayment.pay(rsc, capitalPool, employmentId, R.companyOf(employmentId), worker, owed);
            if (gross != 0) amounts = R.withPayment(amounts, gross, tax);
        }
        if (amounts != stored) pay[employmentId] = amounts;
    }

    /// @dev Settles the employment to now: accrues on-shift pay, records the wage epoch reached and
    /// the settlement time (clock word, written here). Returns the worker's hourly wage now, the head
    /// with the new epoch and the amounts word with the new accrual, which the caller writes (with
    /// its own changes, one SSTORE each).
    function _settle(uint256 employmentId, R.Record storage r, uint256 head, uint256 amounts)
        private
        returns (uint256 hourlyWage, uint256 newHead, uint256 newAmounts)
    {
        uint256 clock = r.clock;
        PayrollAccrual.End memory w = _walk(head, amounts, clock);
        newHead = head;
        newAmounts = amounts;
        uint256 fromIndex = R.fromIndex(clock);
        if (w.epochsWalked != 0) {
            uint256 epoch = R.epoch(head) + w.epochsWalked;
            if (epoch > R.MAX_EPOCH) revert PayrollEpochTooLarge(R.occupationId(head), epoch, R.MAX_EPOCH);
            newHead = R.withEpoch(head, epoch);
            fromIndex = w.fromIndex; // an index is at most 32e18 < 2^80
        }
        r.clock = R.packClock(block.timestamp, fromIndex, R.pendingSeconds(clock));
        if (w.amount != 0) {
            newAmounts = R.withAccrued(amounts, employmentId, w.amount);
            emit PayAccrued(employmentId, w.amount, uint40(block.timestamp));
        }
        hourlyWage = w.hourlyWage;
    }

    /// @dev {_settle} for a company's change: reads the worker's amounts word and writes it back if
    /// pay accrued. Returns the hourly wage now and the settled head (for the caller to write).
    function _settleAndStore(uint256 employmentId, R.Record storage r, uint256 head)
        private
        returns (uint256 hourlyWage, uint256 newHead)
    {
        mapping(uint256 => uint256) storage pay = _s().amounts[R.worker(head)];
        uint256 amounts = pay[employmentId];
        uint256 settled;
        (hourlyWage, newHead, settled) = _settle(employmentId, r, head, amounts);
        if (settled != amounts) pay[employmentId] = settled;
    }

    /// @dev Writes `head` back if a settlement changed it (a new epoch).
    function _writeHead(R.Record storage r, uint256 head, uint256 settledHead) private {
        if (settledHead != head) r.head = settledHead;
    }

    /// @dev Copies the three parameters Payroll reads from RegionParameters.
    function _copyParameters() private {
        PayrollStorage storage $ = _s();
        uint256 pMin = params.get(Param.ProductivityMin);
        uint256 pMax = params.get(Param.ProductivityMax);
        uint256 wage = params.get(Param.StartingWage);
        ($.productivityMin, $.productivityMax, $.startingWage) =
            (SafeCast.toUint64(pMin), SafeCast.toUint64(pMax), SafeCast.toUint88(wage));
        emit ParametersCopied(pMin, pMax, wage);
    }

    function _walk(uint256 head, uint256 amounts, uint256 clock) private view returns (PayrollAccrual.End memory) {
        IWageSchedule.WageEpoch[] memory epochs = schedule.epochsSince(R.occupationId(head), R.epoch(head));
        PayrollAccrual.Start memory s = PayrollAccrual.Start({
            fromIndex: R.fromIndex(clock),
            onShift: R.onShift(amounts),
            settledAt: R.settledAt(clock),
            startingWage: _s().startingWage,
            productivity: R.productivity(head)
        });
        return PayrollAccrual.walk(epochs, s, block.timestamp);
    }

    /// @dev The newest epoch of an occupation taking hires, checked to fit an employment.
    function _newestEpoch(uint32 occupationId) private view returns (uint256 epoch) {
        if (occupationId > R.MAX_OCCUPATION_ID) revert PayrollOccupationIdTooLarge(occupationId, R.MAX_OCCUPATION_ID);
        (uint32 epochCount, bool hiring) = schedule.hiringState(occupationId);
        if (!hiring) revert PayrollUnknownOccupation(occupationId);
        epoch = epochCount - 1;
        if (epoch > R.MAX_EPOCH) revert PayrollEpochTooLarge(occupationId, epoch, R.MAX_EPOCH);
    }

    /// @dev The regional range, its maximum capped at what an employment holds (2^60 − 1 > 1e18,
    /// RegionParameters' own bound, so the cap never binds unless those bounds were widened).
    function _checkProductivity(uint256 productivity) private view {
        PayrollStorage storage $ = _s();
        (uint256 min, uint256 max) = ($.productivityMin, $.productivityMax);
        if (max > R.MAX_PRODUCTIVITY) max = R.MAX_PRODUCTIVITY;
        if (productivity < min || productivity > max) revert PayrollProductivityOutOfRange(productivity, min, max);
    }

    function _checkMode(uint256 employmentId, uint256 head, PayMode expected) private pure {
        PayMode actual = R.mode(head);
        if (actual != expected) revert PayrollWrongPayMode(employmentId, expected, actual);
    }

    function _employment(uint256 employmentId) private view returns (R.Record storage r, uint256 head) {
        r = _s().employments[employmentId];
        head = r.head;
        if (head == 0) revert PayrollUnknownEmployment(employmentId);
    }

    /// @dev The company is the id's: no storage read to check the caller.
    function _asEmployer(uint256 employmentId) private view returns (R.Record storage r, uint256 head) {
        (r, head) = _employment(employmentId);
        if (R.companyOf(employmentId) != msg.sender) revert PayrollNotEmployer(employmentId, msg.sender);
        if (R.ended(head)) revert PayrollEmploymentEnded(employmentId);
    }

    function _asWorker(uint256 employmentId) private view returns (R.Record storage r, uint256 head) {
        (r, head) = _employment(employmentId);
        if (R.worker(head) != msg.sender) revert PayrollNotWorker(employmentId, msg.sender);
    }
}
