// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IRegionParameters, Param} from "../../contracts/governance/IRegionParameters.sol";
import {Assert, ParameterLogs, VM} from "../invariant/Cheats.sol";
import {RegionSetup} from "../invariant/RegionSetup.sol";

/// @notice Fuzzes RegionParameters: bounds, the productivity range and the history (its events).
contract RegionParametersFuzzTest is RegionSetup {
    uint256 internal constant PARAMS = 19;

    function setUp() public {
        _deployRegion();
    }

    /// @notice A value is accepted exactly when it lies within the parameter's bounds; a refusal
    /// names the parameter, the value and both bounds, and changes nothing.
    function testFuzz_setParameterWithinBoundsOnly(uint8 paramSeed, uint256 value) public {
        Param param = Param(paramSeed % PARAMS);
        (uint256 min, uint256 max,) = params.boundsOf(param);
        // half of the runs inside the bounds
        if (value % 2 == 0 && max > min) value = min + (value % (max - min + 1));
        uint256 before = params.get(param);
        VM.recordLogs();
        try params.setParameter(param, value) {
            Assert.isTrue(value >= min && value <= max, "accepted only within bounds");
            Assert.eq(params.get(param), value, "current value");
            (uint256 count, bool matches) = ParameterLogs.changes(address(params), uint256(param), before, value);
            Assert.eq(count, 1, "history grows by one event");
            Assert.isTrue(matches, "the event carries the old and new value");
        } catch (bytes memory reason) {
            // with the defaults (productivity 0..1) only the bounds can refuse
            Assert.isTrue(value < min || value > max, "refused only outside bounds");
            Assert.eqBytes(
                reason,
                abi.encodeWithSelector(IRegionParameters.RegionParametersOutOfBounds.selector, param, value, min, max),
                "the error names the bound"
            );
            Assert.eq(params.get(param), before, "unchanged");
            (uint256 count,) = ParameterLogs.changes(address(params), uint256(param), before, value);
            Assert.eq(count, 0, "history unchanged");
        }
    }

    /// @notice The productivity range is accepted exactly when min <= max.
    function testFuzz_productivityRange(uint256 lo, uint256 hi) public {
        lo = lo % (1e18 + 1);
        hi = hi % (1e18 + 1);
        Param[] memory ps = new Param[](2);
        uint256[] memory vs = new uint256[](2);
        (ps[0], ps[1], vs[0], vs[1]) = (Param.ProductivityMax, Param.ProductivityMin, hi, lo);
        try params.setParameters(ps, vs) {
            Assert.isTrue(lo <= hi, "accepted only with min <= max");
            Assert.eq(params.get(Param.ProductivityMin), lo, "min");
            Assert.eq(params.get(Param.ProductivityMax), hi, "max");
        } catch (bytes memory reason) {
            Assert.isTrue(lo > hi, "refused only with min > max");
            Assert.eqBytes(
                reason,
                abi.encodeWithSelector(
                    IRegionParameters.RegionParametersOutOfBounds.selector, Param.ProductivityMin, lo, 0, hi
                ),
                "the error names min and max"
            );
            Assert.eq(params.get(Param.ProductivityMax), 1e18, "max unchanged");
        }
    }
}
