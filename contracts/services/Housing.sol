// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {Action, Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";
import {IRegionParameters, Param} from "../governance/IRegionParameters.sol";
import {IPayroll} from "../payroll/IPayroll.sol";
import {AddressQueue} from "./AddressQueue.sol";
import {CalendarMonth} from "./CalendarMonth.sol";
import {IHousing} from "./IHousing.sol";

/// @title Housing
/// @notice See {IHousing}. Registered in the token as a Module allowed `Rent` (tenants' rent,
/// property tax), `Purchase` and `SalesTax` (building supplies and services). It moves RSC out of
/// the housing company only when the company itself calls, and books exactly what it moved. The
/// governance executor holds `DEFAULT_ADMIN_ROLE` (names the housing company, authorises upgrades).
contract Housing is IHousing, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    using AddressQueue for AddressQueue.Queue;
    using EnumerableSet for EnumerableSet.UintSet;

    /// @dev A Payroll employment maintaining a building, and its cumulative gross paid when last booked.
    struct Maintenance {
        uint64 buildingId;
        uint128 bookedPaid;
    }

    /// @custom:storage-location erc7201:conductor.storage.Housing
    struct HousingStorage {
        address company;
        uint256 buildingCount;
        uint256 unitCount;
        mapping(uint256 buildingId => Building) buildings;
        mapping(uint256 unitId => Unit) units;
        mapping(uint256 buildingId => mapping(uint32 month => uint256)) costs;
        mapping(uint256 buildingId => mapping(UnitType => AddressQueue.Queue)) waitLists;
        uint256 costCount;
        mapping(uint256 buildingId => mapping(uint32 month => mapping(CostCategory => uint256))) categoryCosts;
        mapping(uint256 employmentId => Maintenance) maintenance;
        mapping(uint256 buildingId => EnumerableSet.UintSet) staff;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.Housing")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x7d06bdeb38415f3ad45a15d84ec05d6cb32f1a1c6550f811e664b5b124afe700;
    uint256 private constant ONE = 1e18;

    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IRSC public immutable rsc;
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IRegionParameters public immutable params;
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IPayroll public immutable payroll;
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    address public immutable capitalPool;

    function _s() private pure returns (HousingStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(IRSC rsc_, IRegionParameters params_, IPayroll payroll_, address capitalPool_) {
        rsc = rsc_;
        params = params_;
        payroll = payroll_;
        capitalPool = capitalPool_;
        _disableInitializers();
    }

    function initialize(address admin) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    modifier onlyCompany() {
        address company = _s().company;
        if (msg.sender != company || company == address(0)) revert HousingNotCompany(msg.sender, company);
        _;
    }

    // ================================================================== views

    /// @inheritdoc IHousing
    function housingCompany() external view returns (address) {
        return _s().company;
    }

    /// @inheritdoc IHousing
    function buildingCount() external view returns (uint256) {
        return _s().buildingCount;
    }

    /// @inheritdoc IHousing
    function building(uint256 buildingId) external view returns (Building memory) {
        return _building(buildingId);
    }

    /// @inheritdoc IHousing
    function unitCount() external view returns (uint256) {
        return _s().unitCount;
    }

    /// @inheritdoc IHousing
    function unit(uint256 unitId) external view returns (Unit memory) {
        return _unit(unitId);
    }

    /// @inheritdoc IHousing
    function monthlyCosts(uint256 buildingId, uint32 month) external view returns (uint256) {
        _building(buildingId);
        return _s().costs[buildingId][month];
    }

    /// @inheritdoc IHousing
    function costOf(uint256 buildingId, uint32 month, CostCategory category) external view returns (uint256) {
        _building(buildingId);
        return _s().categoryCosts[buildingId][month][category];
    }

    /// @inheritdoc IHousing
    function costCount() external view returns (uint256) {
        return _s().costCount;
    }

    /// @inheritdoc IHousing
    function maintenanceOf(uint256 employmentId) external view returns (uint256 buildingId, uint256 bookedPaid) {
        Maintenance storage m = _s().maintenance[employmentId];
        return (m.buildingId, m.bookedPaid);
    }

    /// @inheritdoc IHousing
    function maintenanceStaff(uint256 buildingId) external view returns (uint256[] memory) {
        _building(buildingId);
        return _s().staff[buildingId].values();
    }

    /// @inheritdoc IHousing
    function unbookedWages(uint256 buildingId) external view returns (uint256 unbooked) {
        _building(buildingId);
        HousingStorage storage $ = _s();
        EnumerableSet.UintSet storage staff = $.staff[buildingId];
        uint256 n = staff.length();
        for (uint256 i = 0; i < n; ++i) {
            uint256 employmentId = staff.at(i);
            IPayroll.Employment memory e = payroll.employment(employmentId);
            if (e.company == $.company) unbooked += e.paid - $.maintenance[employmentId].bookedPaid;
        }
    }

    /// @inheritdoc IHousing
    function rentOf(uint256 unitId, uint32 month) public view returns (uint256) {
        Unit storage u = _unit(unitId);
        if (u.marketRate) return u.marketRent;
        uint256 buildingId = u.buildingId;
        uint256 costs = _s().costs[buildingId][month - 1];
        uint256 aboveCost =
            params.get(u.unitType == UnitType.Apartment ? Param.ApartmentAboveCost : Param.HouseRentalAboveCost);
        return Math.mulDiv(costs, uint256(u.area) * (ONE + aboveCost), uint256(_s().buildings[buildingId].totalArea) * ONE);
    }

    /// @inheritdoc IHousing
    function currentRent(uint256 unitId) external view returns (uint256) {
        return rentOf(unitId, CalendarMonth.current());
    }

    /// @inheritdoc IHousing
    function waitList(uint256 buildingId, UnitType unitType) external view returns (address[] memory) {
        _building(buildingId);
        return _s().waitLists[buildingId][unitType].toArray();
    }

    /// @inheritdoc IHousing
    function currentMonth() external view returns (uint32) {
        return CalendarMonth.current();
    }

    // ================================================================== governance

    /// @inheritdoc IHousing
    function setHousingCompany(address company) external onlyRole(DEFAULT_ADMIN_ROLE) {
        Kind kind = rsc.kindOf(company);
        if (kind != Kind.RegionalCompany) revert HousingNotRegionalCompany(company, kind);
        HousingStorage storage $ = _s();
        emit HousingCompanyChanged($.company, company);
        $.company = company;
    }

    // ================================================================== housing company

    /// @inheritdoc IHousing
    function addBuilding(string calldata name) external onlyCompany returns (uint256 buildingId) {
        HousingStorage storage $ = _s();
        buildingId = ++$.buildingCount;
        $.buildings[buildingId].name = name;
        emit BuildingAdded(buildingId, name);
    }

    /// @inheritdoc IHousing
    function addUnit(uint256 buildingId, UnitType unitType, uint32 area) external onlyCompany returns (uint256 unitId) {
        Building storage b = _building(buildingId);
        if (area == 0) revert HousingInvalidArea(area);
        HousingStorage storage $ = _s();
        unitId = ++$.unitCount;
        Unit storage u = $.units[unitId];
        (u.buildingId, u.unitType, u.area) = (uint64(buildingId), unitType, area);
        b.totalArea += area;
        ++b.unitCount;
        emit UnitAdded(unitId, buildingId, unitType, area);
    }

    /// @inheritdoc IHousing
    function payPropertyTax(uint256 buildingId, uint256 amount) external onlyCompany returns (uint256 costId) {
        _building(buildingId);
        if (amount == 0) revert HousingZeroAmount();
        costId = ++_s().costCount;
        rsc.move(Action.Rent, msg.sender, capitalPool, amount, bytes32(costId));
        _bookPaid(costId, buildingId, CostCategory.PropertyTax, capitalPool, amount, 0);
    }

    /// @inheritdoc IHousing
    function payBuildingCost(uint256 buildingId, CostCategory category, address supplier, uint256 amount)
        external
        onlyCompany
        returns (uint256 costId)
    {
        _building(buildingId);
        if (category == CostCategory.PropertyTax || category == CostCategory.MaintenanceWages) {
            revert HousingNotAPurchase(category);
        }
        if (amount == 0) revert HousingZeroAmount();
        Kind kind = rsc.kindOf(supplier);
        if (
            supplier == msg.sender
                || (kind != Kind.Company && kind != Kind.RegionalCompany && kind != Kind.ExternalCompany)
        ) revert HousingInvalidSupplier(supplier, kind);
        costId = ++_s().costCount;
        // One debit: the price to the supplier, then the sales tax the token computes at the rate in force.
        (, uint256 tax) = rsc.moveTaxed(Action.Purchase, msg.sender, supplier, amount, capitalPool, bytes32(costId));
        _bookPaid(costId, buildingId, category, supplier, amount, tax);
    }

    /// @inheritdoc IHousing
    function assignMaintenance(uint256 employmentId, uint256 buildingId) external onlyCompany {
        _building(buildingId);
        IPayroll.Employment memory e = payroll.employment(employmentId);
        if (e.company != msg.sender) revert HousingNotCompanyEmployment(employmentId, e.company);
        HousingStorage storage $ = _s();
        Maintenance storage m = $.maintenance[employmentId];
        if (m.buildingId != 0) revert HousingAlreadyMaintaining(employmentId, m.buildingId);
        (m.buildingId, m.bookedPaid) = (uint64(buildingId), e.paid);
        $.staff[buildingId].add(employmentId);
        emit MaintenanceAssigned(employmentId, buildingId, e.paid);
    }

    /// @inheritdoc IHousing
    function unassignMaintenance(uint256 employmentId) external onlyCompany {
        HousingStorage storage $ = _s();
        Maintenance storage m = $.maintenance[employmentId];
        uint256 buildingId = m.buildingId;
        if (buildingId == 0) revert HousingNotMaintaining(employmentId);
        _bookWagesOf(buildingId, employmentId, CalendarMonth.current());
        delete $.maintenance[employmentId];
        $.staff[buildingId].remove(employmentId);
        emit MaintenanceUnassigned(employmentId, buildingId);
    }

    /// @inheritdoc IHousing
    function setMarketRent(uint256 unitId, uint128 marketRent) external onlyCompany {
        _unit(unitId).marketRent = marketRent;
        emit MarketRentSet(unitId, marketRent);
    }

    /// @inheritdoc IHousing
    function assignNext(uint256 unitId) external onlyCompany returns (address tenant) {
        Unit storage u = _vacant(unitId);
        AddressQueue.Queue storage q = _s().waitLists[u.buildingId][u.unitType];
        tenant = q.pop();
        if (tenant == address(0)) revert HousingWaitListEmpty(u.buildingId, u.unitType);
        emit WaitListLeft(u.buildingId, u.unitType, tenant);
        _let(unitId, u, tenant, false);
    }

    /// @inheritdoc IHousing
    function letAtMarketRate(uint256 unitId, address tenant) external onlyCompany {
        Unit storage u = _vacant(unitId);
        if (u.marketRent == 0) revert HousingNoMarketRent(unitId);
        uint256 waiting = _s().waitLists[u.buildingId][u.unitType].length;
        if (waiting != 0) revert HousingMembersWaiting(u.buildingId, u.unitType, waiting);
        Kind kind = rsc.kindOf(tenant);
        if (kind != Kind.Person && kind != Kind.Company && kind != Kind.ExternalCompany) {
            revert HousingInvalidTenant(tenant, kind);
        }
        _let(unitId, u, tenant, true);
    }

    // ================================================================== members and tenants

    /// @inheritdoc IHousing
    function joinWaitList(uint256 buildingId, UnitType unitType) external {
        _building(buildingId);
        Kind kind = rsc.kindOf(msg.sender);
        if (kind != Kind.Person) revert HousingNotAPerson(msg.sender, kind);
        AddressQueue.Queue storage q = _s().waitLists[buildingId][unitType];
        if (q.contains(msg.sender)) revert HousingAlreadyWaiting(buildingId, unitType, msg.sender);
        q.push(msg.sender);
        emit WaitListJoined(buildingId, unitType, msg.sender);
    }

    /// @inheritdoc IHousing
    function leaveWaitList(uint256 buildingId, UnitType unitType) external {
        _building(buildingId);
        AddressQueue.Queue storage q = _s().waitLists[buildingId][unitType];
        if (!q.contains(msg.sender)) revert HousingNotWaiting(buildingId, unitType, msg.sender);
        q.remove(msg.sender);
        emit WaitListLeft(buildingId, unitType, msg.sender);
    }

    /// @inheritdoc IHousing
    function bookWages(uint256 buildingId) external returns (uint256 booked) {
        _building(buildingId);
        EnumerableSet.UintSet storage staff = _s().staff[buildingId];
        uint32 month = CalendarMonth.current();
        uint256 n = staff.length();
        for (uint256 i = 0; i < n; ++i) {
            booked += _bookWagesOf(buildingId, staff.at(i), month);
        }
    }

    /// @inheritdoc IHousing
    function moveOut(uint256 unitId) external {
        Unit storage u = _unit(unitId);
        address tenant = u.tenant;
        if (tenant == address(0)) revert HousingUnitVacant(unitId);
        if (msg.sender != tenant && msg.sender != _s().company) revert HousingNotTenantOrCompany(unitId, msg.sender);
        (u.tenant, u.marketRate, u.paidMonth) = (address(0), false, 0);
        emit MovedOut(unitId, tenant);
    }

    /// @inheritdoc IHousing
    function payRent(uint256 unitId) external returns (uint256 amount) {
        Unit storage u = _unit(unitId);
        if (msg.sender != u.tenant || msg.sender == address(0)) revert HousingNotTenant(unitId, msg.sender);
        uint32 month = CalendarMonth.current();
        if (u.paidMonth == month + 1) revert HousingRentAlreadyPaid(unitId, month);
        u.paidMonth = month + 1;
        amount = rentOf(unitId, month);
        if (amount != 0) rsc.move(Action.Rent, msg.sender, _s().company, amount, bytes32(unitId));
        emit RentPaid(unitId, msg.sender, month, amount);
    }

    // ================================================================== internal

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    /// @dev Books `amount + tax`, just moved out of the company with ref = `costId`, in the current month.
    function _bookPaid(
        uint256 costId,
        uint256 buildingId,
        CostCategory category,
        address payee,
        uint256 amount,
        uint256 tax
    ) private {
        uint32 month = CalendarMonth.current();
        uint256 total = _book(buildingId, month, category, amount + tax);
        emit BuildingCostPaid(costId, buildingId, category, month, payee, amount + tax, tax, total);
    }

    /// @dev Books the growth of `employmentId`'s cumulative gross paid since its last booking, while
    /// its employer is the housing company (after governance names another, the old company's
    /// employments book nothing; the new company unassigns them).
    function _bookWagesOf(uint256 buildingId, uint256 employmentId, uint32 month) private returns (uint256 delta) {
        HousingStorage storage $ = _s();
        Maintenance storage m = $.maintenance[employmentId];
        IPayroll.Employment memory e = payroll.employment(employmentId);
        // Only the current housing company's outflows are the buildings' costs.
        if (e.company != $.company) return 0;
        uint256 fromPaid = m.bookedPaid;
        uint256 toPaid = e.paid;
        delta = toPaid - fromPaid;
        if (delta == 0) return 0;
        m.bookedPaid = uint128(toPaid);
        uint256 total = _book(buildingId, month, CostCategory.MaintenanceWages, delta);
        emit WagesBooked(buildingId, employmentId, month, fromPaid, toPaid, total);
    }

    function _book(uint256 buildingId, uint32 month, CostCategory category, uint256 amount)
        private
        returns (uint256 monthTotal)
    {
        HousingStorage storage $ = _s();
        $.categoryCosts[buildingId][month][category] += amount;
        monthTotal = ($.costs[buildingId][month] += amount);
    }

    function _let(uint256 unitId, Unit storage u, address tenant, bool marketRate) private {
        (u.tenant, u.marketRate, u.paidMonth) = (tenant, marketRate, 0);
        emit UnitAssigned(unitId, tenant, marketRate);
    }

    function _building(uint256 buildingId) private view returns (Building storage) {
        if (buildingId == 0 || buildingId > _s().buildingCount) revert HousingUnknownBuilding(buildingId);
        return _s().buildings[buildingId];
    }

    function _unit(uint256 unitId) private view returns (Unit storage) {
        if (unitId == 0 || unitId > _s().unitCount) revert HousingUnknownUnit(unitId);
        return _s().units[unitId];
    }

    function _vacant(uint256 unitId) private view returns (Unit storage u) {
        u = _unit(unitId);
        if (u.tenant != address(0)) revert HousingUnitOccupied(unitId, u.tenant);
    }
}
