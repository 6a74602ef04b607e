// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Bytes} from "@openzeppelin/contracts/utils/Bytes.sol";
import {IRegionParameters, Param} from "./IRegionParameters.sol";

/// @title ParameterCalls
/// @notice Reads the parameter changes out of a proposal's calls, so their bounds are checked when
/// the proposal is made rather than only when it is executed.
library ParameterCalls {
    /// @notice Gathers every setParameter/setParameters call aimed at `parameters` among
    /// `targets`/`calldatas` and checks them together, in order, with
    /// {IRegionParameters-checkValues}: a proposal that moves both ends of a range is judged whole.
    /// Reverts with the parameters' own errors; other calls are not inspected.
    function check(IRegionParameters parameters, address[] memory targets, bytes[] memory calldatas) internal view {
        uint256 n = 0;
        for (uint256 i = 0; i < targets.length && i < calldatas.length; ++i) {
            (Param[] memory p, uint256[] memory v) = _decode(parameters, targets[i], calldatas[i]);
            // a malformed setParameters is refused now with the parameters' own length error
            if (p.length != v.length) parameters.checkValues(p, v);
            n += p.length;
        }
        if (n == 0) return;
        Param[] memory params = new Param[](n);
        uint256[] memory values = new uint256[](n);
        uint256 k = 0;
        for (uint256 i = 0; i < targets.length && i < calldatas.length; ++i) {
            (Param[] memory p, uint256[] memory v) = _decode(parameters, targets[i], calldatas[i]);
            for (uint256 j = 0; j < p.length; ++j) {
                (params[k], values[k]) = (p[j], v[j]);
                ++k;
            }
        }
        parameters.checkValues(params, values);
    }

    /// @dev The changes one call makes (empty unless it is setParameter/setParameters on `parameters`).
    function _decode(IRegionParameters parameters, address target, bytes memory data)
        private
        pure
        returns (Param[] memory params, uint256[] memory values)
    {
        if (target != address(parameters) || data.length < 4) return (params, values);
        bytes4 selector = bytes4(data);
        if (selector == IRegionParameters.setParameter.selector) {
            (Param p, uint256 v) = abi.decode(Bytes.slice(data, 4), (Param, uint256));
            params = new Param[](1);
            values = new uint256[](1);
            (params[0], values[0]) = (p, v);
        } else if (selector == IRegionParameters.setParameters.selector) {
            (params, values) = abi.decode(Bytes.slice(data, 4), (Param[], uint256[]));
        }
    }
}
