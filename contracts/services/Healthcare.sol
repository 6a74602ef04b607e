// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Action, Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";
import {IRegionParameters, Param} from "../governance/IRegionParameters.sol";
import {IHealthcare} from "./IHealthcare.sol";

/// @title Healthcare
/// @notice See {IHealthcare}. Registered in the token as a Module allowed `Purchase` (the patient
/// buys the visit at cost) and `Subsidy` (the pool's part). The governance executor holds
/// `DEFAULT_ADMIN_ROLE` (registers hospitals, authorises upgrades).
contract Healthcare is IHealthcare, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    /// @custom:storage-location erc7201:conductor.storage.Healthcare
    struct HealthcareStorage {
        uint256 procedureCount;
        uint256 visitCount;
        mapping(address hospital => bool) hospitals;
        mapping(uint256 procedureId => Procedure) procedures;
        mapping(uint256 visitId => Visit) visits;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.Healthcare")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0xfa4d2b912178b045bd82cbbba9cd90b4c6747ad90584b257a7c502420dd3f000;
    uint256 private constant ONE = 1e18;

    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IRSC public immutable rsc;
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IRegionParameters public immutable params;
    /// @notice The capital pool, which pays the subsidies.
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    address public immutable capitalPool;

    function _s() private pure returns (HealthcareStorage storage $) {
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

    /// @inheritdoc IHealthcare
    function isHospital(address account) external view returns (bool) {
        return _s().hospitals[account];
    }

    /// @inheritdoc IHealthcare
    function procedureCount() external view returns (uint256) {
        return _s().procedureCount;
    }

    /// @inheritdoc IHealthcare
    function procedure(uint256 procedureId) external view returns (Procedure memory) {
        return _procedure(procedureId);
    }

    /// @inheritdoc IHealthcare
    function visitCount() external view returns (uint256) {
        return _s().visitCount;
    }

    /// @inheritdoc IHealthcare
    function visit(uint256 visitId) external view returns (Visit memory) {
        return _visit(visitId);
    }

    /// @inheritdoc IHealthcare
    function splitOf(uint256 visitId) public view returns (uint256 patientShare, uint256 subsidy) {
        uint256 price = _visit(visitId).price;
        subsidy = (price * params.get(Param.HealthcareSubsidy)) / ONE;
        patientShare = price - subsidy;
    }

    /// @inheritdoc IHealthcare
    function setHospital(address hospital, bool active) external onlyRole(DEFAULT_ADMIN_ROLE) {
        Kind kind = rsc.kindOf(hospital);
        if (kind != Kind.RegionalCompany) revert HealthcareNotRegionalCompany(hospital, kind);
        _s().hospitals[hospital] = active;
        emit HospitalRegistered(hospital, active);
    }

    /// @inheritdoc IHealthcare
    function addProcedure(string calldata name, uint128 price) external returns (uint256 procedureId) {
        HealthcareStorage storage $ = _s();
        if (!$.hospitals[msg.sender]) revert HealthcareNotHospital(msg.sender);
        procedureId = ++$.procedureCount;
        $.procedures[procedureId] = Procedure({hospital: msg.sender, price: price, name: name});
        emit ProcedureAdded(procedureId, msg.sender, name);
        emit PriceSet(procedureId, price);
    }

    /// @inheritdoc IHealthcare
    function setPrice(uint256 procedureId, uint128 price) external {
        _asHospital(procedureId).price = price;
        emit PriceSet(procedureId, price);
    }

    /// @inheritdoc IHealthcare
    function recordVisit(uint256 procedureId, address patient) external returns (uint256 visitId) {
        Procedure storage p = _asHospital(procedureId);
        Kind kind = rsc.kindOf(patient);
        if (kind != Kind.Person) revert HealthcareNotAPerson(patient, kind);
        HealthcareStorage storage $ = _s();
        visitId = ++$.visitCount;
        $.visits[visitId] = Visit({patient: patient, procedureId: uint64(procedureId), paid: false, price: p.price});
        emit VisitRecorded(visitId, procedureId, patient, p.price);
    }

    /// @inheritdoc IHealthcare
    function payVisit(uint256 visitId) external returns (uint256 patientShare, uint256 subsidy) {
        Visit storage v = _visit(visitId);
        if (msg.sender != v.patient) revert HealthcareNotPatient(visitId, msg.sender);
        if (v.paid) revert HealthcareVisitAlreadyPaid(visitId);
        (patientShare, subsidy) = splitOf(visitId);
        uint256 poolBalance = rsc.balanceOf(capitalPool);
        if (poolBalance < subsidy) revert HealthcareSubsidyUnavailable(capitalPool, subsidy, poolBalance);
        uint256 balance = rsc.balanceOf(msg.sender);
        if (balance < patientShare) revert HealthcareInsufficientBalance(msg.sender, patientShare, balance);
        v.paid = true;
        address hospital = _s().procedures[v.procedureId].hospital;
        bytes32 ref = bytes32(visitId);
        if (patientShare != 0) rsc.move(Action.Purchase, msg.sender, hospital, patientShare, ref);
        if (subsidy != 0) rsc.move(Action.Subsidy, capitalPool, hospital, subsidy, ref);
        emit VisitPaid(visitId, msg.sender, patientShare, subsidy);
    }

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    function _procedure(uint256 procedureId) private view returns (Procedure storage) {
        if (procedureId == 0 || procedureId > _s().procedureCount) revert HealthcareUnknownProcedure(procedureId);
        return _s().procedures[procedureId];
    }

    function _asHospital(uint256 procedureId) private view returns (Procedure storage p) {
        p = _procedure(procedureId);
        if (msg.sender != p.hospital || !_s().hospitals[msg.sender]) {
            revert HealthcareNotProcedureHospital(procedureId, msg.sender, p.hospital);
        }
    }

    function _visit(uint256 visitId) private view returns (Visit storage) {
        if (visitId == 0 || visitId > _s().visitCount) revert HealthcareUnknownVisit(visitId);
        return _s().visits[visitId];
    }
}
