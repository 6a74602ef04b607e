// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IWageSchedule} from "../governance/IWageSchedule.sol";
import {WageMath} from "./WageMath.sol";

/// @title PayrollAccrual
/// @notice Walks an employment through the wage epochs of its occupation since its last settlement:
/// the pay earned on shift over `[settledAt, now)` and the worker's own wage index at the start of
/// each epoch. The cost grows with the epochs walked, never with the number of employments.
/// Its TypeScript twin is `settle` in `sdk/src/payroll/wage.ts`.
library PayrollAccrual {
    /// @notice Where a walk starts.
    /// @param fromIndex The worker's index when `epochs[0]` began (0: hired in it, takes its index).
    /// @param onShift Whether time since `settledAt` is paid.
    /// @param settledAt When the last settlement was.
    /// @param startingWage STARTING_WAGE, RSC wei per hour.
    /// @param productivity The worker's productivity, 1e18 = 1.
    struct Start {
        uint256 fromIndex;
        bool onShift;
        uint256 settledAt;
        uint256 startingWage;
        uint256 productivity;
    }

    /// @notice Where a walk ends.
    /// @param epochsWalked How many epochs past `epochs[0]` were entered (the new epoch is the old + this).
    /// @param fromIndex The worker's index when the newest epoch began (0 if still the hire sentinel).
    /// @param amount Gross pay earned, RSC wei.
    /// @param index The worker's wage index now.
    /// @param hourlyWage Her final hourly wage now, RSC wei.
    struct End {
        uint256 epochsWalked;
        uint256 fromIndex;
        uint256 amount;
        uint256 index;
        uint256 hourlyWage;
    }

    /// @notice Walks `epochs` (the employment's epoch first, then every newer one) up to `now_`.
    function walk(IWageSchedule.WageEpoch[] memory epochs, Start memory s, uint256 now_)
        internal
        pure
        returns (End memory r)
    {
        uint256 count = epochs.length;
        uint256 from = s.fromIndex;
        for (uint256 i = 0; i < count; ++i) {
            IWageSchedule.WageEpoch memory ep = epochs[i];
            if (from == 0) from = ep.toIndex;
            uint256 segmentEnd = i + 1 < count ? epochs[i + 1].changedAt : now_;
            if (s.onShift) r.amount += _earnedIn(ep, from, s, segmentEnd);
            uint256 start = uint256(ep.changedAt) + ep.delay;
            if (i + 1 < count) {
                from = WageMath.decayedIndex(from, ep.toIndex, start, start + ep.decay, segmentEnd);
            } else {
                r.index = WageMath.decayedIndex(from, ep.toIndex, start, start + ep.decay, now_);
                r.hourlyWage = WageMath.wage(s.startingWage, r.index, s.productivity, ep.productivityRange);
            }
        }
        r.epochsWalked = count - 1;
        r.fromIndex = count == 1 ? s.fromIndex : from;
    }

    /// @dev Pay earned on shift in epoch `ep` over `[max(settledAt, ep.changedAt), segmentEnd)` by a worker
    /// whose index was `from` when the epoch began.
    function _earnedIn(IWageSchedule.WageEpoch memory ep, uint256 from, Start memory s, uint256 segmentEnd)
        private
        pure
        returns (uint256)
    {
        uint256 to = ep.toIndex;
        uint256 wageTo = WageMath.wage(s.startingWage, to, s.productivity, ep.productivityRange);
        uint256 u = Math.max(s.settledAt, ep.changedAt);
        if (to >= from) return WageMath.earned(wageTo, wageTo, ep.changedAt, ep.changedAt, u, segmentEnd);
        uint256 wageFrom = WageMath.wage(s.startingWage, from, s.productivity, ep.productivityRange);
        uint256 start = uint256(ep.changedAt) + ep.delay;
        return WageMath.earned(wageFrom, wageTo, start, start + ep.decay, u, segmentEnd);
    }
}
