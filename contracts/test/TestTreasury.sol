// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title TestTreasury — a test double for a company's contract treasury
/// @notice Companies and regionally-operated companies must be contracts (multi-signer accounts).
/// This one lets its owner make it call anything, so tests can have a company act (hire, approve,
/// try a direct transfer) without a full Safe.
contract TestTreasury {
    /// @notice Thrown when someone other than the owner would make the treasury call out.
    error TestTreasuryNotOwner(address caller);

    address public immutable owner;

    constructor(address owner_) {
        owner = owner_;
    }

    /// @notice Calls `target` with `data` from this treasury and returns what it returned.
    function execute(address target, bytes calldata data) external returns (bytes memory) {
        if (msg.sender != owner) revert TestTreasuryNotOwner(msg.sender);
        return Address.functionCall(target, data);
    }
}
