// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {MAX_OCCUPATIONS, MAX_WAGE_EPOCHS} from "../governance/IWageSchedule.sol";
import {IPayroll} from "./IPayroll.sol";

/// @title EmploymentRecord — how Payroll packs an employment into three storage words
/// @notice An employment id is `uint256(uint160(company)) << 96 | seq` ({idOf}): the company is
/// read from the id ({companyOf}), never stored, and storage is keyed by the whole id, so an id
/// forged with another company and the same `seq` finds an empty record.
///
/// The three words (members from the low-order bits):
/// - `head` (`Payroll.employments[id].head`) — written whole by a hire, the only word a hire
///   creates; read by every operation but the worker's withdrawal off shift:
///   `worker` (160) | `occupationId` (16) << 160 | `epoch` (16) << 176 | `productivity` (60) << 192
///   | `mode` << 253 | `ended` << 254 (bit 252, once the on-shift flag, is always 0).
/// - `amounts` (`Payroll.amounts[worker][id]`, keyed by the worker too) — the only word a
///   withdrawal off shift touches (read, and written once):
///   `accrued` (85) | `paid` (85) << 85 | `taxWithheld` (85) << 170 | `onShift` << 255.
///   Only Payroll writes it, and only under the employment's own worker (who never changes), so a
///   non-zero word at `[caller][id]` proves the caller is the worker of `id`. It stays zero until
///   the first clock-in or accrual: then Payroll reads the head to tell a stranger from the worker.
/// - `clock` (`Payroll.employments[id].clock`) — touched only by settlements, clock-in/out and
///   timesheets: `settledAt` (40) | `fromIndex` (80) << 40 | `pendingSeconds` (32) << 120.
/// `Payroll.employments[id]`'s middle word (`Record.unused`, once the amounts) is never written:
/// it keeps `clock` in its slot.
///
/// Ranges, each enforced where a value enters (nothing is ever truncated):
/// - `occupationId` ≤ {MAX_OCCUPATION_ID} = 65,535: WageSchedule holds at most `MAX_OCCUPATIONS`
///   occupations; a hire or change of occupation beyond reverts with `PayrollOccupationIdTooLarge`.
/// - `epoch` ≤ {MAX_EPOCH} = 65,535: WageSchedule starts at most `MAX_WAGE_EPOCHS` epochs per
///   occupation; Payroll checks again at hire, change of occupation and settlement
///   (`PayrollEpochTooLarge`).
/// - `productivity` ≤ {MAX_PRODUCTIVITY} = 2^60 − 1 ≈ 1.15e18: RegionParameters bounds it to 1e18;
///   the hire's range check caps the regional maximum at this value.
/// - amounts ≤ {MAX_AMOUNT} = 2^85 − 1 RSC wei ≈ 38.7 million RSC gross over an employment's life:
///   an accrual past it reverts with `PayrollAmountTooLarge` (`paid` and `taxWithheld` never
///   exceed `accrued`).
/// - `settledAt` < 2^40 seconds; `fromIndex` ≤ 32e18 < 2^80 (five factors of at most 2);
///   `pendingSeconds` < 2^32 (checked on submission).
library EmploymentRecord {
    /// @notice An employment's words keyed by its id alone (see the library's NatSpec); its
    /// amounts word is keyed by the worker too, in `Payroll.amounts`.
    struct Record {
        uint256 head;
        uint256 unused; // Once the amounts word; never written, keeps `clock` in its slot.
        uint256 clock;
    }

    /// @notice The largest occupation id an employment holds (16 bits).
    uint256 internal constant MAX_OCCUPATION_ID = MAX_OCCUPATIONS;
    /// @notice The largest wage epoch an employment holds (16 bits; epochs count from 0).
    uint256 internal constant MAX_EPOCH = MAX_WAGE_EPOCHS - 1;
    /// @notice The largest productivity an employment holds (60 bits, 1e18 = 1).
    uint256 internal constant MAX_PRODUCTIVITY = (1 << 60) - 1;
    /// @notice The largest accrued, paid or withheld amount of one employment (85 bits, RSC wei).
    uint256 internal constant MAX_AMOUNT = (1 << 85) - 1;

    uint256 private constant ADDRESS_MASK = (1 << 160) - 1;
    uint256 private constant U16 = (1 << 16) - 1;
    uint256 private constant OCCUPATION_AT = 160;
    uint256 private constant EPOCH_AT = 176;
    uint256 private constant PRODUCTIVITY_AT = 192;
    uint256 private constant ON_SHIFT_BIT = 1 << 255; // in the amounts word
    uint256 private constant TIMESHEET_BIT = 1 << 253;
    uint256 private constant ENDED_BIT = 1 << 254;
    uint256 private constant PAID_AT = 85;
    uint256 private constant TAX_AT = 170;
    uint256 private constant FROM_INDEX_AT = 40;
    uint256 private constant PENDING_AT = 120;

    // ------------------------------------------------------------------ the id

    /// @notice The id of the `seq`-th employment, hired by `company`.
    function idOf(address company, uint256 seq) internal pure returns (uint256) {
        return (uint256(uint160(company)) << 96) | seq;
    }

    /// @notice The company an employment id belongs to.
    function companyOf(uint256 employmentId) internal pure returns (address) {
        return address(uint160(employmentId >> 96));
    }

    // ------------------------------------------------------------------ head

    /// @notice The head of a new employment (off shift, not ended). The caller checked the ranges.
    function newHead(address worker_, uint256 occupationId_, uint256 epoch_, uint256 productivity_, IPayroll.PayMode mode_)
        internal
        pure
        returns (uint256 head)
    {
        head = uint256(uint160(worker_)) | (occupationId_ << OCCUPATION_AT) | (epoch_ << EPOCH_AT)
            | (productivity_ << PRODUCTIVITY_AT);
        if (mode_ == IPayroll.PayMode.Timesheet) head |= TIMESHEET_BIT;
    }

    function worker(uint256 head) internal pure returns (address) {
        return address(uint160(head));
    }

    function occupationId(uint256 head) internal pure returns (uint32) {
        return uint32((head >> OCCUPATION_AT) & U16);
    }

    function epoch(uint256 head) internal pure returns (uint32) {
        return uint32((head >> EPOCH_AT) & U16);
    }

    function productivity(uint256 head) internal pure returns (uint64) {
        return uint64((head >> PRODUCTIVITY_AT) & MAX_PRODUCTIVITY);
    }

    function mode(uint256 head) internal pure returns (IPayroll.PayMode) {
        return head & TIMESHEET_BIT != 0 ? IPayroll.PayMode.Timesheet : IPayroll.PayMode.Shift;
    }

    function ended(uint256 head) internal pure returns (bool) {
        return head & ENDED_BIT != 0;
    }

    /// @notice `head` in occupation `occupationId_` at `epoch_` (both checked by the caller).
    function withOccupation(uint256 head, uint256 occupationId_, uint256 epoch_) internal pure returns (uint256) {
        uint256 cleared = head & ~((U16 << OCCUPATION_AT) | (U16 << EPOCH_AT));
        return cleared | (occupationId_ << OCCUPATION_AT) | (epoch_ << EPOCH_AT);
    }

    /// @notice `head` at `epoch_` (checked by the caller).
    function withEpoch(uint256 head, uint256 epoch_) internal pure returns (uint256) {
        return (head & ~(U16 << EPOCH_AT)) | (epoch_ << EPOCH_AT);
    }

    /// @notice `head` at `productivity_` (checked by the caller).
    function withProductivity(uint256 head, uint256 productivity_) internal pure returns (uint256) {
        return (head & ~(MAX_PRODUCTIVITY << PRODUCTIVITY_AT)) | (productivity_ << PRODUCTIVITY_AT);
    }

    function withEnded(uint256 head) internal pure returns (uint256) {
        return head | ENDED_BIT;
    }

    // ------------------------------------------------------------------ amounts

    function accrued(uint256 amounts) internal pure returns (uint256) {
        return amounts & MAX_AMOUNT;
    }

    function paid(uint256 amounts) internal pure returns (uint256) {
        return (amounts >> PAID_AT) & MAX_AMOUNT;
    }

    function taxWithheld(uint256 amounts) internal pure returns (uint256) {
        return (amounts >> TAX_AT) & MAX_AMOUNT;
    }

    /// @notice Whether the worker is clocked in (the amounts word's top bit).
    function onShift(uint256 amounts) internal pure returns (bool) {
        return amounts & ON_SHIFT_BIT != 0;
    }

    function withOnShift(uint256 amounts, bool onShift_) internal pure returns (uint256) {
        return onShift_ ? amounts | ON_SHIFT_BIT : amounts & ~ON_SHIFT_BIT;
    }

    /// @notice `amounts` with `amount` more accrued; reverts past {MAX_AMOUNT}.
    function withAccrued(uint256 amounts, uint256 employmentId, uint256 amount) internal pure returns (uint256) {
        uint256 total = accrued(amounts) + amount;
        if (total > MAX_AMOUNT) revert IPayroll.PayrollAmountTooLarge(employmentId, total, MAX_AMOUNT);
        return (amounts & ~MAX_AMOUNT) | total;
    }

    /// @notice `amounts` with `gross` more paid, of which `tax` withheld. No overflow: the caller
    /// keeps `paid + gross <= accrued` and `tax <= gross`, so neither passes `accrued`'s range
    /// (nor carries into the on-shift bit).
    function withPayment(uint256 amounts, uint256 gross, uint256 tax) internal pure returns (uint256) {
        return amounts + (gross << PAID_AT) + (tax << TAX_AT);
    }

    // ------------------------------------------------------------------ clock

    function settledAt(uint256 clock) internal pure returns (uint40) {
        return uint40(clock);
    }

    function fromIndex(uint256 clock) internal pure returns (uint80) {
        return uint80(clock >> FROM_INDEX_AT);
    }

    function pendingSeconds(uint256 clock) internal pure returns (uint32) {
        return uint32(clock >> PENDING_AT);
    }

    function packClock(uint256 settledAt_, uint256 fromIndex_, uint256 pendingSeconds_)
        internal
        pure
        returns (uint256)
    {
        return uint40(settledAt_) | (uint256(uint80(fromIndex_)) << FROM_INDEX_AT)
            | (uint256(uint32(pendingSeconds_)) << PENDING_AT);
    }

    /// @notice The stored words decoded into the {IPayroll-Employment} view.
    function decode(uint256 head, uint256 amounts, uint256 clock, uint256 employmentId)
        internal
        pure
        returns (IPayroll.Employment memory e)
    {
        e.worker = worker(head);
        e.occupationId = occupationId(head);
        e.productivity = productivity(head);
        e.company = companyOf(employmentId);
        e.epoch = epoch(head);
        e.settledAt = settledAt(clock);
        e.onShift = onShift(amounts);
        e.mode = mode(head);
        e.ended = ended(head);
        e.accrued = uint128(accrued(amounts));
        e.paid = uint128(paid(amounts));
        e.taxWithheld = uint128(taxWithheld(amounts));
        e.fromIndex = fromIndex(clock);
        e.pendingSeconds = pendingSeconds(clock);
    }
}
