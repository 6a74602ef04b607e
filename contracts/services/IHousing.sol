// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "../core/ConductorTypes.sol";

/// @title IHousing — the region's at-cost housing (seed chapter 6)
/// @notice Buildings and units owned by the regional housing company (a RegionalCompany treasury,
/// named by governance). The company books each building's costs per calendar month on chain
/// (property tax, maintenance wages, supplies, water, garbage, administration). A member's rent for
/// month `m` is the building's costs booked for month `m − 1`, apportioned by floor area, plus the
/// regional above-cost percentage of the unit type:
/// `rent = ⌊costs(m − 1) × area × (1e18 + aboveCost) / (totalArea × 1e18)⌋` (one floor division, so
/// every unit's rent is at most 1 wei short of its exact share). Members wait in a FIFO wait-list
/// per building and unit type; the company assigns a vacant unit to the head. A unit no member is
/// waiting for may be let at a market rate the company sets ("non-member" tenants: see {letAtMarketRate}).
/// Rent is paid monthly as the `Rent` action, tenant → housing company.
/// Month numbers are `year × 12 + (month − 1)` in UTC (see {CalendarMonth}).
interface IHousing {
    enum UnitType {
        Apartment,
        Duplex,
        House
    }

    /// @notice What a cost entry paid for.
    enum CostCategory {
        PropertyTax,
        MaintenanceWages,
        Supplies,
        Water,
        Garbage,
        Administration
    }

    struct Building {
        string name;
        uint64 totalArea; // m², the sum of its units' floor areas
        uint32 unitCount;
    }

    struct Unit {
        uint64 buildingId;
        UnitType unitType;
        uint32 area; // m²
        address tenant; // zero when vacant
        bool marketRate; // let at the market rate instead of at cost
        uint32 paidMonth; // month index + 1 of the last rent paid by the current tenant (0: none)
        uint128 marketRent; // RSC wei per month, set by the company
    }

    event HousingCompanyChanged(address indexed previousCompany, address indexed newCompany);
    event BuildingAdded(uint256 indexed buildingId, string name);
    event UnitAdded(uint256 indexed unitId, uint256 indexed buildingId, UnitType unitType, uint32 area);
    /// @notice `paymentRef` is the `ref` of the `ActionPerformed` that paid the cost (zero if none).
    event CostRecorded(
        uint256 indexed buildingId,
        uint32 indexed month,
        CostCategory indexed category,
        uint256 amount,
        bytes32 paymentRef,
        uint256 monthTotal
    );
    event MarketRentSet(uint256 indexed unitId, uint256 marketRent);
    event WaitListJoined(uint256 indexed buildingId, UnitType indexed unitType, address indexed member);
    event WaitListLeft(uint256 indexed buildingId, UnitType indexed unitType, address indexed member);
    event UnitAssigned(uint256 indexed unitId, address indexed tenant, bool marketRate);
    event MovedOut(uint256 indexed unitId, address indexed tenant);
    event RentPaid(uint256 indexed unitId, address indexed tenant, uint32 indexed month, uint256 amount);

    error HousingNotCompany(address caller, address company);
    error HousingNotRegionalCompany(address account, Kind kind);
    error HousingUnknownBuilding(uint256 buildingId);
    error HousingUnknownUnit(uint256 unitId);
    error HousingInvalidArea(uint256 area);
    error HousingFutureMonth(uint32 month, uint32 currentMonth);
    error HousingZeroAmount();
    error HousingNotAPerson(address account, Kind kind);
    error HousingInvalidTenant(address account, Kind kind);
    error HousingAlreadyWaiting(uint256 buildingId, UnitType unitType, address member);
    error HousingNotWaiting(uint256 buildingId, UnitType unitType, address member);
    error HousingWaitListEmpty(uint256 buildingId, UnitType unitType);
    error HousingMembersWaiting(uint256 buildingId, UnitType unitType, uint256 waiting);
    error HousingUnitOccupied(uint256 unitId, address tenant);
    error HousingUnitVacant(uint256 unitId);
    error HousingNoMarketRent(uint256 unitId);
    error HousingNotTenant(uint256 unitId, address caller);
    error HousingNotTenantOrCompany(uint256 unitId, address caller);
    error HousingRentAlreadyPaid(uint256 unitId, uint32 month);

    // ------------------------------------------------------------------ views

    /// @notice The housing company's treasury.
    function housingCompany() external view returns (address);

    function buildingCount() external view returns (uint256);

    function building(uint256 buildingId) external view returns (Building memory);

    function unitCount() external view returns (uint256);

    function unit(uint256 unitId) external view returns (Unit memory);

    /// @notice The costs booked for `buildingId` for `month`.
    function monthlyCosts(uint256 buildingId, uint32 month) external view returns (uint256);

    /// @notice The rent of `unitId` for `month`: the market rent when let at market rate, else the
    /// at-cost rent from the costs of `month − 1` (formula in the contract notice).
    function rentOf(uint256 unitId, uint32 month) external view returns (uint256);

    /// @notice The rent of `unitId` for the current month.
    function currentRent(uint256 unitId) external view returns (uint256);

    /// @notice The wait-list of `(buildingId, unitType)`, head first.
    function waitList(uint256 buildingId, UnitType unitType) external view returns (address[] memory);

    /// @notice The current month index (`year × 12 + month − 1`, UTC).
    function currentMonth() external view returns (uint32);

    // ------------------------------------------------------------------ governance

    /// @notice Names the housing company (a RegionalCompany). Only governance.
    /// Emits {HousingCompanyChanged}.
    function setHousingCompany(address company) external;

    // ------------------------------------------------------------------ housing company

    /// @notice Adds a building. Only the housing company. Emits {BuildingAdded}.
    function addBuilding(string calldata name) external returns (uint256 buildingId);

    /// @notice Adds a unit of `area` m² (1 to 2^32 − 1) to a building. Only the housing company.
    /// Emits {UnitAdded}.
    function addUnit(uint256 buildingId, UnitType unitType, uint32 area) external returns (uint256 unitId);

    /// @notice Books `amount` of `category` cost for `buildingId` in `month` (not in the future).
    /// `paymentRef` names the `ActionPerformed` ref of the RSC movement that paid it (e.g. the
    /// employment id of a maintenance wage); zero when the cost was paid off-chain. Entries only
    /// add. Only the housing company. Emits {CostRecorded}.
    function recordCost(uint256 buildingId, uint32 month, CostCategory category, uint256 amount, bytes32 paymentRef)
        external;

    /// @notice Sets the market rent of `unitId` (RSC wei per month). Only the housing company.
    /// Emits {MarketRentSet}.
    function setMarketRent(uint256 unitId, uint128 marketRent) external;

    /// @notice Assigns the vacant `unitId` at cost to the head of its wait-list, removing her from
    /// it. Only the housing company. Emits {WaitListLeft} and {UnitAssigned}.
    function assignNext(uint256 unitId) external returns (address tenant);

    /// @notice Lets the vacant `unitId` at its market rent to `tenant` — any registered holder
    /// (a Person who is not waiting, a Company, an ExternalCompany) — when no member waits for a
    /// unit of this building and type. The token only lets registered accounts hold RSC, so a
    /// "non-member tenant" is an account the company flags market-rate. Only the housing company.
    /// Emits {UnitAssigned}.
    function letAtMarketRate(uint256 unitId, address tenant) external;

    // ------------------------------------------------------------------ members and tenants

    /// @notice Joins the wait-list of `(buildingId, unitType)`. Only a Person. Emits {WaitListJoined}.
    function joinWaitList(uint256 buildingId, UnitType unitType) external;

    /// @notice Leaves the wait-list of `(buildingId, unitType)`. Emits {WaitListLeft}.
    function leaveWaitList(uint256 buildingId, UnitType unitType) external;

    /// @notice Ends the tenancy of `unitId`; the unit becomes vacant. The tenant or the company.
    /// Emits {MovedOut}.
    function moveOut(uint256 unitId) external;

    /// @notice Pays the current month's rent of `unitId` (once per month) as the `Rent` action,
    /// tenant → housing company, ref = unit id. Only the tenant. Emits {RentPaid}.
    function payRent(uint256 unitId) external returns (uint256 amount);
}
