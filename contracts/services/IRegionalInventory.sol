// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "../core/ConductorTypes.sol";

/// @title IRegionalInventory — the region's equipment and facilities (seed chapters 2, 11)
/// @notice A public register of what the region owns (factories, commercial space, machinery,
/// trucks …). Governance adds items, each owned by the capital pool or a regional company, with an
/// at-cost monthly lease. A company leases an available item and pays each UTC calendar month's
/// lease as the `Rent` action (lessee → owner). When a company goes bankrupt, the bankruptcy
/// recorder (governance or the registrar it names) records it: every lease of the company ends and
/// its items are available again; a bankrupt company cannot lease.
interface IRegionalInventory {
    struct Item {
        string name;
        address owner; // the capital pool or a RegionalCompany; receives the lease
        uint128 monthlyCost; // RSC wei per month, at cost
        address lessee; // zero when available
        uint32 paidMonth; // month index + 1 of the last lease paid by the current lessee (0: none)
    }

    event ItemAdded(uint256 indexed itemId, address indexed owner, string name, uint256 monthlyCost);
    event MonthlyCostSet(uint256 indexed itemId, uint256 monthlyCost);
    event Leased(uint256 indexed itemId, address indexed lessee);
    event LeaseEnded(uint256 indexed itemId, address indexed lessee);
    event LeasePaid(uint256 indexed itemId, address indexed lessee, uint32 indexed month, uint256 amount);
    event BankruptcyRecorded(address indexed company, uint256 itemsReturned);

    error InventoryInvalidOwner(address owner, Kind kind);
    error InventoryUnknownItem(uint256 itemId);
    error InventoryNotACompany(address account, Kind kind);
    error InventoryCompanyBankrupt(address company);
    error InventoryItemLeased(uint256 itemId, address lessee);
    error InventoryNotLessee(uint256 itemId, address caller);
    error InventoryLeaseAlreadyPaid(uint256 itemId, uint32 month);

    /// @notice Role allowed to record bankruptcies (granted by governance, e.g. to the registrar).
    function BANKRUPTCY_RECORDER_ROLE() external view returns (bytes32);

    function itemCount() external view returns (uint256);

    function item(uint256 itemId) external view returns (Item memory);

    /// @notice The ids of the items `company` leases now.
    function leasesOf(address company) external view returns (uint256[] memory);

    /// @notice The ids of the items no one leases, in id order.
    function availableItems() external view returns (uint256[] memory);

    function isBankrupt(address company) external view returns (bool);

    /// @notice Adds an item owned by `owner` (the capital pool or a RegionalCompany). Only governance.
    /// Emits {ItemAdded}.
    function addItem(string calldata name, address owner, uint128 monthlyCost) external returns (uint256 itemId);

    /// @notice Sets an item's at-cost monthly lease. Only governance. Emits {MonthlyCostSet}.
    function setMonthlyCost(uint256 itemId, uint128 monthlyCost) external;

    /// @notice Leases the available `itemId` to the calling company (Company, RegionalCompany or
    /// ExternalCompany) that is not bankrupt. Emits {Leased}.
    function lease(uint256 itemId) external;

    /// @notice Pays the current month's lease of `itemId` (once per month) as the `Rent` action,
    /// lessee → owner, ref = item id. Only the lessee. Emits {LeasePaid}.
    function payLease(uint256 itemId) external returns (uint256 amount);

    /// @notice Returns `itemId` to the region. Only the lessee. Emits {LeaseEnded}.
    function endLease(uint256 itemId) external;

    /// @notice Records `company`'s bankruptcy: ends all its leases. Only the bankruptcy recorder.
    /// Emits {LeaseEnded} per item and {BankruptcyRecorded}.
    function recordBankruptcy(address company) external;
}
