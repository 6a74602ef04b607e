// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IParameterListener} from "../governance/IParameterListener.sol";
import {Param} from "../governance/IRegionParameters.sol";

/// @notice Test double of a parameter listener: counts what it hears, and can refuse.
contract TestParameterListener is IParameterListener {
    event Heard(Param param, uint256 value);

    error Refused();

    address public immutable source;
    uint256 public heard;
    bool public refusing;

    constructor(address source_) {
        source = source_;
    }

    function setRefusing(bool refusing_) external {
        refusing = refusing_;
    }

    function parameterChanged(Param param, uint256 value) external {
        if (refusing || msg.sender != source) revert Refused();
        ++heard;
        emit Heard(param, value);
    }
}
