// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {Action, Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";
import {CalendarMonth} from "./CalendarMonth.sol";
import {IRegionalInventory} from "./IRegionalInventory.sol";

/// @title RegionalInventory
/// @notice See {IRegionalInventory}. Registered in the token as a Module allowed `Rent` only. The
/// governance executor holds `DEFAULT_ADMIN_ROLE` (adds items, sets costs, grants the bankruptcy
/// recorder role, authorises upgrades) and the bankruptcy recorder role.
contract RegionalInventory is IRegionalInventory, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    using EnumerableSet for EnumerableSet.UintSet;

    /// @inheritdoc IRegionalInventory
    bytes32 public constant BANKRUPTCY_RECORDER_ROLE = keccak256("BANKRUPTCY_RECORDER_ROLE");

    /// @custom:storage-location erc7201:conductor.storage.RegionalInventory
    struct InventoryStorage {
        uint256 itemCount;
        mapping(uint256 itemId => Item) items;
        mapping(address company => EnumerableSet.UintSet) leases;
        mapping(address company => bool) bankrupt;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.RegionalInventory")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x66d0640df1bc60f67f9338a866aec10db1803e7dd869baa9d66df7fea416e500;

    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IRSC public immutable rsc;

    function _s() private pure returns (InventoryStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(IRSC rsc_) {
        rsc = rsc_;
        _disableInitializers();
    }

    function initialize(address admin) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(BANKRUPTCY_RECORDER_ROLE, admin);
    }

    /// @inheritdoc IRegionalInventory
    function itemCount() external view returns (uint256) {
        return _s().itemCount;
    }

    /// @inheritdoc IRegionalInventory
    function item(uint256 itemId) external view returns (Item memory) {
        return _item(itemId);
    }

    /// @inheritdoc IRegionalInventory
    function leasesOf(address company) external view returns (uint256[] memory) {
        return _s().leases[company].values();
    }

    /// @inheritdoc IRegionalInventory
    function availableItems() external view returns (uint256[] memory ids) {
        InventoryStorage storage $ = _s();
        uint256 count = $.itemCount;
        ids = new uint256[](count);
        uint256 n;
        for (uint256 id = 1; id <= count; ++id) {
            if ($.items[id].lessee == address(0)) ids[n++] = id;
        }
        assembly {
            mstore(ids, n)
        }
    }

    /// @inheritdoc IRegionalInventory
    function isBankrupt(address company) external view returns (bool) {
        return _s().bankrupt[company];
    }

    /// @inheritdoc IRegionalInventory
    function addItem(string calldata name, address owner, uint128 monthlyCost)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
        returns (uint256 itemId)
    {
        Kind kind = rsc.kindOf(owner);
        if (kind != Kind.Region && kind != Kind.RegionalCompany) revert InventoryInvalidOwner(owner, kind);
        InventoryStorage storage $ = _s();
        itemId = ++$.itemCount;
        Item storage it = $.items[itemId];
        (it.name, it.owner, it.monthlyCost) = (name, owner, monthlyCost);
        emit ItemAdded(itemId, owner, name, monthlyCost);
    }

    /// @inheritdoc IRegionalInventory
    function setMonthlyCost(uint256 itemId, uint128 monthlyCost) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _item(itemId).monthlyCost = monthlyCost;
        emit MonthlyCostSet(itemId, monthlyCost);
    }

    /// @inheritdoc IRegionalInventory
    function lease(uint256 itemId) external {
        Item storage it = _item(itemId);
        Kind kind = rsc.kindOf(msg.sender);
        if (kind != Kind.Company && kind != Kind.RegionalCompany && kind != Kind.ExternalCompany) {
            revert InventoryNotACompany(msg.sender, kind);
        }
        InventoryStorage storage $ = _s();
        if ($.bankrupt[msg.sender]) revert InventoryCompanyBankrupt(msg.sender);
        if (it.lessee != address(0)) revert InventoryItemLeased(itemId, it.lessee);
        (it.lessee, it.paidMonth) = (msg.sender, 0);
        $.leases[msg.sender].add(itemId);
        emit Leased(itemId, msg.sender);
    }

    /// @inheritdoc IRegionalInventory
    function payLease(uint256 itemId) external returns (uint256 amount) {
        Item storage it = _item(itemId);
        if (msg.sender != it.lessee || msg.sender == address(0)) revert InventoryNotLessee(itemId, msg.sender);
        uint32 month = CalendarMonth.current();
        if (it.paidMonth == month + 1) revert InventoryLeaseAlreadyPaid(itemId, month);
        it.paidMonth = month + 1;
        amount = it.monthlyCost;
        if (amount != 0) rsc.move(Action.Rent, msg.sender, it.owner, amount, bytes32(itemId));
        emit LeasePaid(itemId, msg.sender, month, amount);
    }

    /// @inheritdoc IRegionalInventory
    function endLease(uint256 itemId) external {
        Item storage it = _item(itemId);
        if (msg.sender != it.lessee || msg.sender == address(0)) revert InventoryNotLessee(itemId, msg.sender);
        _endLease(itemId, it);
    }

    /// @inheritdoc IRegionalInventory
    function recordBankruptcy(address company) external onlyRole(BANKRUPTCY_RECORDER_ROLE) {
        InventoryStorage storage $ = _s();
        $.bankrupt[company] = true;
        EnumerableSet.UintSet storage set = $.leases[company];
        uint256 returned = set.length();
        while (set.length() != 0) {
            uint256 itemId = set.at(set.length() - 1);
            _endLease(itemId, $.items[itemId]);
        }
        emit BankruptcyRecorded(company, returned);
    }

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    function _endLease(uint256 itemId, Item storage it) private {
        address lessee = it.lessee;
        (it.lessee, it.paidMonth) = (address(0), 0);
        _s().leases[lessee].remove(itemId);
        emit LeaseEnded(itemId, lessee);
    }

    function _item(uint256 itemId) private view returns (Item storage) {
        if (itemId == 0 || itemId > _s().itemCount) revert InventoryUnknownItem(itemId);
        return _s().items[itemId];
    }
}
