// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Param} from "./IRegionParameters.sol";

/// @title IParameterListener
/// @notice A contract that keeps its own copy of some regional parameters, so that reading them
/// on every movement costs no call (the token's tax rates and profit-at-rest delays, the payroll's
/// productivity range). RegionParameters calls it in the same transaction as every change of a
/// parameter it listens to, so the copy can never be stale.
interface IParameterListener {
    /// @notice `param` is now `value`. Only the region's RegionParameters may call this.
    function parameterChanged(Param param, uint256 value) external;
}
