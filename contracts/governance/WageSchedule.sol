// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {WageMath} from "../payroll/WageMath.sol";
import {IRegionParameters, Param} from "./IRegionParameters.sol";
import {IWageSchedule, MAX_NAME_BYTES, MAX_OCCUPATIONS, MAX_WAGE_EPOCHS} from "./IWageSchedule.sol";

/// @title WageSchedule
/// @notice See {IWageSchedule}. The governance executor holds `DEFAULT_ADMIN_ROLE`; it is the only
/// writer and the upgrade authority. The regional parameters contract is an immutable of the
/// implementation (an upgrade may point elsewhere).
contract WageSchedule is IWageSchedule, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    /// @dev An occupation as stored.
    struct OccupationRecord {
        // slot 0: what Payroll reads at hire, and what a change needs to start an epoch
        uint32 industryId;
        uint32 epochCount;
        bool retired;
        uint80 currentFrom; // existing workers' index when the newest epoch began
        uint64 productivityRange;
        // slot 1
        uint64 industryWeight;
        uint64 need;
        uint64 skill;
        uint64 stress;
        // slot 2
        uint64 danger;
    }

    /// @custom:storage-location erc7201:conductor.storage.WageSchedule
    struct WageScheduleStorage {
        uint32 industryCount;
        uint32 occupationCount;
        mapping(uint32 industryId => Industry) industries;
        mapping(uint32 industryId => uint32[]) industryOccupations;
        mapping(uint32 occupationId => OccupationRecord) occupations;
        mapping(uint32 occupationId => mapping(uint32 epoch => WageEpoch)) epochs;
        mapping(uint32 occupationId => string) occupationNames;
        mapping(uint32 industryId => string) industryNames;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.WageSchedule")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0xcf938623dd96d7dd3cdccbf91be6a3deba914d6ba94b26413f4a86e33b6e3f00;

    /// @notice The regional parameters (STARTING_WAGE, default reduction terms).
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IRegionParameters public immutable params;

    function _s() private pure returns (WageScheduleStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(IRegionParameters params_) {
        params = params_;
        _disableInitializers();
    }

    function initialize(address admin) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ================================================================== views

    /// @inheritdoc IWageSchedule
    function industryCount() external view returns (uint32) {
        return _s().industryCount;
    }

    /// @inheritdoc IWageSchedule
    function occupationCount() external view returns (uint32) {
        return _s().occupationCount;
    }

    /// @inheritdoc IWageSchedule
    function industry(uint32 industryId) external view returns (Industry memory) {
        _industry(industryId);
        return _s().industries[industryId];
    }

    /// @inheritdoc IWageSchedule
    function occupation(uint32 occupationId) external view returns (OccupationParams memory, bool retired) {
        OccupationRecord storage o = _occupation(occupationId);
        return (_paramsOf(o), o.retired);
    }

    /// @inheritdoc IWageSchedule
    function wageIndexOf(uint32 occupationId) public view returns (uint256) {
        OccupationRecord storage o = _occupation(occupationId);
        return _s().epochs[occupationId][o.epochCount - 1].toIndex;
    }

    /// @inheritdoc IWageSchedule
    function existingIndexOf(uint32 occupationId) external view returns (uint256) {
        OccupationRecord storage o = _occupation(occupationId);
        return _existingIndex(o, _s().epochs[occupationId][o.epochCount - 1]);
    }

    /// @inheritdoc IWageSchedule
    function baseWageOf(uint32 occupationId) external view returns (uint256) {
        return WageMath.baseWage(params.get(Param.StartingWage), wageIndexOf(occupationId));
    }

    /// @inheritdoc IWageSchedule
    function finalWageOf(uint32 occupationId, uint256 productivity) external view returns (uint256) {
        if (productivity > WageMath.ONE) revert WageScheduleFractionOutOfRange(productivity);
        OccupationRecord storage o = _occupation(occupationId);
        return WageMath.wage(
            params.get(Param.StartingWage), wageIndexOf(occupationId), productivity, o.productivityRange
        );
    }

    /// @inheritdoc IWageSchedule
    function hiringState(uint32 occupationId) external view returns (uint32 epochCount, bool hiring) {
        OccupationRecord storage o = _s().occupations[occupationId];
        return (o.epochCount, o.epochCount != 0 && !o.retired);
    }

    /// @inheritdoc IWageSchedule
    function epochsSince(uint32 occupationId, uint32 fromEpoch) external view returns (WageEpoch[] memory list) {
        uint32 count = _s().occupations[occupationId].epochCount;
        if (fromEpoch >= count) return list;
        mapping(uint32 => WageEpoch) storage epochs = _s().epochs[occupationId];
        list = new WageEpoch[](count - fromEpoch);
        for (uint32 i = fromEpoch; i < count; ++i) {
            list[i - fromEpoch] = epochs[i];
        }
    }

    /// @inheritdoc IWageSchedule
    function epochAt(uint32 occupationId, uint32 epoch) external view returns (WageEpoch memory) {
        OccupationRecord storage o = _occupation(occupationId);
        if (epoch >= o.epochCount) revert WageScheduleUnknownEpoch(occupationId, epoch, o.epochCount);
        return _s().epochs[occupationId][epoch];
    }

    /// @inheritdoc IWageSchedule
    function occupationsOf(uint32 industryId) external view returns (uint32[] memory) {
        _industry(industryId);
        return _s().industryOccupations[industryId];
    }

    /// @inheritdoc IWageSchedule
    function occupationName(uint32 occupationId) external view returns (string memory) {
        _occupation(occupationId);
        return _s().occupationNames[occupationId];
    }

    /// @inheritdoc IWageSchedule
    function industryName(uint32 industryId) external view returns (string memory) {
        _industry(industryId);
        return _s().industryNames[industryId];
    }

    // ================================================================== writes

    /// @inheritdoc IWageSchedule
    function addIndustry(uint64 need) external onlyRole(DEFAULT_ADMIN_ROLE) returns (uint32 industryId) {
        return _addIndustry(need);
    }

    /// @inheritdoc IWageSchedule
    function addNamedIndustry(uint64 need, string calldata name)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
        returns (uint32 industryId)
    {
        _checkName(name);
        industryId = _addIndustry(need);
        _s().industryNames[industryId] = name;
        emit IndustryNamed(industryId, name);
    }

    /// @inheritdoc IWageSchedule
    function changeIndustryNeed(uint32 industryId, uint64 need, ReductionTerms calldata terms)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        _checkFraction(need);
        Industry storage ind = _industry(industryId);
        (uint32 delay, uint32 decay) = _terms(terms);
        uint64 oldNeed = ind.need;
        ind.need = need;
        emit IndustryNeedChanged(industryId, oldNeed, need);
        WageScheduleStorage storage $ = _s();
        uint32[] storage list = $.industryOccupations[industryId];
        for (uint256 i = 0; i < list.length; ++i) {
            uint32 occupationId = list[i];
            OccupationRecord storage o = $.occupations[occupationId];
            _startEpoch(occupationId, o, _indexOf(need, o), o.productivityRange, delay, decay);
        }
    }

    /// @inheritdoc IWageSchedule
    function retireIndustry(uint32 industryId) external onlyRole(DEFAULT_ADMIN_ROLE) {
        Industry storage ind = _industry(industryId);
        if (ind.retired) revert WageScheduleIndustryRetired(industryId);
        ind.retired = true;
        emit IndustryRetired(industryId);
        WageScheduleStorage storage $ = _s();
        uint32[] storage list = $.industryOccupations[industryId];
        for (uint256 i = 0; i < list.length; ++i) {
            OccupationRecord storage o = $.occupations[list[i]];
            if (!o.retired) {
                o.retired = true;
                emit OccupationRetired(list[i]);
            }
        }
    }

    /// @inheritdoc IWageSchedule
    function addOccupation(OccupationParams calldata p)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
        returns (uint32 occupationId)
    {
        return _addOccupation(p);
    }

    /// @inheritdoc IWageSchedule
    function addNamedOccupation(OccupationParams calldata p, string calldata name)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
        returns (uint32 occupationId)
    {
        _checkName(name);
        occupationId = _addOccupation(p);
        _s().occupationNames[occupationId] = name;
        emit OccupationNamed(occupationId, name);
    }

    function _addOccupation(OccupationParams calldata p) private returns (uint32 occupationId) {
        Industry storage ind = _industry(p.industryId);
        if (ind.retired) revert WageScheduleIndustryRetired(p.industryId);
        _checkParams(p);
        WageScheduleStorage storage $ = _s();
        if ($.occupationCount >= MAX_OCCUPATIONS) revert WageScheduleTooManyOccupations(MAX_OCCUPATIONS);
        occupationId = ++$.occupationCount;
        OccupationRecord storage o = $.occupations[occupationId];
        o.industryId = p.industryId;
        _write(o, p);
        ++ind.occupationCount;
        $.industryOccupations[p.industryId].push(occupationId);
        emit OccupationAdded(occupationId, p);
        _startEpoch(occupationId, o, _indexOf(ind.need, o), p.productivityRange, 0, 0);
    }

    /// @inheritdoc IWageSchedule
    function changeOccupation(uint32 occupationId, OccupationParams calldata p, ReductionTerms calldata terms)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        OccupationRecord storage o = _occupation(occupationId);
        if (p.industryId != o.industryId) revert WageScheduleIndustryFixed(occupationId, o.industryId, p.industryId);
        _checkParams(p);
        (uint32 delay, uint32 decay) = _terms(terms);
        OccupationParams memory old = _paramsOf(o);
        _write(o, p);
        emit OccupationChanged(occupationId, old, p);
        _startEpoch(occupationId, o, _indexOf(_s().industries[o.industryId].need, o), p.productivityRange, delay, decay);
    }

    /// @inheritdoc IWageSchedule
    function retireOccupation(uint32 occupationId) external onlyRole(DEFAULT_ADMIN_ROLE) {
        OccupationRecord storage o = _occupation(occupationId);
        if (o.retired) revert WageScheduleOccupationRetired(occupationId);
        o.retired = true;
        emit OccupationRetired(occupationId);
    }

    /// @inheritdoc IWageSchedule
    function setOccupationName(uint32 occupationId, string calldata name) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _occupation(occupationId);
        _checkName(name);
        _s().occupationNames[occupationId] = name;
        emit OccupationNamed(occupationId, name);
    }

    /// @inheritdoc IWageSchedule
    function setIndustryName(uint32 industryId, string calldata name) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _industry(industryId);
        _checkName(name);
        _s().industryNames[industryId] = name;
        emit IndustryNamed(industryId, name);
    }

    // ================================================================== internal

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    function _addIndustry(uint64 need) private returns (uint32 industryId) {
        _checkFraction(need);
        WageScheduleStorage storage $ = _s();
        industryId = ++$.industryCount;
        $.industries[industryId].need = need;
        emit IndustryAdded(industryId, need);
    }

    /// @dev Starts a wage epoch: existing workers move from their index now (`from`) to `toIndex`,
    /// at once when it is a raise, else after `delay` over `decay`. Constant cost.
    function _startEpoch(
        uint32 occupationId,
        OccupationRecord storage o,
        uint256 toIndex,
        uint64 productivityRange,
        uint32 delay,
        uint32 decay
    ) private {
        WageScheduleStorage storage $ = _s();
        uint32 epoch = o.epochCount;
        if (epoch >= MAX_WAGE_EPOCHS) revert WageScheduleTooManyEpochs(occupationId, MAX_WAGE_EPOCHS);
        uint256 from = epoch == 0 ? toIndex : _existingIndex(o, $.epochs[occupationId][epoch - 1]);
        if (toIndex >= from) (delay, decay) = (0, 0);
        $.epochs[occupationId][epoch] = WageEpoch({
            changedAt: uint40(block.timestamp),
            delay: delay,
            decay: decay,
            toIndex: uint80(toIndex), // at most 32e18 (five factors of at most 2)
            productivityRange: productivityRange
        });
        o.epochCount = epoch + 1;
        o.currentFrom = uint80(from);
        emit WageEpochStarted(occupationId, epoch, from, toIndex, delay, decay, productivityRange);
    }

    /// @dev The index now of a worker who was on `o.currentFrom` when `last` (the newest epoch) began.
    function _existingIndex(OccupationRecord storage o, WageEpoch memory last) private view returns (uint256) {
        uint256 start = uint256(last.changedAt) + last.delay;
        return WageMath.decayedIndex(o.currentFrom, last.toIndex, start, start + last.decay, block.timestamp);
    }

    function _indexOf(uint64 industryNeed, OccupationRecord storage o) private view returns (uint256) {
        return WageMath.wageIndex(industryNeed, o.industryWeight, o.skill, o.need, o.stress, o.danger);
    }

    function _terms(ReductionTerms calldata terms) private view returns (uint32 delay, uint32 decay) {
        if (!terms.custom) {
            return (uint32(params.get(Param.WageReductionDelay)), uint32(params.get(Param.WageReductionDecay)));
        }
        (, uint256 max,) = params.boundsOf(Param.WageReductionDelay);
        if (terms.delay > max || terms.decay > max) revert WageScheduleTermsOutOfRange(terms.delay, terms.decay, max);
        return (terms.delay, terms.decay);
    }

    function _write(OccupationRecord storage o, OccupationParams calldata p) private {
        o.industryWeight = p.industryWeight;
        o.need = p.need;
        o.skill = p.skill;
        o.stress = p.stress;
        o.danger = p.danger;
        o.productivityRange = p.productivityRange;
    }

    function _paramsOf(OccupationRecord storage o) private view returns (OccupationParams memory) {
        return OccupationParams({
            industryId: o.industryId,
            industryWeight: o.industryWeight,
            need: o.need,
            skill: o.skill,
            stress: o.stress,
            danger: o.danger,
            productivityRange: o.productivityRange
        });
    }

    function _industry(uint32 industryId) private view returns (Industry storage) {
        if (industryId == 0 || industryId > _s().industryCount) revert WageScheduleUnknownIndustry(industryId);
        return _s().industries[industryId];
    }

    function _occupation(uint32 occupationId) private view returns (OccupationRecord storage o) {
        o = _s().occupations[occupationId];
        if (o.epochCount == 0) revert WageScheduleUnknownOccupation(occupationId);
    }

    function _checkParams(OccupationParams calldata p) private pure {
        _checkFraction(p.industryWeight);
        _checkFraction(p.need);
        _checkFraction(p.skill);
        _checkFraction(p.stress);
        _checkFraction(p.danger);
        _checkFraction(p.productivityRange);
    }

    function _checkName(string calldata name) private pure {
        uint256 length = bytes(name).length;
        if (length == 0) revert WageScheduleEmptyName();
        if (length > MAX_NAME_BYTES) revert WageScheduleNameTooLong(length, MAX_NAME_BYTES);
    }

    function _checkFraction(uint256 value) private pure {
        if (value > WageMath.ONE) revert WageScheduleFractionOutOfRange(value);
    }
}
