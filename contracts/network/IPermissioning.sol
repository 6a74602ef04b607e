// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @notice Why {IPermissioning-transactionAllowedReason} answered as it did. `Allowed` is the only
/// verdict that lets a transaction in.
enum Verdict {
    Allowed,
    SenderNotRegistered,
    SenderSuspended,
    CreationReservedToDeployers,
    TargetNotAllowed,
    TargetSuspended
}

/// @title IPermissioning — who may transact on the region's chain, and which nodes may join
/// @notice The region's chain is permissioned. This contract answers the two questions a node asks:
/// may this transaction enter the chain ({transactionAllowed}), and may this peer connect
/// ({connectionAllowed}). Both answers come from the region's own registry (the kinds and
/// suspensions stored in the token, {IRSC-accountOf}) and from lists governance keeps here.
///
/// Who consults it:
/// - On Hyperledger Besu (the chain at scale), a permissioning plugin. Besu deprecated its built-in
///   onchain permissioning in 24.12.0 and removed it, with the `--permissions-accounts-contract-*` /
///   `--permissions-nodes-contract-*` flags, in 2025 (besu PR #8597); the plugin API's
///   `PermissioningService` (node connection, transaction and message permissioning providers;
///   transaction permissioning added by besu PR #8365) replaces them.
///   The open-source RBB plugin (github.com/RBBNet/besu-permissioning-plugin, Besu 25.12+) simulates
///   `transactionAllowed(address,address,uint256,uint256,uint256,bytes)` and the "V2" per-enode
///   `connectionAllowed(string,string,uint16)` against the latest state through Besu's
///   `TransactionSimulationService`, after resolving the rules contract with
///   `getContractAddress("rules")` on the address it is configured with. {getContractAddress}
///   answers that call with this contract's own address, so the plugin can be pointed at this proxy
///   directly. Not run here: Besu cannot run on the development machine (see network/README).
/// - On the embedded node (Hardhat EDR), Conductor's JSON-RPC gateway (`scripts/gateway/`) calls
///   {transactionAllowedReason} before it forwards `eth_sendRawTransaction` / `eth_sendTransaction`.
///
/// The rules, in the order they are checked:
/// 1. a holder of `DEPLOYER_ROLE` may send anything (deployments and their wiring calls target
///    contracts that are not registered yet);
/// 2. contract creation (target = 0) is reserved to deployers;
/// 3. the sender must be a registered account (any kind) or hold `OPERATOR_ROLE` (registrars,
///    custodian signers, keepers, the bridge relayer: keys that are not member accounts); a
///    suspended account is refused even when it also holds `OPERATOR_ROLE`;
/// 4. the target must be a Conductor contract (kind Module, Region or Bridge in the registry, or an
///    address governance listed with {setConductorContract}: RSC, Registry, Governor, Safes …) or a
///    registered account, and must not be suspended.
/// Value, gas price, gas limit and payload are not used: the chain has free gas, and what a call
/// may do is the business of the contract called.
interface IPermissioning {
    // ------------------------------------------------------------------ events

    /// @notice Emitted when governance lists (`allowed`) or unlists a Conductor contract address.
    event ConductorContractSet(address indexed target, bool allowed);

    /// @notice Emitted when a node joins the allowlist. `nodeKey` is keccak256 of the 64-byte node
    /// public key; `enodeId` is that key as 128 hex digits.
    event NodeAllowed(bytes32 indexed nodeKey, string enodeId);

    /// @notice Emitted when a node leaves the allowlist.
    event NodeRemoved(bytes32 indexed nodeKey, string enodeId);

    // ------------------------------------------------------------------ errors

    /// @notice Thrown when a zero address is given where a contract or account is required.
    error PermissioningZeroAddress();

    /// @notice Thrown when a Conductor contract is listed or unlisted to the state it already has.
    error PermissioningContractUnchanged(address target, bool allowed);

    /// @notice Thrown when an enode id is not 128 hex digits (optionally 0x-prefixed).
    error PermissioningInvalidEnodeId(string enodeId);

    /// @notice Thrown when a node that is already allowed would be added again.
    error PermissioningNodeAlreadyAllowed(string enodeId);

    /// @notice Thrown when a node that is not allowed would be removed.
    error PermissioningNodeNotAllowed(string enodeId);

    // ------------------------------------------------------------------ views

    /// @notice Whether a transaction from `sender` to `target` (0 = contract creation) may enter
    /// the chain. Same answer as `transactionAllowedReason(...) == Verdict.Allowed`.
    function transactionAllowed(
        address sender,
        address target,
        uint256 value,
        uint256 gasPrice,
        uint256 gasLimit,
        bytes calldata payload
    ) external view returns (bool);

    /// @notice The verdict on a transaction, with the reason when it is refused (for the gateway's
    /// error message). Arguments as {transactionAllowed}.
    function transactionAllowedReason(
        address sender,
        address target,
        uint256 value,
        uint256 gasPrice,
        uint256 gasLimit,
        bytes calldata payload
    ) external view returns (Verdict);

    /// @notice Whether the node `enodeId` (128 hex digits of its public key, `0x` optional, any case)
    /// may connect. The allowlist is by node key only: `ip` and `port` are not checked, so a node
    /// may move (Kubernetes, NAT) without a governance vote. A malformed id is not allowed.
    function connectionAllowed(string calldata enodeId, string calldata ip, uint16 port)
        external
        view
        returns (bool);

    /// @notice Whether `target` is listed as a Conductor contract by governance.
    function isConductorContract(address target) external view returns (bool);

    /// @notice Whether the node `enodeId` is on the allowlist.
    function isNodeAllowed(string calldata enodeId) external view returns (bool);

    /// @notice The number of allowed nodes.
    function nodeCount() external view returns (uint256);

    /// @notice The token whose accounts (kind, suspension) the answers are read from.
    function rsc() external view returns (address);

    /// @notice The ingress lookup of Besu's onchain-permissioning contracts (EEA client spec),
    /// which the permissioning plugin calls first: answers this contract for `"rules"` (the name
    /// as a right-padded bytes32) and the zero address for any other name.
    function getContractAddress(bytes32 name) external view returns (address);

    // ------------------------------------------------------------------ governance writes

    /// @notice Lists (`allowed` = true) or unlists a Conductor contract that has no kind in the
    /// registry (RSC, Registry, RegionParameters, Governor, the region's Safes …). Only governance.
    /// Emits {ConductorContractSet}.
    function setConductorContract(address target, bool allowed) external;

    /// @notice Adds the node `enodeId` to the allowlist. Only governance. Emits {NodeAllowed}.
    function allowNode(string calldata enodeId) external;

    /// @notice Removes the node `enodeId` from the allowlist. Only governance. Emits {NodeRemoved}.
    function removeNode(string calldata enodeId) external;
}
