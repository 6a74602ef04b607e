// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @notice Every scalar regional parameter of the seed's list (chapter 3, "Regional parameters").
/// Fractions are 18-decimal fixed point (1e18 = 100 %); durations are seconds; amounts are RSC wei.
enum Param {
    SalesTaxRate, // fraction of a purchase's net price, paid by the buyer on top
    IncomeTaxRate, // fraction of a gross wage withheld
    ProfitAtRestDelay, // seconds an inflow may rest before it is taxed
    ProfitAtRestRate, // fraction of a rested lot taxed
    RegionalProfitAtRestDelay, // the same, for regionally-operated companies
    RegionalProfitAtRestRate,
    ProductivityMin, // lowest productivity a company may set (fraction)
    ProductivityMax, // highest productivity a company may set (fraction), >= ProductivityMin
    WageReductionDelay, // default seconds before a wage reduction starts for existing workers
    WageReductionDecay, // default seconds over which it then applies linearly
    HealthcareSubsidy, // fraction of at-cost healthcare paid by the capital pool
    HigherEducationSubsidy, // fraction of a programme's operating cost paid by the capital pool
    HigherEducationPriorityYears, // N: students not enrolled for N years are served first
    ApartmentAboveCost, // fraction above cost charged for apartments
    HouseRentalAboveCost, // fraction above cost charged for duplexes and houses
    UbiAmount, // RSC wei paid to each member per UBI period
    UbiPeriod, // seconds between two UBI claims of a member
    ExchangeRate, // RSC per USD (fraction, 1e18 = 1:1)
    StartingWage // RSC wei per hour, the wage formula's STARTING_WAGE
}

/// @notice The unit of a parameter, for readers (SDK, dashboard) and bounds.
enum Unit {
    Fraction,
    Seconds,
    Count,
    RscWei
}

/// @title IRegionParameters
/// @notice The region's scalar parameters, typed and bounded. Only the region's governance executor
/// writes; every change emits {ParameterChanged} with the old and new value, and the events are the
/// parameters' history (the SDK's `getParameters`, `conductor params --history`): each value
/// with the block that set it, from the deployment on. Keeping the history in storage as well cost
/// 27,000 gas on every change and no contract reads it.
///
/// A contract that keeps its own copy of a parameter (see {IParameterListener}) is registered as
/// that parameter's listener and told of every change in the same transaction.
interface IRegionParameters {
    /// @notice Emitted when `param` changes from `oldValue` to `newValue`.
    event ParameterChanged(Param indexed param, uint256 oldValue, uint256 newValue);

    /// @notice Emitted when `listener` (zero: none) becomes the contract told of `param`'s changes.
    event ListenerSet(Param indexed param, address listener);

    /// @notice Thrown when `value` lies outside `param`'s bounds `[min, max]`.
    error RegionParametersOutOfBounds(Param param, uint256 value, uint256 min, uint256 max);

    /// @notice Thrown when the lists of parameters and values differ in length or are empty.
    error RegionParametersLengthMismatch(uint256 params, uint256 values);

    /// @notice The current value of `param`.
    function get(Param param) external view returns (uint256);

    /// @notice The bounds and unit of `param`. Productivity bounds are also checked against each other.
    function boundsOf(Param param) external pure returns (uint256 min, uint256 max, Unit unit);

    /// @notice Reverts with {RegionParametersOutOfBounds} unless setting `params` to `values`
    /// (applied in order, on top of today's values) would be accepted. Used when a proposal is made.
    function checkValues(Param[] calldata params, uint256[] calldata values) external view;

    /// @notice The contract told of every change of `param` (zero: none).
    function listenerOf(Param param) external view returns (address);

    /// @notice Makes `listener` (zero: none) the contract told of every change of `param`, in the
    /// same transaction. Only the governance executor. Emits {ListenerSet}.
    function setListener(Param param, address listener) external;

    /// @notice Sets `param` to `value`. Only the governance executor. Emits {ParameterChanged}.
    function setParameter(Param param, uint256 value) external;

    /// @notice Sets several parameters at once, in order. Only the governance executor.
    function setParameters(Param[] calldata params, uint256[] calldata values) external;

    // Typed getters, one per parameter.
    function salesTaxRate() external view returns (uint256);
    function incomeTaxRate() external view returns (uint256);
    function ubiAmount() external view returns (uint256);
    function ubiPeriod() external view returns (uint256);
    function exchangeRate() external view returns (uint256);
    function startingWage() external view returns (uint256);
}
