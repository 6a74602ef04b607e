// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title ISafeOwners — the part of a Safe 1.4.1 the proposal board reads
/// @notice Declared here (rather than importing the Safe) so the board depends only on the view
/// functions it calls. `operation` is the Safe's `Enum.Operation` (0 = call, 1 = delegatecall),
/// ABI-encoded as uint8, so the selectors are the Safe's own.
interface ISafeOwners {
    /// @notice Whether `owner` is one of the Safe's owners.
    function isOwner(address owner) external view returns (bool);

    /// @notice The Safe's owners.
    function getOwners() external view returns (address[] memory);

    /// @notice How many owners must approve a transaction.
    function getThreshold() external view returns (uint256);

    /// @notice The nonce of the next transaction the Safe will execute.
    function nonce() external view returns (uint256);

    /// @notice Non-zero when `owner` approved `hash` on-chain (`approveHash`).
    function approvedHashes(address owner, bytes32 hash) external view returns (uint256);

    /// @notice The EIP-712 hash of a Safe transaction, as owners sign it.
    function getTransactionHash(
        address to,
        uint256 value,
        bytes calldata data,
        uint8 operation,
        uint256 safeTxGas,
        uint256 baseGas,
        uint256 gasPrice,
        address gasToken,
        address refundReceiver,
        uint256 _nonce
    ) external view returns (bytes32);
}
