// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "../core/ConductorTypes.sol";

/// @title IHousing — the region's at-cost housing (seed chapter 6)
/// @notice Buildings and units owned by the regional housing company (a RegionalCompany treasury,
/// named by governance).
///
/// **Costs come only from money that left the company's treasury.** A building's cost for a
/// calendar month is booked by the same transaction that moved the RSC, and nothing else can book
/// one:
/// - property tax: {payPropertyTax} moves the amount from the company to the capital pool (the
///   `Rent` action — the token has no property-tax action; `Rent` RegionalCompany → Region is the
///   region's charge for the property), ref = the cost id;
/// - supplies, water, garbage, administration: {payBuildingCost} buys from a supplier company
///   (`Purchase`, company → supplier) with the regional sales tax on top (`SalesTax`, company →
///   capital pool), as the marketplace charges it; both ref = the cost id; the cost is net + tax;
/// - maintenance wages: the company assigns Payroll employments of its own to a building
///   ({assignMaintenance}); {bookWages} (anyone, e.g. the keeper at each month's turn) books the
///   growth of each employment's cumulative gross paid (`IPayroll.employment(id).paid`, which grows
///   exactly by the `Wage` + `IncomeTax` moves of ref = the employment id) since its last booking.
/// Every cost is booked in the calendar month of the transaction that booked it; past months are
/// closed (nothing can be booked into them), so a month's costs never change once it has ended.
///
/// **Rent.** A member's rent for month `m` is the building's costs of month `m − 1` (the last closed
/// month), apportioned by floor area over the building's whole floor area, plus the regional
/// above-cost percentage of the unit type (`ApartmentAboveCost`, or `HouseRentalAboveCost` for
/// duplexes and houses):
/// `rent = ⌊costs(m − 1) × area × (1e18 + aboveCost) / (totalArea × 1e18)⌋` (one floor division, so
/// every unit's rent is at most 1 wei short of its exact share). A building with no costs in
/// `m − 1` charges no at-cost rent in `m`. Vacant units' shares are charged to no one: the housing
/// company bears them (seed chapter 6: rents are set so that "if all units are occupied" income
/// slightly exceeds costs), so a tenant's rent never depends on her neighbours moving out. Units let
/// at a market rate pay that rate; their area still counts in the apportionment.
///
/// Members wait in a FIFO wait-list per building and unit type; the company assigns a vacant unit
/// to the head. A unit no member is waiting for may be let at a market rate the company sets
/// ("non-member" tenants: see {letAtMarketRate}). Rent is paid monthly as the `Rent` action, tenant
/// → housing company. Month numbers are `year × 12 + (month − 1)` in UTC (see {CalendarMonth}).
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
    /// @notice A building cost paid from the company's treasury in this transaction: `amount` RSC
    /// wei in total left it (to `payee`, plus `salesTax` to the capital pool for a purchase), every
    /// move with `ref = bytes32(costId)`. `monthTotal` is the building's costs of `month` so far.
    event BuildingCostPaid(
        uint256 indexed costId,
        uint256 indexed buildingId,
        CostCategory indexed category,
        uint32 month,
        address payee,
        uint256 amount,
        uint256 salesTax,
        uint256 monthTotal
    );
    /// @notice Maintenance wages booked: employment `employmentId`'s cumulative gross paid grew from
    /// `fromPaid` to `toPaid` since its last booking (the `Wage` + `IncomeTax` moves of ref =
    /// employment id in between sum to `toPaid − fromPaid`).
    event WagesBooked(
        uint256 indexed buildingId,
        uint256 indexed employmentId,
        uint32 indexed month,
        uint256 fromPaid,
        uint256 toPaid,
        uint256 monthTotal
    );
    /// @notice Employment `employmentId` now maintains `buildingId`; wages paid before (`paid`) are not its.
    event MaintenanceAssigned(uint256 indexed employmentId, uint256 indexed buildingId, uint256 paid);
    /// @notice Employment `employmentId` no longer maintains `buildingId` (its wages were booked first).
    event MaintenanceUnassigned(uint256 indexed employmentId, uint256 indexed buildingId);
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
    error HousingZeroAmount();
    /// @notice {payBuildingCost} is for purchases; `category` is paid otherwise.
    error HousingNotAPurchase(CostCategory category);
    /// @notice A supplier must be another company (Company, RegionalCompany or ExternalCompany).
    error HousingInvalidSupplier(address supplier, Kind kind);
    /// @notice The employment is not the housing company's (`employer` employs).
    error HousingNotCompanyEmployment(uint256 employmentId, address employer);
    /// @notice The employment already maintains `buildingId`.
    error HousingAlreadyMaintaining(uint256 employmentId, uint256 buildingId);
    /// @notice The employment maintains no building.
    error HousingNotMaintaining(uint256 employmentId);
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

    /// @notice The capital pool (payee of property tax and sales tax).
    function capitalPool() external view returns (address);

    /// @notice The costs booked for `buildingId` in `month`, all categories.
    function monthlyCosts(uint256 buildingId, uint32 month) external view returns (uint256);

    /// @notice The costs of `category` booked for `buildingId` in `month`.
    function costOf(uint256 buildingId, uint32 month, CostCategory category) external view returns (uint256);

    /// @notice How many building costs were paid ({payPropertyTax}, {payBuildingCost}); the last id.
    function costCount() external view returns (uint256);

    /// @notice The building `employmentId` maintains (0: none) and its cumulative gross paid at its
    /// last booking.
    function maintenanceOf(uint256 employmentId) external view returns (uint256 buildingId, uint256 bookedPaid);

    /// @notice The employments maintaining `buildingId`.
    function maintenanceStaff(uint256 buildingId) external view returns (uint256[] memory);

    /// @notice Maintenance wages paid and not yet booked for `buildingId` (what {bookWages} would book now).
    function unbookedWages(uint256 buildingId) external view returns (uint256);

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

    /// @notice Pays `amount` of property tax for `buildingId` to the capital pool (the `Rent` action,
    /// ref = the new cost id) and books it in the current month. Only the housing company.
    /// Emits {BuildingCostPaid}.
    function payPropertyTax(uint256 buildingId, uint256 amount) external returns (uint256 costId);

    /// @notice Buys `amount` of `category` (Supplies, Water, Garbage or Administration) for
    /// `buildingId` from `supplier` (`Purchase`), with the regional sales tax on top to the capital
    /// pool (`SalesTax`), both ref = the new cost id, and books net + tax in the current month.
    /// Only the housing company. Emits {BuildingCostPaid}.
    function payBuildingCost(uint256 buildingId, CostCategory category, address supplier, uint256 amount)
        external
        returns (uint256 costId);

    /// @notice Assigns the company's Payroll employment `employmentId` to maintain `buildingId`:
    /// its wages paid from now on are the building's (one building per employment; an unknown
    /// employment reverts in Payroll). Only the housing company. Emits {MaintenanceAssigned}.
    function assignMaintenance(uint256 employmentId, uint256 buildingId) external;

    /// @notice Books the employment's unbooked wages, then ends its assignment. Only the housing
    /// company. Emits {WagesBooked} (if any) and {MaintenanceUnassigned}.
    function unassignMaintenance(uint256 employmentId) external;

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

    /// @notice Books in the current month the maintenance wages paid for `buildingId` since their
    /// last booking, of every assigned employment whose employer is the housing company (after
    /// governance names another company, the previous one's employments book nothing). Anyone
    /// (it only records what Payroll paid). Emits {WagesBooked} per employment with wages to book.
    function bookWages(uint256 buildingId) external returns (uint256 booked);

    /// @notice Ends the tenancy of `unitId`; the unit becomes vacant. The tenant or the company.
    /// Emits {MovedOut}.
    function moveOut(uint256 unitId) external;

    /// @notice Pays the current month's rent of `unitId` (once per month) as the `Rent` action,
    /// tenant → housing company, ref = unit id. Only the tenant. Emits {RentPaid}.
    function payRent(uint256 unitId) external returns (uint256 amount);
}
