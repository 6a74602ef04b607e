// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Action, Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";
import {IParameterListener} from "../governance/IParameterListener.sol";
import {IRegionParameters, Param} from "../governance/IRegionParameters.sol";
import {IWageSchedule} from "../governance/IWageSchedule.sol";
import {IPayroll} from "./IPayroll.sol";
import {PayrollAccrual} from "./PayrollAccrual.sol";

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
/// calls through the RegionParameters proxy, and a hire writes the two slots of the new employment
/// whole (one SSTORE each). Figures: `contracts/payroll/README.md`.
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
        mapping(uint256 employmentId => Employment) employments;
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
    function employment(uint256 employmentId) external view returns (Employment memory) {
        return _employment(employmentId);
    }

    /// @inheritdoc IPayroll
    function getPayroll(uint256 employmentId) external view returns (PayrollSummary memory summary) {
        Employment storage e = _employment(employmentId);
        PayrollAccrual.End memory r = _walk(e);
        summary.worker = e.worker;
        summary.company = e.company;
        summary.accrued = e.accrued + r.amount;
        summary.paid = e.paid;
        summary.tax = e.taxWithheld;
        summary.debt = summary.accrued - summary.paid;
        summary.hourlyWage = r.hourlyWage;
    }

    /// @inheritdoc IPayroll
    function wageOf(uint256 employmentId) external view returns (uint256) {
        return _walk(_employment(employmentId)).hourlyWage;
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
        uint32 epochCount = _hiringEpochCount(occupationId);
        _checkProductivity(productivity);
        PayrollStorage storage $ = _s();
        employmentId = ++$.employmentCount;
        _record($.employments[employmentId], worker, occupationId, productivity, epochCount - 1, mode);
        emit Hired(employmentId, worker, msg.sender, occupationId, productivity, mode);
    }

    /// @inheritdoc IPayroll
    function changeOccupation(uint256 employmentId, uint32 occupationId) external {
        Employment storage e = _asEmployer(employmentId);
        uint32 epochCount = _hiringEpochCount(occupationId);
        _settle(employmentId, e);
        uint32 old = e.occupationId;
        (e.occupationId, e.epoch, e.fromIndex) = (occupationId, epochCount - 1, 0);
        emit OccupationChanged(employmentId, old, occupationId);
    }

    /// @inheritdoc IPayroll
    function setProductivity(uint256 employmentId, uint64 productivity) external {
        Employment storage e = _asEmployer(employmentId);
        _checkProductivity(productivity);
        _settle(employmentId, e);
        uint64 old = e.productivity;
        e.productivity = productivity;
        emit ProductivityChanged(employmentId, old, productivity);
    }

    /// @inheritdoc IPayroll
    function approveTimesheet(uint256 employmentId, uint32 approvedSeconds) external {
        Employment storage e = _asEmployer(employmentId);
        _checkMode(employmentId, e, PayMode.Timesheet);
        uint32 pending = e.pendingSeconds;
        if (approvedSeconds > pending) revert PayrollInvalidTimesheet(employmentId, approvedSeconds, pending);
        uint256 hourlyWage = _settle(employmentId, e);
        uint256 amount = (hourlyWage * approvedSeconds) / 1 hours;
        e.pendingSeconds = 0;
        e.accrued += SafeCast.toUint128(amount);
        emit TimesheetApproved(employmentId, approvedSeconds, pending, hourlyWage, amount);
    }

    /// @inheritdoc IPayroll
    function endEmployment(uint256 employmentId) external {
        Employment storage e = _asEmployer(employmentId);
        if (e.onShift) {
            _settle(employmentId, e);
            e.onShift = false;
            emit ClockedOut(employmentId, uint40(block.timestamp));
        }
        e.ended = true;
        emit EmploymentEnded(employmentId);
    }

    // ================================================================== worker writes

    /// @inheritdoc IPayroll
    function clockIn(uint256 employmentId) external {
        Employment storage e = _asWorker(employmentId);
        if (e.ended) revert PayrollEmploymentEnded(employmentId);
        _checkMode(employmentId, e, PayMode.Shift);
        if (e.onShift) revert PayrollAlreadyOnShift(employmentId);
        // No settlement needed: off shift nothing accrues, and the next settlement walks the
        // epochs since `e.epoch` anyway, paying only from `settledAt` on.
        (e.onShift, e.settledAt) = (true, uint40(block.timestamp));
        emit ClockedIn(employmentId, uint40(block.timestamp));
    }

    /// @inheritdoc IPayroll
    function clockOut(uint256 employmentId) external {
        Employment storage e = _asWorker(employmentId);
        if (!e.onShift) revert PayrollNotOnShift(employmentId);
        _settle(employmentId, e);
        e.onShift = false;
        emit ClockedOut(employmentId, uint40(block.timestamp));
    }

    /// @inheritdoc IPayroll
    function submitTimesheet(uint256 employmentId, uint32 submittedSeconds) external {
        Employment storage e = _asWorker(employmentId);
        if (e.ended) revert PayrollEmploymentEnded(employmentId);
        _checkMode(employmentId, e, PayMode.Timesheet);
        uint256 room = type(uint32).max - e.pendingSeconds;
        if (submittedSeconds == 0 || submittedSeconds > room) {
            revert PayrollInvalidTimesheet(employmentId, submittedSeconds, room);
        }
        e.pendingSeconds += submittedSeconds;
        emit TimesheetSubmitted(employmentId, submittedSeconds, e.pendingSeconds);
    }

    /// @inheritdoc IPayroll
    function withdraw(uint256 employmentId) external returns (uint256 gross) {
        Employment storage e = _asWorker(employmentId);
        if (e.onShift) _settle(employmentId, e);
        return _pay(employmentId, e);
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
        Employment storage e = _employment(employmentId);
        if (e.onShift) _settle(employmentId, e);
        _pay(employmentId, e);
    }

    // ================================================================== internal

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    /// @dev Pays what is owed, as far as the company's balance allows: tax to the pool, the rest
    /// to the worker, in this transaction. What cannot be paid stays owed (debt).
    function _pay(uint256 employmentId, Employment storage e) private returns (uint256 gross) {
        uint256 paid = e.paid;
        uint256 owed = e.accrued - paid;
        if (owed == 0) return 0;
        address company = e.company;
        uint256 available = rsc.balanceOf(company);
        gross = owed < available ? owed : available;
        if (gross == 0) return 0;
        // Cannot overflow: paid + gross <= accrued, a uint128.
        e.paid = uint128(paid + gross);
        _payGross(employmentId, e, gross, owed - gross);
    }

    /// @dev One debit of the company: the net wage to the worker, then the income tax (computed by
    /// the token at the rate in force) to the pool. `debt` is what stays owed.
    function _payGross(uint256 employmentId, Employment storage e, uint256 gross, uint256 debt) private {
        address worker = e.worker;
        (uint256 net, uint256 tax) =
            rsc.moveTaxed(Action.Wage, e.company, worker, gross, capitalPool, bytes32(employmentId));
        // Cannot overflow: taxWithheld <= paid.
        e.taxWithheld += uint128(tax);
        emit WagePaid(employmentId, worker, gross, net, tax, debt);
    }

    /// @dev Settles the employment to now: accrues on-shift pay and records the wage epoch reached.
    /// Returns the worker's hourly wage now.
    function _settle(uint256 employmentId, Employment storage e) private returns (uint256) {
        PayrollAccrual.End memory r = _walk(e);
        if (r.epochsWalked != 0) {
            e.epoch += uint32(r.epochsWalked);
            e.fromIndex = uint80(r.fromIndex); // an index is at most 32e18
        }
        e.settledAt = uint40(block.timestamp);
        if (r.amount != 0) {
            e.accrued += SafeCast.toUint128(r.amount);
            emit PayAccrued(employmentId, r.amount, uint40(block.timestamp));
        }
        return r.hourlyWage;
    }

    /// @dev Writes slots 0 and 1 of a new employment whole, one SSTORE each and no read first (member
    /// by member, the compiler reads and writes each slot three times). The packing is the
    /// compiler's for {IPayroll-Employment}, members from the low-order bytes:
    /// slot 0 = worker | occupationId << 160 | productivity << 192;
    /// slot 1 = company | epoch << 160 | settledAt << 192 | onShift << 232 | mode << 240 | ended << 248.
    /// Slots 2 and 3 (amounts, index, pending seconds) stay zero. `employment()` reads it back.
    function _record(
        Employment storage e,
        address worker,
        uint32 occupationId,
        uint64 productivity,
        uint32 epoch,
        PayMode mode
    ) private {
        uint256 head = uint256(uint160(worker)) | (uint256(occupationId) << 160) | (uint256(productivity) << 192);
        uint256 terms = uint256(uint160(msg.sender)) | (uint256(epoch) << 160)
            | (uint256(uint40(block.timestamp)) << 192) | (uint256(mode) << 240);
        assembly ("memory-safe") {
            sstore(e.slot, head)
            sstore(add(e.slot, 1), terms)
        }
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

    function _walk(Employment storage e) private view returns (PayrollAccrual.End memory) {
        IWageSchedule.WageEpoch[] memory epochs = schedule.epochsSince(e.occupationId, e.epoch);
        PayrollAccrual.Start memory s = PayrollAccrual.Start({
            fromIndex: e.fromIndex,
            onShift: e.onShift,
            settledAt: e.settledAt,
            startingWage: _s().startingWage,
            productivity: e.productivity
        });
        return PayrollAccrual.walk(epochs, s, block.timestamp);
    }

    function _hiringEpochCount(uint32 occupationId) private view returns (uint32 epochCount) {
        bool hiring;
        (epochCount, hiring) = schedule.hiringState(occupationId);
        if (!hiring) revert PayrollUnknownOccupation(occupationId);
    }

    function _checkProductivity(uint256 productivity) private view {
        PayrollStorage storage $ = _s();
        (uint256 min, uint256 max) = ($.productivityMin, $.productivityMax);
        if (productivity < min || productivity > max) revert PayrollProductivityOutOfRange(productivity, min, max);
    }

    function _checkMode(uint256 employmentId, Employment storage e, PayMode expected) private view {
        if (e.mode != expected) revert PayrollWrongPayMode(employmentId, expected, e.mode);
    }

    function _employment(uint256 employmentId) private view returns (Employment storage e) {
        e = _s().employments[employmentId];
        if (e.worker == address(0)) revert PayrollUnknownEmployment(employmentId);
    }

    function _asEmployer(uint256 employmentId) private view returns (Employment storage e) {
        e = _employment(employmentId);
        if (e.company != msg.sender) revert PayrollNotEmployer(employmentId, msg.sender);
        if (e.ended) revert PayrollEmploymentEnded(employmentId);
    }

    function _asWorker(uint256 employmentId) private view returns (Employment storage e) {
        e = _employment(employmentId);
        if (e.worker != msg.sender) revert PayrollNotWorker(employmentId, msg.sender);
    }
}
