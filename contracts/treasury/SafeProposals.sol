// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {ISafeOwners} from "./ISafeOwners.sol";
import {ISafeProposals} from "./ISafeProposals.sol";

/// @title SafeProposals — the board of pending Safe transactions
/// @notice Not upgradeable and without any admin, on purpose: the board holds no funds, grants no
/// rights and executes nothing; every write is checked against the Safe's own owners, so there
/// is no one who should be able to change its rules. A better board is a new deployment (the old
/// one's history stays readable), not an upgrade that someone would have to be trusted with.
contract SafeProposals is ISafeProposals {
    /*//////////////////////////////////////////////////////////////
                                 STATE
    //////////////////////////////////////////////////////////////*/

    /// @dev safeTxHash => proposal (proposer zero: never posted).
    mapping(bytes32 safeTxHash => Proposal) private _proposals;

    /// @dev Safe => hashes of its proposals, in posting order.
    mapping(address safe => bytes32[]) private _bySafe;

    /// @dev safeTxHash => owners who posted signatures, in posting order.
    mapping(bytes32 safeTxHash => address[]) private _signers;

    /// @dev safeTxHash => owner => signature.
    mapping(bytes32 safeTxHash => mapping(address owner => bytes)) private _signatures;

    /*//////////////////////////////////////////////////////////////
                             EXTERNAL VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc ISafeProposals
    function proposal(bytes32 safeTxHash) external view returns (Proposal memory) {
        return _posted(safeTxHash);
    }

    /// @inheritdoc ISafeProposals
    function proposalCount(address safe) external view returns (uint256) {
        return _bySafe[safe].length;
    }

    /// @inheritdoc ISafeProposals
    function proposalsOf(address safe, uint256 start, uint256 max) external view returns (bytes32[] memory hashes) {
        bytes32[] storage all = _bySafe[safe];
        uint256 end = _pageEnd(safe, all.length, start, max);
        hashes = new bytes32[](end - start);
        for (uint256 i = start; i < end; ++i) {
            hashes[i - start] = all[i];
        }
    }

    /// @inheritdoc ISafeProposals
    function isPending(bytes32 safeTxHash) external view returns (bool) {
        Proposal storage p = _proposals[safeTxHash];
        return p.proposer != address(0) && p.nonce >= ISafeOwners(p.safe).nonce();
    }

    /// @inheritdoc ISafeProposals
    function pendingOf(address safe, uint256 start, uint256 max) external view returns (bytes32[] memory hashes) {
        bytes32[] storage all = _bySafe[safe];
        uint256 end = _pageEnd(safe, all.length, start, max);
        uint256 current = ISafeOwners(safe).nonce();
        hashes = new bytes32[](end - start);
        uint256 found;
        for (uint256 i = start; i < end; ++i) {
            if (_proposals[all[i]].nonce >= current) hashes[found++] = all[i];
        }
        // Shrink the array to the pending ones (found <= its allocated length).
        assembly ("memory-safe") {
            mstore(hashes, found)
        }
    }

    /// @inheritdoc ISafeProposals
    function signaturesOf(bytes32 safeTxHash)
        external
        view
        returns (address[] memory owners, bytes[] memory signatures)
    {
        owners = _signers[safeTxHash];
        signatures = new bytes[](owners.length);
        for (uint256 i; i < owners.length; ++i) {
            signatures[i] = _signatures[safeTxHash][owners[i]];
        }
    }

    /// @inheritdoc ISafeProposals
    function approvalCount(bytes32 safeTxHash) external view returns (uint256 count) {
        ISafeOwners safe = ISafeOwners(_posted(safeTxHash).safe);
        address[] memory owners = safe.getOwners();
        for (uint256 i; i < owners.length; ++i) {
            bool signed = _signatures[safeTxHash][owners[i]].length != 0;
            if (signed || safe.approvedHashes(owners[i], safeTxHash) != 0) ++count;
        }
    }

    /*//////////////////////////////////////////////////////////////
                            EXTERNAL WRITES
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc ISafeProposals
    function propose(ISafeOwners safe, SafeCall calldata call, bytes calldata signature)
        external
        returns (bytes32 safeTxHash)
    {
        if (!safe.isOwner(msg.sender)) revert SafeProposalsNotOwner(address(safe), msg.sender);
        if (call.operation > 1) revert SafeProposalsInvalidOperation(call.operation);
        uint256 current = safe.nonce();
        if (call.nonce < current) revert SafeProposalsStaleNonce(address(safe), call.nonce, current);
        safeTxHash = _safeTxHash(safe, call);
        address earlier = _proposals[safeTxHash].proposer;
        if (earlier != address(0)) revert SafeProposalsAlreadyPosted(safeTxHash, earlier);

        _proposals[safeTxHash] = Proposal({
            safe: address(safe),
            operation: call.operation,
            postedAt: uint48(block.timestamp),
            to: call.to,
            proposer: msg.sender,
            value: call.value,
            nonce: call.nonce,
            data: call.data
        });
        _bySafe[address(safe)].push(safeTxHash);
        emit ProposalPosted(
            address(safe), safeTxHash, call.nonce, msg.sender, call.to, call.value, call.data, call.operation
        );

        if (signature.length != 0) _postSignature(safe, safeTxHash, signature);
    }

    /// @inheritdoc ISafeProposals
    function postSignature(bytes32 safeTxHash, bytes calldata signature) external returns (address owner) {
        Proposal storage p = _posted(safeTxHash);
        ISafeOwners safe = ISafeOwners(p.safe);
        uint256 current = safe.nonce();
        if (p.nonce < current) revert SafeProposalsNotPending(safeTxHash, p.nonce, current);
        return _postSignature(safe, safeTxHash, signature);
    }

    /*//////////////////////////////////////////////////////////////
                                PRIVATE
    //////////////////////////////////////////////////////////////*/

    /// @dev Verifies an EIP-712 signature of `safeTxHash` (the Safe's typed-data digest) by an
    /// owner of `safe` and records it. OpenZeppelin's ECDSA refuses malleable (high-s) signatures.
    function _postSignature(ISafeOwners safe, bytes32 safeTxHash, bytes calldata signature)
        private
        returns (address owner)
    {
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecoverCalldata(safeTxHash, signature);
        if (err != ECDSA.RecoverError.NoError) revert SafeProposalsInvalidSignature(safeTxHash, signature);
        if (!safe.isOwner(signer)) revert SafeProposalsSignerNotOwner(address(safe), signer);
        if (_signatures[safeTxHash][signer].length != 0) revert SafeProposalsAlreadySigned(safeTxHash, signer);
        _signatures[safeTxHash][signer] = signature;
        _signers[safeTxHash].push(signer);
        emit SignaturePosted(address(safe), safeTxHash, signer, signature);
        return signer;
    }

    /// @dev The Safe's own hash of `call` (no gas refund), so it always matches what it executes.
    function _safeTxHash(ISafeOwners safe, SafeCall calldata call) private view returns (bytes32) {
        return safe.getTransactionHash(
            call.to, call.value, call.data, call.operation, 0, 0, 0, address(0), address(0), call.nonce
        );
    }

    /// @dev The posted proposal `safeTxHash`, or {SafeProposalsUnknown}.
    function _posted(bytes32 safeTxHash) private view returns (Proposal storage p) {
        p = _proposals[safeTxHash];
        if (p.proposer == address(0)) revert SafeProposalsUnknown(safeTxHash);
    }

    /// @dev The end index of a page [start, start + max) of `count` proposals, clamped to `count`.
    function _pageEnd(address safe, uint256 count, uint256 start, uint256 max) private pure returns (uint256) {
        if (start > count) revert SafeProposalsOutOfRange(safe, start, count);
        return max > count - start ? count : start + max;
    }
}
