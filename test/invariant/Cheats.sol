// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @notice The few Foundry cheatcodes these tests use; Hardhat's EDR serves them at this address.
interface Vm {
    struct Log {
        bytes32[] topics;
        bytes data;
        address emitter;
    }

    function warp(uint256 timestamp) external;
    function prank(address sender) external;
    function assume(bool condition) external;
    function recordLogs() external;
    function getRecordedLogs() external returns (Log[] memory);
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

/// @notice The history of regional parameters is their `ParameterChanged` events: these count the
/// events a call emitted for one parameter with the expected old and new value.
library ParameterLogs {
    bytes32 internal constant PARAMETER_CHANGED = keccak256("ParameterChanged(uint8,uint256,uint256)");

    /// @dev How many of the logs recorded since `VM.recordLogs()` are `ParameterChanged(param, ...)`
    /// from `emitter`, and whether the last of them carries (`oldValue`, `newValue`).
    function changes(address emitter, uint256 param, uint256 oldValue, uint256 newValue)
        internal
        returns (uint256 count, bool lastMatches)
    {
        Vm.Log[] memory logs = VM.getRecordedLogs();
        for (uint256 i = 0; i < logs.length; ++i) {
            Vm.Log memory l = logs[i];
            if (l.emitter != emitter || l.topics.length != 2 || l.topics[0] != PARAMETER_CHANGED) continue;
            if (uint256(l.topics[1]) != param) continue;
            ++count;
            (uint256 o, uint256 n) = abi.decode(l.data, (uint256, uint256));
            lastMatches = o == oldValue && n == newValue;
        }
    }
}
