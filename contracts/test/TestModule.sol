// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Action} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";

/// @title TestModule — a test double that performs any typed action
/// @notice Forwards {IRSC-move} unchanged, so that tests can drive every `(action, from, to)` triple
/// through the token's real checks. Governance registers it with the actions it may perform.
contract TestModule {
    IRSC public immutable rsc;

    constructor(IRSC rsc_) {
        rsc = rsc_;
    }

    /// @notice Calls `rsc.move(action, from, to, amount, ref)` as this module.
    function move(Action action, address from, address to, uint256 amount, bytes32 ref) external {
        rsc.move(action, from, to, amount, ref);
    }

    /// @notice Calls `rsc.moveTaxed(...)` as this module.
    function moveTaxed(Action action, address from, address to, uint256 amount, address taxTo, bytes32 ref)
        external
        returns (uint256 net, uint256 tax)
    {
        return rsc.moveTaxed(action, from, to, amount, taxTo, ref);
    }
}
