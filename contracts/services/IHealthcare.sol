// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "../core/ConductorTypes.sol";

/// @title IHealthcare — regionally-operated hospitals (seed chapter 2)
/// @notice Governance registers each regional hospital (a RegionalCompany). A hospital lists its
/// visits and procedures with an at-cost price it alone sets, and records each visit of a member
/// (the price is fixed when the visit is recorded). The patient then pays the visit: her share
/// `price − subsidy` as the `Purchase` action (patient → hospital) and the capital pool the
/// subsidy `⌊price × HealthcareSubsidy / 1e18⌋` as the `Subsidy` action (pool → hospital). Both
/// balances are checked before anything moves.
interface IHealthcare {
    struct Procedure {
        address hospital;
        uint128 price; // RSC wei, at cost
        string name;
    }

    struct Visit {
        address patient;
        uint64 procedureId;
        bool paid;
        uint128 price;
    }

    event HospitalRegistered(address indexed hospital, bool active);
    event ProcedureAdded(uint256 indexed procedureId, address indexed hospital, string name);
    event PriceSet(uint256 indexed procedureId, uint256 price);
    event VisitRecorded(uint256 indexed visitId, uint256 indexed procedureId, address indexed patient, uint256 price);
    event VisitPaid(uint256 indexed visitId, address indexed patient, uint256 patientShare, uint256 subsidy);

    error HealthcareNotRegionalCompany(address account, Kind kind);
    error HealthcareNotHospital(address caller);
    error HealthcareNotProcedureHospital(uint256 procedureId, address caller, address hospital);
    error HealthcareUnknownProcedure(uint256 procedureId);
    error HealthcareUnknownVisit(uint256 visitId);
    error HealthcareNotAPerson(address account, Kind kind);
    error HealthcareNotPatient(uint256 visitId, address caller);
    error HealthcareVisitAlreadyPaid(uint256 visitId);
    /// @notice The capital pool cannot cover the subsidy: nothing was moved.
    error HealthcareSubsidyUnavailable(address pool, uint256 subsidy, uint256 poolBalance);
    /// @notice The patient cannot pay her share: nothing was moved.
    error HealthcareInsufficientBalance(address patient, uint256 share, uint256 balance);

    function isHospital(address account) external view returns (bool);

    function procedureCount() external view returns (uint256);

    function procedure(uint256 procedureId) external view returns (Procedure memory);

    function visitCount() external view returns (uint256);

    function visit(uint256 visitId) external view returns (Visit memory);

    /// @notice The split of a visit's price: the patient's share and the pool's subsidy.
    function splitOf(uint256 visitId) external view returns (uint256 patientShare, uint256 subsidy);

    /// @notice Registers or retires a hospital (a RegionalCompany). Only governance.
    /// Emits {HospitalRegistered}.
    function setHospital(address hospital, bool active) external;

    /// @notice Lists a visit or procedure of the calling hospital. Emits {ProcedureAdded} and {PriceSet}.
    function addProcedure(string calldata name, uint128 price) external returns (uint256 procedureId);

    /// @notice Sets the at-cost price. Only the procedure's hospital. Emits {PriceSet}.
    function setPrice(uint256 procedureId, uint128 price) external;

    /// @notice Records that `patient` (a Person) had `procedureId`. Only the procedure's hospital.
    /// Emits {VisitRecorded}.
    function recordVisit(uint256 procedureId, address patient) external returns (uint256 visitId);

    /// @notice Pays a recorded visit (see the notice). Only its patient, once. Emits {VisitPaid}.
    function payVisit(uint256 visitId) external returns (uint256 patientShare, uint256 subsidy);
}
