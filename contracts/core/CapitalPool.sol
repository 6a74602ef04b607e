// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {IRegionParameters} from "../governance/IRegionParameters.sol";
import {Action, Kind} from "./ConductorTypes.sol";
import {ICapitalPool} from "./ICapitalPool.sol";
import {IRSC} from "./IRSC.sol";

/// @title CapitalPool
/// @notice See {ICapitalPool}. Registered in the token as the region's `Region` account.
contract CapitalPool is ICapitalPool, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    /// @custom:storage-location erc7201:conductor.storage.CapitalPool
    struct CapitalPoolStorage {
        IRSC rsc;
        IRegionParameters params;
        mapping(uint56 memberId => uint48) nextClaimAt;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.CapitalPool")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x1226eb17eb912cb9775c67e8d54188d60f7354e46036b631d8e73418e44c0000;

    function _s() private pure returns (CapitalPoolStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address admin, IRSC rsc_, IRegionParameters params_) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        CapitalPoolStorage storage $ = _s();
        $.rsc = rsc_;
        $.params = params_;
    }

    /// @inheritdoc ICapitalPool
    function nextUbiClaimAt(uint56 memberId) external view returns (uint48) {
        return _s().nextClaimAt[memberId];
    }

    /// @inheritdoc ICapitalPool
    function balance() public view returns (uint256) {
        return _s().rsc.balanceOf(address(this));
    }

    /// @inheritdoc ICapitalPool
    function claimUbi() external returns (uint256 amount) {
        CapitalPoolStorage storage $ = _s();
        IRSC.Account memory member = $.rsc.accountOf(msg.sender);
        if (member.kind != Kind.Person || member.suspended) revert CapitalPoolNotAMember(msg.sender);
        uint56 memberId = member.tag;
        uint48 next = $.nextClaimAt[memberId];
        if (block.timestamp < next) revert CapitalPoolUbiAlreadyClaimed(memberId, next);
        amount = $.params.ubiAmount();
        if (amount == 0) revert CapitalPoolUbiDisabled();
        uint256 available = $.rsc.balanceOf(address(this));
        if (available < amount) revert CapitalPoolInsufficientFunds(amount, available);
        next = uint48(block.timestamp + $.params.ubiPeriod());
        $.nextClaimAt[memberId] = next;
        $.rsc.move(Action.Ubi, address(this), msg.sender, amount, bytes32(uint256(memberId)));
        emit UbiClaimed(msg.sender, memberId, amount, next);
    }

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}
}
