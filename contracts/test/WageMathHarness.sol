// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {WageMath} from "../payroll/WageMath.sol";

/// @notice Exposes {WageMath} for the tests that compare it with the SDK's TypeScript twin.
contract WageMathHarness {
    function wageIndex(
        uint256 industryNeed,
        uint256 industryWeight,
        uint256 skill,
        uint256 need,
        uint256 stress,
        uint256 danger
    ) external pure returns (uint256) {
        return WageMath.wageIndex(industryNeed, industryWeight, skill, need, stress, danger);
    }

    function baseWage(uint256 startingWage, uint256 index) external pure returns (uint256) {
        return WageMath.baseWage(startingWage, index);
    }

    function finalWage(uint256 base, uint256 productivity, uint256 productivityRange) external pure returns (uint256) {
        return WageMath.finalWage(base, productivity, productivityRange);
    }

    function decayedIndex(uint256 fromIndex, uint256 toIndex, uint256 start, uint256 end, uint256 t)
        external
        pure
        returns (uint256)
    {
        return WageMath.decayedIndex(fromIndex, toIndex, start, end, t);
    }

    function earned(uint256 wageFrom, uint256 wageTo, uint256 start, uint256 end, uint256 u, uint256 v)
        external
        pure
        returns (uint256)
    {
        return WageMath.earned(wageFrom, wageTo, start, end, u, v);
    }

    /// @notice Many schedules in one call: `inputs[i]` = (startingWage, industryNeed, industryWeight,
    /// skill, need, stress, danger, productivityRange, productivity); returns (base, final) each.
    function wages(uint256[9][] calldata inputs) external pure returns (uint256[2][] memory out) {
        out = new uint256[2][](inputs.length);
        for (uint256 i = 0; i < inputs.length; ++i) {
            uint256[9] calldata x = inputs[i];
            uint256 base = WageMath.baseWage(x[0], WageMath.wageIndex(x[1], x[2], x[3], x[4], x[5], x[6]));
            out[i] = [base, WageMath.finalWage(base, x[8], x[7])];
        }
    }
}
