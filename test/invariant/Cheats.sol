// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @notice The few Foundry cheatcodes these tests use; Hardhat's EDR serves them at this address.
interface Vm {
    function warp(uint256 timestamp) external;
    function prank(address sender) external;
    function assume(bool condition) external;
}

Vm constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

/// @notice Assertions for Solidity tests (there is no forge-std here).
library Assert {
    error AssertionFailed(string what, uint256 left, uint256 right);

    function eq(uint256 left, uint256 right, string memory what) internal pure {
        if (left != right) revert AssertionFailed(what, left, right);
    }

    function le(uint256 left, uint256 right, string memory what) internal pure {
        if (left > right) revert AssertionFailed(what, left, right);
    }

    function isTrue(bool condition, string memory what) internal pure {
        if (!condition) revert AssertionFailed(what, 0, 1);
    }

    function eqBytes(bytes memory left, bytes memory right, string memory what) internal pure {
        if (keccak256(left) != keccak256(right)) revert AssertionFailed(what, left.length, right.length);
    }
}
