// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Action, Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";
import {IRegionParameters, Param} from "../governance/IRegionParameters.sol";
import {AddressQueue} from "./AddressQueue.sol";
import {CalendarMonth} from "./CalendarMonth.sol";
import {IEducation} from "./IEducation.sol";

/// @title Education
/// @notice See {IEducation}. Registered in the token as a Module allowed `Purchase` (the student's
/// share: she buys a period of schooling, at cost, from the school) and `Subsidy` (the pool's part).
/// The governance executor holds `DEFAULT_ADMIN_ROLE` (registers schools, authorises upgrades).
contract Education is IEducation, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    using AddressQueue for AddressQueue.Queue;

    struct Seat {
        bool enrolled;
        uint32 paidMonth; // month index + 1 of the last period paid (0: none)
    }

    /// @custom:storage-location erc7201:conductor.storage.Education
    struct EducationStorage {
        uint256 programmeCount;
        mapping(address school => SchoolKind) schools;
        mapping(uint256 programmeId => Programme) programmes;
        mapping(uint256 programmeId => AddressQueue.Queue) priorityQueues;
        mapping(uint256 programmeId => AddressQueue.Queue) regularQueues;
        mapping(uint256 programmeId => mapping(address student => Seat)) seats;
        mapping(address student => bool) everEnrolled;
        mapping(address student => uint32) activeEnrolments;
        mapping(address student => uint48) lastEnrolmentEnded;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.Education")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0xb80bca3cbb9a25e3417a000afe10ff7285354583f169802c17f6efdc1fcda100;
    uint256 private constant ONE = 1e18;

    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IRSC public immutable rsc;
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IRegionParameters public immutable params;
    /// @notice The capital pool, which pays the subsidies.
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    address public immutable capitalPool;

    function _s() private pure returns (EducationStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(IRSC rsc_, IRegionParameters params_, address capitalPool_) {
        rsc = rsc_;
        params = params_;
        capitalPool = capitalPool_;
        _disableInitializers();
    }

    function initialize(address admin) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ================================================================== views

    /// @inheritdoc IEducation
    function schoolKind(address school) external view returns (SchoolKind) {
        return _s().schools[school];
    }

    /// @inheritdoc IEducation
    function programmeCount() external view returns (uint256) {
        return _s().programmeCount;
    }

    /// @inheritdoc IEducation
    function programme(uint256 programmeId) external view returns (Programme memory) {
        return _programme(programmeId);
    }

    /// @inheritdoc IEducation
    function waitLists(uint256 programmeId) external view returns (address[] memory priority, address[] memory regular) {
        _programme(programmeId);
        EducationStorage storage $ = _s();
        return ($.priorityQueues[programmeId].toArray(), $.regularQueues[programmeId].toArray());
    }

    /// @inheritdoc IEducation
    function isPriority(address student) public view returns (bool) {
        EducationStorage storage $ = _s();
        if (!$.everEnrolled[student]) return true;
        if ($.activeEnrolments[student] != 0) return false;
        uint256 years_ = params.get(Param.HigherEducationPriorityYears);
        return block.timestamp >= uint256($.lastEnrolmentEnded[student]) + years_ * 365 days;
    }

    /// @inheritdoc IEducation
    function isEnrolled(uint256 programmeId, address student) external view returns (bool) {
        return _s().seats[programmeId][student].enrolled;
    }

    /// @inheritdoc IEducation
    function tuitionOf(uint256 programmeId) public view returns (uint256 studentShare, uint256 subsidy) {
        Programme storage p = _programme(programmeId);
        uint256 cost = p.costPerPeriod;
        subsidy = _s().schools[p.school] == SchoolKind.K12
            ? cost
            : (cost * params.get(Param.HigherEducationSubsidy)) / ONE;
        studentShare = cost - subsidy;
    }

    // ================================================================== governance

    /// @inheritdoc IEducation
    function registerSchool(address school, SchoolKind kind) external onlyRole(DEFAULT_ADMIN_ROLE) {
        Kind accountKind = rsc.kindOf(school);
        if (accountKind != Kind.RegionalCompany) revert EducationNotRegionalCompany(school, accountKind);
        _s().schools[school] = kind;
        emit SchoolRegistered(school, kind);
    }

    // ================================================================== schools

    /// @inheritdoc IEducation
    function openProgramme(string calldata name, uint32 capacity, uint128 costPerPeriod)
        external
        returns (uint256 programmeId)
    {
        EducationStorage storage $ = _s();
        if ($.schools[msg.sender] == SchoolKind.None) revert EducationNotSchool(msg.sender);
        programmeId = ++$.programmeCount;
        Programme storage p = $.programmes[programmeId];
        (p.school, p.capacity, p.costPerPeriod, p.name) = (msg.sender, capacity, costPerPeriod, name);
        emit ProgrammeOpened(programmeId, msg.sender, name, capacity);
        emit ProgrammeCostSet(programmeId, costPerPeriod);
    }

    /// @inheritdoc IEducation
    function setProgrammeCost(uint256 programmeId, uint128 costPerPeriod) external {
        _asSchool(programmeId).costPerPeriod = costPerPeriod;
        emit ProgrammeCostSet(programmeId, costPerPeriod);
    }

    /// @inheritdoc IEducation
    function setCapacity(uint256 programmeId, uint32 capacity) external {
        _asSchool(programmeId).capacity = capacity;
        emit ProgrammeCapacitySet(programmeId, capacity);
    }

    /// @inheritdoc IEducation
    function admitNext(uint256 programmeId) external returns (address student) {
        Programme storage p = _asSchool(programmeId);
        if (p.enrolled >= p.capacity) revert EducationProgrammeFull(programmeId, p.capacity);
        EducationStorage storage $ = _s();
        bool priority = true;
        student = $.priorityQueues[programmeId].pop();
        if (student == address(0)) {
            priority = false;
            student = $.regularQueues[programmeId].pop();
            if (student == address(0)) revert EducationWaitListEmpty(programmeId);
        }
        ++p.enrolled;
        $.seats[programmeId][student] = Seat({enrolled: true, paidMonth: 0});
        $.everEnrolled[student] = true;
        ++$.activeEnrolments[student];
        emit Enrolled(programmeId, student, priority);
    }

    // ================================================================== students

    /// @inheritdoc IEducation
    function applyTo(uint256 programmeId) external {
        _programme(programmeId);
        Kind kind = rsc.kindOf(msg.sender);
        if (kind != Kind.Person) revert EducationNotAPerson(msg.sender, kind);
        EducationStorage storage $ = _s();
        if ($.seats[programmeId][msg.sender].enrolled) revert EducationAlreadyEnrolled(programmeId, msg.sender);
        if ($.priorityQueues[programmeId].contains(msg.sender) || $.regularQueues[programmeId].contains(msg.sender)) {
            revert EducationAlreadyApplied(programmeId, msg.sender);
        }
        bool priority = isPriority(msg.sender);
        (priority ? $.priorityQueues[programmeId] : $.regularQueues[programmeId]).push(msg.sender);
        emit Applied(programmeId, msg.sender, priority);
    }

    /// @inheritdoc IEducation
    function withdrawApplication(uint256 programmeId) external {
        _programme(programmeId);
        EducationStorage storage $ = _s();
        AddressQueue.Queue storage q = $.priorityQueues[programmeId];
        if (!q.contains(msg.sender)) q = $.regularQueues[programmeId];
        if (!q.contains(msg.sender)) revert EducationNotApplied(programmeId, msg.sender);
        q.remove(msg.sender);
        emit ApplicationWithdrawn(programmeId, msg.sender);
    }

    /// @inheritdoc IEducation
    function endEnrolment(uint256 programmeId, address student) external {
        Programme storage p = _programme(programmeId);
        if (msg.sender != student && msg.sender != p.school) revert EducationNotStudentOrSchool(programmeId, msg.sender);
        EducationStorage storage $ = _s();
        if (!$.seats[programmeId][student].enrolled) revert EducationNotEnrolled(programmeId, student);
        delete $.seats[programmeId][student];
        --p.enrolled;
        --$.activeEnrolments[student];
        $.lastEnrolmentEnded[student] = uint48(block.timestamp);
        emit EnrolmentEnded(programmeId, student);
    }

    /// @inheritdoc IEducation
    function payTuition(uint256 programmeId) external returns (uint256 studentShare, uint256 subsidy) {
        Seat storage seat = _s().seats[programmeId][msg.sender];
        if (!seat.enrolled) revert EducationNotEnrolled(programmeId, msg.sender);
        uint32 month = CalendarMonth.current();
        if (seat.paidMonth == month + 1) revert EducationTuitionAlreadyPaid(programmeId, msg.sender, month);
        (studentShare, subsidy) = tuitionOf(programmeId);
        uint256 poolBalance = rsc.balanceOf(capitalPool);
        if (poolBalance < subsidy) revert EducationSubsidyUnavailable(capitalPool, subsidy, poolBalance);
        uint256 balance = rsc.balanceOf(msg.sender);
        if (balance < studentShare) revert EducationInsufficientBalance(msg.sender, studentShare, balance);
        seat.paidMonth = month + 1;
        address school = _s().programmes[programmeId].school;
        bytes32 ref = bytes32(programmeId);
        if (studentShare != 0) rsc.move(Action.Purchase, msg.sender, school, studentShare, ref);
        if (subsidy != 0) rsc.move(Action.Subsidy, capitalPool, school, subsidy, ref);
        emit TuitionPaid(programmeId, msg.sender, month, studentShare, subsidy);
    }

    // ================================================================== internal

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    function _programme(uint256 programmeId) private view returns (Programme storage) {
        if (programmeId == 0 || programmeId > _s().programmeCount) revert EducationUnknownProgramme(programmeId);
        return _s().programmes[programmeId];
    }

    function _asSchool(uint256 programmeId) private view returns (Programme storage p) {
        p = _programme(programmeId);
        if (msg.sender != p.school) revert EducationNotProgrammeSchool(programmeId, msg.sender, p.school);
    }
}
