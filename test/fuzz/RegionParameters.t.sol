// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IRegionParameters, Param} from "../../contracts/governance/IRegionParameters.sol";
import {Assert, VM} from "../invariant/Cheats.sol";
import {RegionSetup} from "../invariant/RegionSetup.sol";

/// @notice Fuzzes RegionParameters: bounds, the productivity range and the history.
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
        uint256 length = params.historyLength(param);
        try params.setParameter(param, value) {
            Assert.isTrue(value >= min && value <= max, "accepted only within bounds");
            Assert.eq(params.get(param), value, "current value");
            Assert.eq(params.historyLength(param), length + 1, "history grows by one");
            Assert.eq(params.valueAt(param, block.timestamp), value, "value in force now");
        } catch (bytes memory reason) {
            // with the defaults (productivity 0..1) only the bounds can refuse
            Assert.isTrue(value < min || value > max, "refused only outside bounds");
            Assert.eqBytes(
                reason,
                abi.encodeWithSelector(IRegionParameters.RegionParametersOutOfBounds.selector, param, value, min, max),
                "the error names the bound"
            );
            Assert.eq(params.get(param), before, "unchanged");
            Assert.eq(params.historyLength(param), length, "history unchanged");
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

    /// @notice valueAt answers the value set last at or before the asked time.
    function testFuzz_valueAt(uint32 gap1, uint32 gap2, uint256 askedSeed, uint256 v1, uint256 v2) public {
        uint256 t0 = block.timestamp;
        v1 = v1 % 1e18;
        v2 = v2 % 1e18;
        uint256 t1 = t0 + 1 + (gap1 % 365 days);
        uint256 t2 = t1 + 1 + (gap2 % 365 days);
        VM.warp(t1);
        params.setParameter(Param.SalesTaxRate, v1);
        VM.warp(t2);
        params.setParameter(Param.SalesTaxRate, v2);
        uint256 asked = askedSeed % (t2 + 365 days);
        uint256 expected = asked < t1 ? 0.08e18 : asked < t2 ? v1 : v2;
        Assert.eq(params.valueAt(Param.SalesTaxRate, asked), expected, "value in force");
    }
}
