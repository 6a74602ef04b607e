// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "../core/ConductorTypes.sol";

/// @title IEducation — regionally-operated schools, colleges and trade schools (seed chapters 2, 7)
/// @notice Governance registers each school (a RegionalCompany) with its kind; each school opens
/// programmes with a capacity and an at-cost operating cost per student per period (a UTC calendar
/// month). Members apply to a programme's wait-list, which serves the regional priority class first:
/// students never enrolled before, and those whose last enrolment ended at least
/// `HigherEducationPriorityYears` × 365 days ago; FIFO within each class (two queues). The class is
/// fixed when the student applies. The school admits the next student when a seat is free.
/// An enrolled student pays each period: she pays `cost − subsidy` as the `Purchase` action
/// (student → school) and the capital pool pays `subsidy = ⌊cost × HigherEducationSubsidy / 1e18⌋`
/// as the `Subsidy` action (pool → school); K-12 is fully subsidised (the student pays 0). Both
/// balances are checked before anything moves.
interface IEducation {
    enum SchoolKind {
        None,
        K12,
        College,
        TradeSchool
    }

    struct Programme {
        address school;
        uint128 costPerPeriod; // RSC wei per enrolled student per month, at cost
        uint32 capacity;
        uint32 enrolled;
        string name;
    }

    event SchoolRegistered(address indexed school, SchoolKind kind);
    event ProgrammeOpened(uint256 indexed programmeId, address indexed school, string name, uint32 capacity);
    event ProgrammeCostSet(uint256 indexed programmeId, uint256 costPerPeriod);
    event ProgrammeCapacitySet(uint256 indexed programmeId, uint32 capacity);
    event Applied(uint256 indexed programmeId, address indexed student, bool priority);
    event ApplicationWithdrawn(uint256 indexed programmeId, address indexed student);
    event Enrolled(uint256 indexed programmeId, address indexed student, bool priority);
    event EnrolmentEnded(uint256 indexed programmeId, address indexed student);
    event TuitionPaid(
        uint256 indexed programmeId, address indexed student, uint32 indexed month, uint256 studentShare, uint256 subsidy
    );

    error EducationNotRegionalCompany(address account, Kind kind);
    error EducationNotSchool(address caller);
    error EducationNotProgrammeSchool(uint256 programmeId, address caller, address school);
    error EducationUnknownProgramme(uint256 programmeId);
    error EducationNotAPerson(address account, Kind kind);
    error EducationAlreadyApplied(uint256 programmeId, address student);
    error EducationNotApplied(uint256 programmeId, address student);
    error EducationAlreadyEnrolled(uint256 programmeId, address student);
    error EducationNotEnrolled(uint256 programmeId, address student);
    error EducationProgrammeFull(uint256 programmeId, uint32 capacity);
    error EducationWaitListEmpty(uint256 programmeId);
    error EducationNotStudentOrSchool(uint256 programmeId, address caller);
    error EducationTuitionAlreadyPaid(uint256 programmeId, address student, uint32 month);
    /// @notice The capital pool cannot cover the subsidy: nothing was moved.
    error EducationSubsidyUnavailable(address pool, uint256 subsidy, uint256 poolBalance);
    /// @notice The student cannot pay her share: nothing was moved.
    error EducationInsufficientBalance(address student, uint256 share, uint256 balance);

    // ------------------------------------------------------------------ views

    function schoolKind(address school) external view returns (SchoolKind);

    function programmeCount() external view returns (uint256);

    function programme(uint256 programmeId) external view returns (Programme memory);

    /// @notice The priority queue (head first), then the regular queue (head first).
    function waitLists(uint256 programmeId) external view returns (address[] memory priority, address[] memory regular);

    /// @notice Whether `student` would join the priority class if she applied now.
    function isPriority(address student) external view returns (bool);

    function isEnrolled(uint256 programmeId, address student) external view returns (bool);

    /// @notice The split of one period's cost: what the student pays and what the pool pays.
    function tuitionOf(uint256 programmeId) external view returns (uint256 studentShare, uint256 subsidy);

    // ------------------------------------------------------------------ governance

    /// @notice Registers `school` (a RegionalCompany) as `kind` (`None` retires it). Only governance.
    /// Emits {SchoolRegistered}.
    function registerSchool(address school, SchoolKind kind) external;

    // ------------------------------------------------------------------ schools

    /// @notice Opens a programme of the calling school. Emits {ProgrammeOpened} and {ProgrammeCostSet}.
    function openProgramme(string calldata name, uint32 capacity, uint128 costPerPeriod)
        external
        returns (uint256 programmeId);

    /// @notice Sets the at-cost operating cost per student per period. Only the programme's school.
    /// Emits {ProgrammeCostSet}.
    function setProgrammeCost(uint256 programmeId, uint128 costPerPeriod) external;

    /// @notice Sets the capacity (seats). Only the programme's school. Emits {ProgrammeCapacitySet}.
    function setCapacity(uint256 programmeId, uint32 capacity) external;

    /// @notice Admits the head of the priority queue, or of the regular queue when it is empty.
    /// Only the programme's school, with a free seat. Emits {Enrolled}.
    function admitNext(uint256 programmeId) external returns (address student);

    // ------------------------------------------------------------------ students

    /// @notice Joins the programme's wait-list in the class she belongs to now. Only a Person.
    /// Emits {Applied}.
    function applyTo(uint256 programmeId) external;

    /// @notice Leaves the programme's wait-list. Emits {ApplicationWithdrawn}.
    function withdrawApplication(uint256 programmeId) external;

    /// @notice Ends `student`'s enrolment (graduation or leaving): the student or the school.
    /// Emits {EnrolmentEnded}.
    function endEnrolment(uint256 programmeId, address student) external;

    /// @notice Pays the current period of the caller's enrolment (once per month), student share
    /// and subsidy (see the notice). Emits {TuitionPaid}.
    function payTuition(uint256 programmeId) external returns (uint256 studentShare, uint256 subsidy);
}
