// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {EmploymentRecord as R} from "../../contracts/payroll/EmploymentRecord.sol";
import {IPayroll} from "../../contracts/payroll/IPayroll.sol";

/// @notice Fuzzed round trips of {EmploymentRecord}'s packing: every member reads back exactly what
/// was written, and changing one member leaves every other one as it was.
contract EmploymentRecordFuzzTest {
    error PropertyViolated(string property, uint256 a, uint256 b);

    function _check(bool ok, string memory property, uint256 a, uint256 b) private pure {
        if (!ok) revert PropertyViolated(property, a, b);
    }

    function _head(address worker, uint16 occupationId, uint16 epoch, uint64 productivity, bool timesheet)
        private
        pure
        returns (uint256 head, uint256 p)
    {
        p = productivity & R.MAX_PRODUCTIVITY;
        head = R.newHead(
            worker, occupationId, epoch, p, timesheet ? IPayroll.PayMode.Timesheet : IPayroll.PayMode.Shift
        );
    }

    function testFuzz_headRoundTripsAndMembersChangeAlone(
        address worker,
        uint16 occupationId,
        uint16 epoch,
        uint64 productivity,
        bool timesheet,
        uint16 newOccupation,
        uint16 newEpoch,
        uint64 newProductivity
    ) public pure {
        (uint256 head, uint256 p) = _head(worker, occupationId, epoch, productivity, timesheet);
        _check(R.worker(head) == worker, "worker", uint160(R.worker(head)), uint160(worker));
        _check(R.occupationId(head) == occupationId, "occupation", R.occupationId(head), occupationId);
        _check(R.epoch(head) == epoch, "epoch", R.epoch(head), epoch);
        _check(R.productivity(head) == p, "productivity", R.productivity(head), p);
        _check(R.mode(head) == (timesheet ? IPayroll.PayMode.Timesheet : IPayroll.PayMode.Shift), "mode", 0, 0);
        _check(!R.ended(head), "new: not ended", head, 0);

        uint256 np = newProductivity & R.MAX_PRODUCTIVITY;
        uint256 changed = R.withEnded(R.withProductivity(head, np));
        changed = R.withOccupation(changed, newOccupation, newEpoch);
        _check(R.worker(changed) == worker, "worker kept", uint160(R.worker(changed)), uint160(worker));
        _check(R.occupationId(changed) == newOccupation, "occupation set", R.occupationId(changed), newOccupation);
        _check(R.epoch(changed) == newEpoch, "epoch set", R.epoch(changed), newEpoch);
        _check(R.productivity(changed) == np, "productivity set", R.productivity(changed), np);
        _check(R.ended(changed), "ended set", changed, 0);
        _check(R.mode(changed) == R.mode(head), "mode kept", 0, 0);
        uint256 back = R.withEpoch(changed, epoch);
        _check(R.ended(back), "ended kept", back, 0);
        _check(R.epoch(back) == epoch && R.occupationId(back) == newOccupation, "epoch set alone", R.epoch(back), epoch);
    }

    function testFuzz_amountsRoundTrip(
        uint256 accrued,
        uint256 paid,
        uint256 tax,
        uint256 more,
        uint256 gross,
        bool onShift
    ) public pure {
        accrued %= R.MAX_AMOUNT + 1;
        paid = accrued == 0 ? 0 : paid % (accrued + 1);
        tax = paid == 0 ? 0 : tax % (paid + 1);
        uint256 amounts = R.withOnShift(accrued | (paid << 85) | (tax << 170), onShift);
        _check(R.onShift(amounts) == onShift, "on shift", amounts, 0);
        _check(R.accrued(amounts) == accrued && R.paid(amounts) == paid, "accrued, paid", accrued, paid);
        _check(R.taxWithheld(amounts) == tax, "tax", R.taxWithheld(amounts), tax);
        more %= R.MAX_AMOUNT - accrued + 1;
        uint256 grown = R.withAccrued(amounts, 1, more);
        _check(R.accrued(grown) == accrued + more, "accrued grows", R.accrued(grown), accrued + more);
        _check(R.paid(grown) == paid && R.taxWithheld(grown) == tax, "paid, tax kept", R.paid(grown), paid);
        uint256 owed = accrued + more - paid;
        gross = owed == 0 ? 0 : gross % (owed + 1);
        uint256 withheld = gross / 7;
        uint256 settled = R.withPayment(grown, gross, withheld);
        _check(R.accrued(settled) == accrued + more, "accrued kept", R.accrued(settled), accrued + more);
        _check(R.paid(settled) == paid + gross, "paid grows", R.paid(settled), paid + gross);
        _check(R.taxWithheld(settled) == tax + withheld, "tax grows", R.taxWithheld(settled), tax + withheld);
        _check(R.onShift(grown) == onShift && R.onShift(settled) == onShift, "on shift kept", settled, 0);
        uint256 flipped = R.withOnShift(settled, !onShift);
        _check(R.onShift(flipped) != onShift, "on shift flips", flipped, 0);
        _check(R.withOnShift(flipped, onShift) == settled, "on shift changes alone", flipped, settled);
    }

    function testFuzz_clockRoundTrips(uint40 settledAt, uint80 fromIndex, uint32 pending) public pure {
        uint256 clock = R.packClock(settledAt, fromIndex, pending);
        _check(R.settledAt(clock) == settledAt, "settledAt", R.settledAt(clock), settledAt);
        _check(R.fromIndex(clock) == fromIndex, "fromIndex", R.fromIndex(clock), fromIndex);
        _check(R.pendingSeconds(clock) == pending, "pendingSeconds", R.pendingSeconds(clock), pending);
    }

    function testFuzz_idCarriesTheCompany(address company, uint64 seq) public pure {
        uint256 id = R.idOf(company, seq);
        _check(R.companyOf(id) == company, "company", uint160(R.companyOf(id)), uint160(company));
        _check(id & type(uint96).max == seq, "seq", id & type(uint96).max, seq);
    }
}
