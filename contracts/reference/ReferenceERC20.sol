// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ReferenceERC20 — a plain OpenZeppelin ERC-20, for gas benchmarks only
/// @notice Never deployed in a region. Benchmarks compare Conductor's actions with its `transfer`.
contract ReferenceERC20 is ERC20 {
    constructor(address holder, uint256 supply) ERC20("Reference", "REF") {
        _mint(holder, supply);
    }
}
