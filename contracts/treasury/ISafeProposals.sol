// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ISafeOwners} from "./ISafeOwners.sol";

/// @title ISafeProposals — a public board of a Safe's pending multi-signer transactions
/// @notice A Safe keeps only `approvedHashes`: a signer cannot learn from the chain which
/// transaction is waiting for them. On this board an owner of a Safe posts a transaction it
/// proposes (to, value, data, operation, Safe nonce; no gas refund: safeTxGas, baseGas, gasPrice
/// 0, gasToken and refundReceiver the zero address). The board computes the hash with the Safe's
/// own `getTransactionHash` and stores and emits the full call, so anyone can decode it. Owners
/// then approve either on-chain (`Safe.approveHash`) or by posting their EIP-712 signature here,
/// which the board checks against the Safe's owners. A proposal is pending while its nonce is at
/// least the Safe's current nonce; once the Safe executes that nonce (this transaction or
/// another one) it is no longer pending. The board never executes anything and holds nothing.
interface ISafeProposals {
    /// @notice A transaction proposed for a Safe (no gas refund).
    /// @param to The address the Safe calls.
    /// @param value Native value sent with the call, in wei.
    /// @param data The call data.
    /// @param operation 0 = call, 1 = delegatecall.
    /// @param nonce The Safe nonce the transaction is for.
    struct SafeCall {
        address to;
        uint256 value;
        bytes data;
        uint8 operation;
        uint256 nonce;
    }

    /// @notice A proposed Safe transaction.
    /// @param safe The Safe that would execute it.
    /// @param operation 0 = call, 1 = delegatecall.
    /// @param postedAt When it was posted (block timestamp).
    /// @param to The address the Safe calls.
    /// @param proposer The owner who posted it.
    /// @param value Native value sent with the call, in wei.
    /// @param nonce The Safe nonce the transaction is for.
    /// @param data The call data.
    struct Proposal {
        // slot 0
        address safe;
        uint8 operation;
        uint48 postedAt;
        // slot 1
        address to;
        // slot 2
        address proposer;
        // slot 3
        uint256 value;
        // slot 4
        uint256 nonce;
        // slot 5+
        bytes data;
    }

    /// @notice Emitted when `proposer`, an owner of `safe`, posts the transaction `safeTxHash`.
    /// @param value Native value in wei.
    event ProposalPosted(
        address indexed safe,
        bytes32 indexed safeTxHash,
        uint256 indexed nonce,
        address proposer,
        address to,
        uint256 value,
        bytes data,
        uint8 operation
    );

    /// @notice Emitted when `owner`'s EIP-712 signature of `safeTxHash` is posted (by anyone).
    event SignaturePosted(address indexed safe, bytes32 indexed safeTxHash, address indexed owner, bytes signature);

    /// @notice Thrown when `account` posts to the board of `safe` without being one of its owners.
    error SafeProposalsNotOwner(address safe, address account);

    /// @notice Thrown when a proposal's nonce is below the Safe's current nonce (already used).
    error SafeProposalsStaleNonce(address safe, uint256 nonce, uint256 currentNonce);

    /// @notice Thrown when the same transaction (same hash) is posted twice: approve it instead.
    error SafeProposalsAlreadyPosted(bytes32 safeTxHash, address proposer);

    /// @notice Thrown when no proposal with this hash was posted.
    error SafeProposalsUnknown(bytes32 safeTxHash);

    /// @notice Thrown when the operation is neither 0 (call) nor 1 (delegatecall).
    error SafeProposalsInvalidOperation(uint8 operation);

    /// @notice Thrown when a signature is not a 65-byte ECDSA signature of `safeTxHash`.
    error SafeProposalsInvalidSignature(bytes32 safeTxHash, bytes signature);

    /// @notice Thrown when a signature recovers to `signer`, who is not an owner of `safe`.
    error SafeProposalsSignerNotOwner(address safe, address signer);

    /// @notice Thrown when `owner`'s signature of `safeTxHash` is already on the board.
    error SafeProposalsAlreadySigned(bytes32 safeTxHash, address owner);

    /// @notice Thrown when a signature is posted for a proposal that is no longer pending.
    error SafeProposalsNotPending(bytes32 safeTxHash, uint256 nonce, uint256 currentNonce);

    /// @notice Thrown when a page starts past the end of a Safe's proposals.
    error SafeProposalsOutOfRange(address safe, uint256 start, uint256 count);

    /// @notice The proposal with hash `safeTxHash`. Reverts {SafeProposalsUnknown} if none.
    function proposal(bytes32 safeTxHash) external view returns (Proposal memory);

    /// @notice How many proposals were ever posted for `safe` (pending or not).
    function proposalCount(address safe) external view returns (uint256);

    /// @notice Up to `max` hashes of `safe`'s proposals from index `start`, in posting order.
    /// @dev Requirements: `start` <= {proposalCount}.
    function proposalsOf(address safe, uint256 start, uint256 max) external view returns (bytes32[] memory hashes);

    /// @notice Whether `safeTxHash` was posted and its nonce is at least the Safe's current nonce.
    function isPending(bytes32 safeTxHash) external view returns (bool);

    /// @notice The pending proposals of `safe` among indices [`start`, `start` + `max`), in posting order.
    /// @dev Requirements: `start` <= {proposalCount}.
    function pendingOf(address safe, uint256 start, uint256 max) external view returns (bytes32[] memory hashes);

    /// @notice The owners whose signatures of `safeTxHash` were posted, and those signatures,
    /// in posting order (an owner removed from the Safe since still appears; readers check).
    function signaturesOf(bytes32 safeTxHash)
        external
        view
        returns (address[] memory owners, bytes[] memory signatures);

    /// @notice How many current owners of the Safe approved `safeTxHash`: on-chain with
    /// `approveHash`, or by a signature posted here (each owner counted once).
    function approvalCount(bytes32 safeTxHash) external view returns (uint256);

    /// @notice Posts a transaction `call` for `safe` to execute at `call.nonce`, and optionally the caller's
    /// (or another owner's) EIP-712 signature of it.
    /// @dev Requirements: the caller is an owner of `safe`; `call.nonce` >= the Safe's nonce;
    /// `call.operation` is 0 or 1; the same transaction was not posted before; `signature` is empty or
    /// a valid signature by an owner. Emits {ProposalPosted}, and {SignaturePosted} with a signature.
    /// @return safeTxHash The Safe's hash of the transaction (what owners sign or approve).
    function propose(ISafeOwners safe, SafeCall calldata call, bytes calldata signature)
        external
        returns (bytes32 safeTxHash);

    /// @notice Posts an owner's EIP-712 signature (65 bytes r, s, v with v 27 or 28) of a pending
    /// proposal. Anyone may relay it: the signature itself proves the owner.
    /// @dev Requirements: the proposal exists and is pending; the signature recovers to an owner of
    /// the Safe who has not posted one for it yet. Emits {SignaturePosted}.
    /// @return owner The owner who signed.
    function postSignature(bytes32 safeTxHash, bytes calldata signature) external returns (address owner);
}
