// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IRegionParameters, Param, Unit} from "../../contracts/governance/IRegionParameters.sol";
import {RegionParameters} from "../../contracts/governance/RegionParameters.sol";
import {ParameterLogs, Vm} from "../invariant/Cheats.sol";

/// @notice Fuzzes the parameter bounds: the check made when a proposal is made
/// ({IRegionParameters-checkValues}) agrees with the write made when it is executed, value for
/// value and error for error, and the history grows by exactly the accepted writes.
contract RegionParametersBoundsTest {
    Vm private constant VM = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);
    uint256 private constant PARAM_COUNT = uint256(type(Param).max) + 1;
    uint256 private constant ONE = 1e18;

    RegionParameters private _params;

    function setUp() public {
        RegionParameters impl = new RegionParameters();
        uint256[] memory initial = new uint256[](PARAM_COUNT);
        for (uint256 i = 0; i < PARAM_COUNT; ++i) {
            (uint256 min, uint256 max,) = impl.boundsOf(Param(i));
            initial[i] = i == uint256(Param.ProductivityMax) ? max : min;
        }
        _params = RegionParameters(
            address(new ERC1967Proxy(address(impl), abi.encodeCall(RegionParameters.initialize, (address(this), initial))))
        );
    }

    /// @dev Either both the propose-time check and the write refuse `value` with the same bound
    /// error, or both accept it and the value and history record it.
    function testFuzz_checkAgreesWithWrite(uint8 rawParam, uint256 value, uint48 at) public {
        Param param = Param(rawParam % PARAM_COUNT);
        // Timestamps are stored as uint48: keep the warp within 1 .. 2^48 - 1.
        uint256 time = uint256(at) % type(uint48).max + 1;
        VM.warp(time);
        bytes memory expected = _expectedError(param, value);
        uint256 before = _params.get(param);
        VM.recordLogs();
        (bool checked, bytes memory checkError) = _check(param, value);
        (bool written, bytes memory writeError) =
            address(_params).call(abi.encodeCall(IRegionParameters.setParameter, (param, value)));
        _assert(checked == written, "check and write disagree");
        if (expected.length != 0) {
            _assert(!checked && keccak256(checkError) == keccak256(expected), "check: wrong error");
            _assert(keccak256(writeError) == keccak256(expected), "write: wrong error");
            _assert(_params.get(param) == before, "value changed on refusal");
            (uint256 count,) = ParameterLogs.changes(address(_params), uint256(param), before, value);
            _assert(count == 0, "history grew on refusal");
        } else {
            _assert(_params.get(param) == value, "value not written");
            (uint256 count, bool matches) = ParameterLogs.changes(address(_params), uint256(param), before, value);
            _assert(count == 1, "history did not grow by one event");
            _assert(matches, "history event wrong");
        }
    }

    /// @dev A value within `[min, max]` of any parameter is accepted (productivity: within the range).
    function testFuzz_inBoundsAccepted(uint8 rawParam, uint256 seed) public {
        Param param = Param(rawParam % PARAM_COUNT);
        (uint256 min, uint256 max,) = _bounds(param);
        uint256 value = min + (seed % (max - min + 1));
        if (param == Param.ProductivityMin) value = value % (_params.get(Param.ProductivityMax) + 1);
        _params.setParameter(param, value);
        _assert(_params.get(param) == value, "in-bound value refused");
    }

    /// @dev Only the admin (the governance executor) writes.
    function testFuzz_onlyAdminWrites(address caller, uint8 rawParam, uint256 value) public {
        if (caller == address(this) || caller == address(VM)) return;
        Param param = Param(rawParam % PARAM_COUNT);
        uint256 before = _params.get(param);
        VM.prank(caller);
        (bool ok, bytes memory err) =
            address(_params).call(abi.encodeCall(IRegionParameters.setParameter, (param, value)));
        _assert(!ok, "a stranger wrote");
        _assert(
            keccak256(err)
                == keccak256(abi.encodeWithSignature("AccessControlUnauthorizedAccount(address,bytes32)", caller, bytes32(0))),
            "wrong error"
        );
        _assert(_params.get(param) == before, "value changed");
    }

    function _expectedError(Param param, uint256 value) private view returns (bytes memory) {
        (uint256 min, uint256 max,) = _bounds(param);
        if (value < min || value > max) {
            return abi.encodeWithSelector(IRegionParameters.RegionParametersOutOfBounds.selector, param, value, min, max);
        }
        uint256 pMin = param == Param.ProductivityMin ? value : _params.get(Param.ProductivityMin);
        uint256 pMax = param == Param.ProductivityMax ? value : _params.get(Param.ProductivityMax);
        if (pMin > pMax) {
            return abi.encodeWithSelector(
                IRegionParameters.RegionParametersOutOfBounds.selector, Param.ProductivityMin, pMin, 0, pMax
            );
        }
        return "";
    }

    function _bounds(Param param) private view returns (uint256 min, uint256 max, Unit unit) {
        return _params.boundsOf(param);
    }

    /// @dev The propose-time check of one change, as a plain call that returns its error.
    function _check(Param param, uint256 value) private returns (bool ok, bytes memory err) {
        Param[] memory ps = new Param[](1);
        uint256[] memory vs = new uint256[](1);
        (ps[0], vs[0]) = (param, value);
        return address(_params).call(abi.encodeCall(IRegionParameters.checkValues, (ps, vs)));
    }

    function _assert(bool ok, string memory what) private pure {
        if (!ok) revert AssertionFailed(what);
    }

    error AssertionFailed(string what);
}
