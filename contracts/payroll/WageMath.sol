// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title WageMath
/// @notice The seed's wage formula (chapter 4, "Wages and wage calculations") in 18-decimal fixed
/// point (1e18 = 1), and the pay it earns over time. The SDK's `sdk/src/payroll/wage.ts` is the
/// same arithmetic in `bigint` and agrees with this library to the wei.
///
///     base  = STARTING_WAGE × (1 + industry.need × occupation.industryWeight) × (1 + skill)
///             × (1 + need) × (1 + stress) × (1 + danger)
///     final = base + (2 × (productivity − 0.5)) × productivityRange × base
///
/// Rounding (every step rounds down, so nobody is ever paid more than the formula gives):
/// - {wageIndex}: the five factors are multiplied in the order above, each product floored to 18
///   decimals: `i = 1e18 + ⌊need·weight/1e18⌋`, then `i = ⌊i·(1e18 + x)/1e18⌋` for skill, need,
///   stress, danger.
/// - {baseWage}: `⌊STARTING_WAGE · index / 1e18⌋`.
/// - {finalWage}: one floor of the exact product, `⌊base · (1e36 + (2·p − 1e18)·range) / 1e36⌋`
///   (the factor lies in [0, 2e36], so the result may be below the base but never negative).
/// - {earned}: one floor of the exact integral of the hourly wage over the time worked, / 3600.
library WageMath {
    /// @notice 1 in 18-decimal fixed point.
    uint256 internal constant ONE = 1e18;
    uint256 private constant ONE_SQUARED = 1e36;
    uint256 private constant HOUR = 3600;

    /// @notice The product of the five `(1 + …)` factors, 1e18 = 1. All inputs are fractions in [0, 1e18].
    function wageIndex(
        uint256 industryNeed,
        uint256 industryWeight,
        uint256 skill,
        uint256 need,
        uint256 stress,
        uint256 danger
    ) internal pure returns (uint256 index) {
        index = ONE + (industryNeed * industryWeight) / ONE;
        index = (index * (ONE + skill)) / ONE;
        index = (index * (ONE + need)) / ONE;
        index = (index * (ONE + stress)) / ONE;
        index = (index * (ONE + danger)) / ONE;
    }

    /// @notice The base hourly wage, RSC wei per hour: `⌊startingWage · index / 1e18⌋`.
    function baseWage(uint256 startingWage, uint256 index) internal pure returns (uint256) {
        return Math.mulDiv(startingWage, index, ONE);
    }

    /// @notice The final hourly wage for `productivity` in [0, 1e18] and `productivityRange` in [0, 1e18].
    function finalWage(uint256 base, uint256 productivity, uint256 productivityRange) internal pure returns (uint256) {
        uint256 factor;
        // Cannot overflow or underflow: productivity and range are at most 1e18, so
        // |2·p − 1e18| · range <= 1e36.
        unchecked {
            factor = 2 * productivity >= ONE
                ? ONE_SQUARED + (2 * productivity - ONE) * productivityRange
                : ONE_SQUARED - (ONE - 2 * productivity) * productivityRange;
        }
        return Math.mulDiv(base, factor, ONE_SQUARED);
    }

    /// @notice The final hourly wage of a worker at `productivity` whose occupation has wage
    /// `index` and `productivityRange`, when the starting wage is `startingWage`.
    function wage(uint256 startingWage, uint256 index, uint256 productivity, uint256 productivityRange)
        internal
        pure
        returns (uint256)
    {
        return finalWage(baseWage(startingWage, index), productivity, productivityRange);
    }

    /// @notice The wage index after a reduction from `fromIndex` to `toIndex` that holds until
    /// `start` and then applies linearly until `end`, read at time `t`. The part of the reduction
    /// applied so far is rounded down (the index up).
    function decayedIndex(uint256 fromIndex, uint256 toIndex, uint256 start, uint256 end, uint256 t)
        internal
        pure
        returns (uint256)
    {
        if (toIndex >= fromIndex || t >= end) return toIndex;
        if (t <= start) return fromIndex;
        // Cannot underflow: toIndex < fromIndex and start < t < end.
        unchecked {
            return fromIndex - Math.mulDiv(fromIndex - toIndex, t - start, end - start);
        }
    }

    /// @notice The pay earned over `[u, v)` (seconds) at an hourly wage (RSC wei per hour) that is
    /// `wageFrom` until `start`, falls linearly to `wageTo` between `start` and `end`, and is
    /// `wageTo` from `end` on: `⌊∫ wage(t) dt / 3600⌋`, computed exactly with one final floor.
    /// Requires `wageTo <= wageFrom` (a reduction) or `start == end` (a step at `start`).
    function earned(uint256 wageFrom, uint256 wageTo, uint256 start, uint256 end, uint256 u, uint256 v)
        internal
        pure
        returns (uint256)
    {
        if (v <= u) return 0;
        uint256 span = end - start;
        if (span == 0) {
            uint256 total;
            if (u < start) total += wageFrom * (Math.min(v, start) - u);
            if (v > start) total += wageTo * (v - Math.max(u, start));
            return total / HOUR;
        }
        uint256 twoSpan = 2 * span;
        uint256 numerator;
        if (u < start) numerator += twoSpan * wageFrom * (Math.min(v, start) - u);
        if (v > end) numerator += twoSpan * wageTo * (v - Math.max(u, end));
        uint256 a = Math.max(u, start);
        uint256 b = Math.min(v, end);
        if (a < b) {
            // ∫_a^b (wageFrom − (wageFrom − wageTo)(t − start)/span) dt, times 2·span.
            uint256 da = a - start;
            uint256 db = b - start;
            numerator += twoSpan * wageFrom * (b - a) - (wageFrom - wageTo) * (db * db - da * da);
        }
        return numerator / (twoSpan * HOUR);
    }
}
