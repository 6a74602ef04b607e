// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {WageMath} from "../../contracts/payroll/WageMath.sol";

/// @notice Fuzzed properties of {WageMath}: the productivity band, monotonicity, and that pay over
/// a decay lies between the pay at the old and at the new wage.
contract WageMathFuzzTest {
    error PropertyViolated(string property, uint256 a, uint256 b);

    uint256 private constant ONE = 1e18;

    function _check(bool ok, string memory property, uint256 a, uint256 b) private pure {
        if (!ok) revert PropertyViolated(property, a, b);
    }

    function testFuzz_finalWageStaysInTheBandAndGrowsWithProductivity(uint128 base, uint64 p1, uint64 p2, uint64 range)
        public
        pure
    {
        uint256 r = uint256(range) % (ONE + 1);
        uint256 a = uint256(p1) % (ONE + 1);
        uint256 b = uint256(p2) % (ONE + 1);
        if (a > b) (a, b) = (b, a);
        uint256 fa = WageMath.finalWage(base, a, r);
        uint256 fb = WageMath.finalWage(base, b, r);
        _check(fa <= fb, "monotone in productivity", fa, fb);
        _check(WageMath.finalWage(base, ONE / 2, r) == base, "productivity 0.5 earns the base", base, r);
        _check(fb <= uint256(base) + (uint256(base) * r) / ONE, "at most base x (1 + range)", fb, base);
        _check(fa + 1 >= uint256(base) - (uint256(base) * r + ONE - 1) / ONE, "at least base x (1 - range)", fa, base);
    }

    function testFuzz_wageIndexBetweenOneAndThirtyTwo(uint64 n, uint64 w, uint64 s, uint64 ne, uint64 st, uint64 d)
        public
        pure
    {
        uint256 index = WageMath.wageIndex(n % (ONE + 1), w % (ONE + 1), s % (ONE + 1), ne % (ONE + 1), st % (ONE + 1), d % (ONE + 1));
        _check(index >= ONE && index <= 32 * ONE, "index in [1, 32]", index, 0);
    }

    function testFuzz_decayIsBetweenOldAndNewAndNeverRises(
        uint80 fromIndex,
        uint80 toIndex,
        uint32 start,
        uint32 span,
        uint32 t1,
        uint32 t2
    ) public pure {
        if (toIndex > fromIndex) (fromIndex, toIndex) = (toIndex, fromIndex);
        uint256 end = uint256(start) + span;
        if (t1 > t2) (t1, t2) = (t2, t1);
        uint256 i1 = WageMath.decayedIndex(fromIndex, toIndex, start, end, t1);
        uint256 i2 = WageMath.decayedIndex(fromIndex, toIndex, start, end, t2);
        _check(i1 <= fromIndex && i1 >= toIndex, "between old and new", i1, fromIndex);
        _check(i2 <= i1, "never rises", i2, i1);
    }

    function testFuzz_payOverADecayLiesBetweenOldAndNewWage(
        uint96 wageFrom,
        uint96 wageTo,
        uint32 start,
        uint32 span,
        uint32 u,
        uint32 len
    ) public pure {
        if (wageTo > wageFrom) (wageFrom, wageTo) = (wageTo, wageFrom);
        uint256 end = uint256(start) + span;
        uint256 v = uint256(u) + len;
        uint256 pay = WageMath.earned(wageFrom, wageTo, start, end, u, v);
        uint256 atOld = WageMath.earned(wageFrom, wageFrom, start, start, u, v);
        uint256 atNew = WageMath.earned(wageTo, wageTo, start, start, u, v);
        _check(pay <= atOld, "no more than at the old wage", pay, atOld);
        _check(pay >= atNew, "no less than at the new wage", pay, atNew);
        _check(atOld == (uint256(wageFrom) * len) / 3600, "constant wage: wage x seconds / 3600", atOld, wageFrom);
    }

    function testFuzz_paySplitsAdditivelyUpToOneWei(uint96 wageFrom, uint96 wageTo, uint32 span, uint32 len, uint32 cut)
        public
        pure
    {
        if (wageTo > wageFrom) (wageFrom, wageTo) = (wageTo, wageFrom);
        uint256 end = 1000 + uint256(span);
        uint256 v = uint256(len);
        uint256 m = len == 0 ? 0 : uint256(cut) % (v + 1);
        uint256 whole = WageMath.earned(wageFrom, wageTo, 1000, end, 0, v);
        uint256 parts = WageMath.earned(wageFrom, wageTo, 1000, end, 0, m) + WageMath.earned(wageFrom, wageTo, 1000, end, m, v);
        _check(parts <= whole && whole <= parts + 1, "settling in two parts loses at most 1 wei", parts, whole);
    }
}
