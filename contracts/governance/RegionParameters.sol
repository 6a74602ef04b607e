// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {IParameterListener} from "./IParameterListener.sol";
import {IRegionParameters, Param, Unit} from "./IRegionParameters.sol";

/// @title RegionParameters
/// @notice See {IRegionParameters}. The governance executor holds `DEFAULT_ADMIN_ROLE`; it is
/// the only writer and the upgrade authority. A change reaches the parameter's listener (a contract
/// keeping its own copy, see {IParameterListener}) in the same call, after the event.
contract RegionParameters is IRegionParameters, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    uint256 private constant ONE = 1e18;
    uint256 private constant PARAM_COUNT = uint256(type(Param).max) + 1;

    /// @custom:storage-location erc7201:conductor.storage.RegionParameters
    struct RegionParametersStorage {
        uint256[32] current; // indexed by Param; room to add parameters by upgrade
        mapping(Param param => address) listeners;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.RegionParameters")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0xd7c06fd467e15f624e06ee236015e8a52a41630665ce26f11e21e33b93d78d00;

    function _s() private pure returns (RegionParametersStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice `initialValues` holds one value per {Param}, in order.
    function initialize(address admin, uint256[] calldata initialValues) external initializer {
        if (initialValues.length != PARAM_COUNT) {
            revert RegionParametersLengthMismatch(PARAM_COUNT, initialValues.length);
        }
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        RegionParametersStorage storage $ = _s();
        for (uint256 i = 0; i < PARAM_COUNT; ++i) {
            _check(Param(i), initialValues[i]);
            $.current[i] = initialValues[i];
            emit ParameterChanged(Param(i), 0, initialValues[i]);
        }
        _checkProductivity($.current[uint256(Param.ProductivityMin)], $.current[uint256(Param.ProductivityMax)]);
    }

    // ================================================================== views

    /// @inheritdoc IRegionParameters
    function get(Param param) public view returns (uint256) {
        return _s().current[uint256(param)];
    }

    /// @inheritdoc IRegionParameters
    function boundsOf(Param param) public pure returns (uint256 min, uint256 max, Unit unit) {
        if (param == Param.ProfitAtRestDelay || param == Param.RegionalProfitAtRestDelay) {
            return (1 days, 10 * 365 days, Unit.Seconds);
        }
        if (param == Param.WageReductionDelay || param == Param.WageReductionDecay) return (0, 10 * 365 days, Unit.Seconds);
        if (param == Param.HigherEducationPriorityYears) return (0, 50, Unit.Count);
        if (param == Param.UbiAmount) return (0, 1_000_000 * ONE, Unit.RscWei);
        if (param == Param.UbiPeriod) return (1 days, 366 days, Unit.Seconds);
        if (param == Param.ExchangeRate) return (ONE / 100, 100 * ONE, Unit.Fraction);
        if (param == Param.StartingWage) return (ONE / 100, 10_000 * ONE, Unit.RscWei);
        return (0, ONE, Unit.Fraction);
    }

    /// @inheritdoc IRegionParameters
    function checkValues(Param[] calldata params, uint256[] calldata values) external view {
        if (params.length != values.length || params.length == 0) {
            revert RegionParametersLengthMismatch(params.length, values.length);
        }
        RegionParametersStorage storage $ = _s();
        uint256 pMin = $.current[uint256(Param.ProductivityMin)];
        uint256 pMax = $.current[uint256(Param.ProductivityMax)];
        for (uint256 i = 0; i < params.length; ++i) {
            _check(params[i], values[i]);
            if (params[i] == Param.ProductivityMin) pMin = values[i];
            if (params[i] == Param.ProductivityMax) pMax = values[i];
        }
        _checkProductivity(pMin, pMax);
    }

    /// @inheritdoc IRegionParameters
    function listenerOf(Param param) external view returns (address) {
        return _s().listeners[param];
    }

    function salesTaxRate() external view returns (uint256) {
        return get(Param.SalesTaxRate);
    }

    function incomeTaxRate() external view returns (uint256) {
        return get(Param.IncomeTaxRate);
    }

    function ubiAmount() external view returns (uint256) {
        return get(Param.UbiAmount);
    }

    function ubiPeriod() external view returns (uint256) {
        return get(Param.UbiPeriod);
    }

    function exchangeRate() external view returns (uint256) {
        return get(Param.ExchangeRate);
    }

    function startingWage() external view returns (uint256) {
        return get(Param.StartingWage);
    }

    // ================================================================== writes

    /// @inheritdoc IRegionParameters
    function setParameter(Param param, uint256 value) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _set(param, value);
        if (_isProductivity(param)) _checkCurrentProductivity();
    }

    /// @inheritdoc IRegionParameters
    function setParameters(Param[] calldata params, uint256[] calldata values) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (params.length != values.length || params.length == 0) {
            revert RegionParametersLengthMismatch(params.length, values.length);
        }
        bool productivity;
        for (uint256 i = 0; i < params.length; ++i) {
            _set(params[i], values[i]);
            productivity = productivity || _isProductivity(params[i]);
        }
        if (productivity) _checkCurrentProductivity();
    }

    /// @inheritdoc IRegionParameters
    function setListener(Param param, address listener) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _s().listeners[param] = listener;
        emit ListenerSet(param, listener);
    }

    // ================================================================== internal

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    function _set(Param param, uint256 value) private {
        _check(param, value);
        RegionParametersStorage storage $ = _s();
        uint256 old = $.current[uint256(param)];
        $.current[uint256(param)] = value;
        emit ParameterChanged(param, old, value);
        address listener = $.listeners[param];
        if (listener != address(0)) IParameterListener(listener).parameterChanged(param, value);
    }

    function _isProductivity(Param param) private pure returns (bool) {
        return param == Param.ProductivityMin || param == Param.ProductivityMax;
    }

    function _checkCurrentProductivity() private view {
        RegionParametersStorage storage $ = _s();
        _checkProductivity($.current[uint256(Param.ProductivityMin)], $.current[uint256(Param.ProductivityMax)]);
    }

    function _check(Param param, uint256 value) private pure {
        (uint256 min, uint256 max,) = boundsOf(param);
        if (value < min || value > max) revert RegionParametersOutOfBounds(param, value, min, max);
    }

    /// @dev The regional productivity range must have min <= max.
    function _checkProductivity(uint256 pMin, uint256 pMax) private pure {
        if (pMin > pMax) revert RegionParametersOutOfBounds(Param.ProductivityMin, pMin, 0, pMax);
    }
}
