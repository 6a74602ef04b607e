// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";
import {IPermissioning, Verdict} from "./IPermissioning.sol";

/// @title Permissioning
/// @notice See {IPermissioning}. `DEFAULT_ADMIN_ROLE` (the governance executor) keeps the lists,
/// grants `DEPLOYER_ROLE` and `OPERATOR_ROLE`, and upgrades.
/// @dev Answers are views over the token's packed account word ({IRSC-accountOf}): one external
/// call per side of the transaction, plus one storage read for the Conductor contract list.
contract Permissioning is IPermissioning, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    // ================================================================== constants

    /// @notice The role of accounts that may create contracts (and send anything while doing so).
    bytes32 public constant DEPLOYER_ROLE = keccak256("DEPLOYER_ROLE");

    /// @notice The role of keys that are not member accounts but run the region: registrars,
    /// custodian signers, keepers, the bridge relayer. They may call Conductor contracts and
    /// registered accounts like a member.
    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");

    /// @dev `"rules"` as a right-padded bytes32: the name Besu's permissioning ingress resolves.
    bytes32 private constant RULES_NAME = "rules";

    // ================================================================== storage

    /// @custom:storage-location erc7201:conductor.storage.Permissioning
    struct PermissioningStorage {
        IRSC rsc;
        uint256 nodeCount;
        mapping(address target => bool) conductorContracts;
        mapping(bytes32 nodeKey => bool) nodes;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.Permissioning")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0xf2910eeecf8e5c5fd193c018a2394c32b3a79b93b473e56668b25753386ee300;

    function _s() private pure returns (PermissioningStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    // ================================================================== constructor

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Initializes the proxy: `admin` governs, `deployer` may create contracts, answers come
    /// from `rsc_`; `conductorContracts` and `enodeIds` seed the two lists (emitting the same events
    /// as {setConductorContract} and {allowNode}).
    function initialize(
        address admin,
        address deployer,
        IRSC rsc_,
        address[] calldata conductorContracts,
        string[] calldata enodeIds
    ) external initializer {
        if (admin == address(0) || address(rsc_) == address(0)) revert PermissioningZeroAddress();
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        if (deployer != address(0)) _grantRole(DEPLOYER_ROLE, deployer);
        _s().rsc = rsc_;
        for (uint256 i; i < conductorContracts.length; ++i) {
            _setConductorContract(conductorContracts[i], true);
        }
        for (uint256 i; i < enodeIds.length; ++i) {
            _allowNode(enodeIds[i]);
        }
    }

    // ================================================================== views

    /// @inheritdoc IPermissioning
    function transactionAllowed(address sender, address target, uint256, uint256, uint256, bytes calldata)
        external
        view
        returns (bool)
    {
        return _verdict(sender, target) == Verdict.Allowed;
    }

    /// @inheritdoc IPermissioning
    function transactionAllowedReason(address sender, address target, uint256, uint256, uint256, bytes calldata)
        external
        view
        returns (Verdict)
    {
        return _verdict(sender, target);
    }

    /// @inheritdoc IPermissioning
    function connectionAllowed(string calldata enodeId, string calldata, uint16) external view returns (bool) {
        (bool valid, bytes32 key) = _nodeKey(enodeId);
        return valid && _s().nodes[key];
    }

    /// @inheritdoc IPermissioning
    function isConductorContract(address target) external view returns (bool) {
        return _s().conductorContracts[target];
    }

    /// @inheritdoc IPermissioning
    function isNodeAllowed(string calldata enodeId) external view returns (bool) {
        (bool valid, bytes32 key) = _nodeKey(enodeId);
        return valid && _s().nodes[key];
    }

    /// @inheritdoc IPermissioning
    function nodeCount() external view returns (uint256) {
        return _s().nodeCount;
    }

    /// @inheritdoc IPermissioning
    function rsc() external view returns (address) {
        return address(_s().rsc);
    }

    /// @inheritdoc IPermissioning
    function getContractAddress(bytes32 name) external view returns (address) {
        return name == RULES_NAME ? address(this) : address(0);
    }

    // ================================================================== governance writes

    /// @inheritdoc IPermissioning
    function setConductorContract(address target, bool allowed) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setConductorContract(target, allowed);
    }

    /// @inheritdoc IPermissioning
    function allowNode(string calldata enodeId) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _allowNode(enodeId);
    }

    /// @inheritdoc IPermissioning
    function removeNode(string calldata enodeId) external onlyRole(DEFAULT_ADMIN_ROLE) {
        PermissioningStorage storage $ = _s();
        (bool valid, bytes32 key) = _nodeKey(enodeId);
        if (!valid) revert PermissioningInvalidEnodeId(enodeId);
        if (!$.nodes[key]) revert PermissioningNodeNotAllowed(enodeId);
        $.nodes[key] = false;
        --$.nodeCount;
        emit NodeRemoved(key, enodeId);
    }

    // ================================================================== internal

    function _verdict(address sender, address target) internal view returns (Verdict) {
        if (hasRole(DEPLOYER_ROLE, sender)) return Verdict.Allowed;
        if (target == address(0)) return Verdict.CreationReservedToDeployers;
        PermissioningStorage storage $ = _s();
        IRSC.Account memory from = $.rsc.accountOf(sender);
        if (from.suspended) return Verdict.SenderSuspended;
        if (from.kind == Kind.None && !hasRole(OPERATOR_ROLE, sender)) return Verdict.SenderNotRegistered;
        if ($.conductorContracts[target]) return Verdict.Allowed;
        IRSC.Account memory to = $.rsc.accountOf(target);
        if (to.kind == Kind.None) return Verdict.TargetNotAllowed;
        if (to.suspended) return Verdict.TargetSuspended;
        return Verdict.Allowed;
    }

    function _setConductorContract(address target, bool allowed) internal {
        if (target == address(0)) revert PermissioningZeroAddress();
        PermissioningStorage storage $ = _s();
        if ($.conductorContracts[target] == allowed) revert PermissioningContractUnchanged(target, allowed);
        $.conductorContracts[target] = allowed;
        emit ConductorContractSet(target, allowed);
    }

    function _allowNode(string calldata enodeId) internal {
        PermissioningStorage storage $ = _s();
        (bool valid, bytes32 key) = _nodeKey(enodeId);
        if (!valid) revert PermissioningInvalidEnodeId(enodeId);
        if ($.nodes[key]) revert PermissioningNodeAlreadyAllowed(enodeId);
        $.nodes[key] = true;
        ++$.nodeCount;
        emit NodeAllowed(key, enodeId);
    }

    /// @dev keccak256 of the 64-byte public key written as 128 hex digits (optional `0x`, any case),
    /// so that `AB…` and `0xab…` name the same node. `valid` is false for any other string.
    function _nodeKey(string calldata enodeId) internal pure returns (bool valid, bytes32 key) {
        bytes calldata s = bytes(enodeId);
        uint256 start;
        if (s.length == 130 && s[0] == "0" && (s[1] == "x" || s[1] == "X")) start = 2;
        else if (s.length != 128) return (false, bytes32(0));
        bytes memory raw = new bytes(64);
        for (uint256 i; i < 64; ++i) {
            (bool okHi, uint8 hi) = _hexDigit(s[start + 2 * i]);
            (bool okLo, uint8 lo) = _hexDigit(s[start + 2 * i + 1]);
            if (!okHi || !okLo) return (false, bytes32(0));
            raw[i] = bytes1((hi << 4) | lo);
        }
        return (true, keccak256(raw));
    }

    function _hexDigit(bytes1 c) private pure returns (bool, uint8) {
        uint8 b = uint8(c);
        if (b >= 0x30 && b <= 0x39) return (true, b - 0x30);
        if (b >= 0x61 && b <= 0x66) return (true, b - 0x57);
        if (b >= 0x41 && b <= 0x46) return (true, b - 0x37);
        return (false, 0);
    }

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}
}
