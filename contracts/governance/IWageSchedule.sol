// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @dev The most occupations a wage schedule holds (ids 1..65,535): Payroll packs an employment's
/// occupation id in 16 bits. {IWageSchedule-addOccupation} past it reverts.
uint32 constant MAX_OCCUPATIONS = 65_535;

/// @dev The most wage epochs one occupation has (epochs 0..65,535): Payroll packs an employment's
/// epoch in 16 bits. A change that would start one more reverts; the occupation's wage is then
/// fixed, and governance moves its workers on by adding a new occupation.
uint32 constant MAX_WAGE_EPOCHS = 65_536;

/// @dev The longest name (UTF-8 bytes) an occupation or industry may have.
uint256 constant MAX_NAME_BYTES = 64;

/// @title IWageSchedule — the region's wage schedule
/// @notice Industries (with their need) and occupations (with industry weight, need, skill, stress,
/// danger and productivity range) of the seed's wage formula (chapter 4). All fractions are
/// 18-decimal fixed point in [0, 1e18]. Only the region's governance executor writes; every change
/// emits its old and new values.
///
/// Each occupation keeps a list of **wage epochs**: one per change of its wage. An epoch records
/// the occupation's new wage index (the product of the formula's five `(1 + …)` factors, 1e18 = 1;
/// the base wage is `STARTING_WAGE × index`) and, for a reduction, when it starts to apply to
/// existing workers (`at + delay`) and over how long (`decay`). New hires always get the newest
/// index at once. An existing worker's index during an epoch is her index when the epoch began,
/// held for `delay` seconds and then moved linearly to the new index over `decay` seconds; a newer
/// reduction thus starts from the wage as currently decayed, and a raise applies at once.
/// Payroll reads the epochs lazily, so a change costs the same whatever the number of employments.
/// A change of the productivity range applies at once (it widens or narrows the band around the
/// base; it is not a change of the base). A change of STARTING_WAGE (in RegionParameters) scales
/// every wage at once.
interface IWageSchedule {
    /// @notice An occupation's parameters.
    /// @param industryId The industry the occupation belongs to (fixed once added).
    /// @param industryWeight How much the industry's need weighs on this occupation, [0, 1e18].
    /// @param need How much the region values the occupation, [0, 1e18].
    /// @param skill Skill and training the occupation takes, [0, 1e18].
    /// @param stress Physical and mental stress, [0, 1e18].
    /// @param danger Physical danger, [0, 1e18].
    /// @param productivityRange Fraction of the base wage productivity moves the wage by, [0, 1e18].
    struct OccupationParams {
        uint32 industryId;
        uint64 industryWeight;
        uint64 need;
        uint64 skill;
        uint64 stress;
        uint64 danger;
        uint64 productivityRange;
    }

    /// @notice How a reduction reaches existing workers. `custom == false` takes the regional
    /// defaults (RegionParameters' WageReductionDelay and WageReductionDecay).
    struct ReductionTerms {
        bool custom;
        uint32 delay;
        uint32 decay;
    }

    /// @notice One change of an occupation's wage (one storage slot).
    /// @param changedAt When the change was made (seconds). (Not `at`: ethers results have an `at` method.)
    /// @param delay Seconds after `at` before a reduction starts for existing workers.
    /// @param decay Seconds over which it then applies linearly (0 with delay 0: immediate).
    /// @param toIndex The new wage index, 1e18 = 1.
    /// @param productivityRange The productivity range from `at` on.
    struct WageEpoch {
        uint40 changedAt;
        uint32 delay;
        uint32 decay;
        uint80 toIndex;
        uint64 productivityRange;
    }

    /// @notice An industry.
    /// @param need How much the region values the industry, [0, 1e18].
    /// @param retired Whether it is retired (its occupations take no new hires).
    /// @param occupationCount How many occupations it has.
    struct Industry {
        uint64 need;
        bool retired;
        uint32 occupationCount;
    }

    // ------------------------------------------------------------------ events

    /// @notice Emitted when industry `industryId` is added with `need`.
    event IndustryAdded(uint32 indexed industryId, uint64 need);

    /// @notice Emitted when the need of `industryId` changes (each of its occupations gets an epoch).
    event IndustryNeedChanged(uint32 indexed industryId, uint64 oldNeed, uint64 newNeed);

    /// @notice Emitted when `industryId` is retired.
    event IndustryRetired(uint32 indexed industryId);

    /// @notice Emitted when occupation `occupationId` is added.
    event OccupationAdded(uint32 indexed occupationId, OccupationParams params);

    /// @notice Emitted when the parameters of `occupationId` change.
    event OccupationChanged(uint32 indexed occupationId, OccupationParams oldParams, OccupationParams newParams);

    /// @notice Emitted when `occupationId` is retired (existing employments continue; no new hires).
    event OccupationRetired(uint32 indexed occupationId);

    /// @notice Emitted when `occupationId`'s wage changes: epoch `epoch` moves existing workers from
    /// `fromIndex` (their index at `at`, for those hired before) to `toIndex` after `delay` seconds
    /// over `decay` seconds (both zero for a raise). Indices are 1e18 = 1.
    event WageEpochStarted(
        uint32 indexed occupationId,
        uint32 indexed epoch,
        uint256 fromIndex,
        uint256 toIndex,
        uint32 delay,
        uint32 decay,
        uint64 productivityRange
    );

    /// @notice Emitted when occupation `occupationId` is named (or renamed) `name`. The history of
    /// an occupation's names is the list of these events.
    event OccupationNamed(uint32 indexed occupationId, string name);

    /// @notice Emitted when industry `industryId` is named (or renamed) `name`.
    event IndustryNamed(uint32 indexed industryId, string name);

    // ------------------------------------------------------------------ errors

    /// @notice Thrown when a fraction parameter `value` is above 1e18.
    error WageScheduleFractionOutOfRange(uint256 value);

    /// @notice Thrown when `industryId` does not exist.
    error WageScheduleUnknownIndustry(uint32 industryId);

    /// @notice Thrown when `industryId` is retired and cannot take a new occupation.
    error WageScheduleIndustryRetired(uint32 industryId);

    /// @notice Thrown when `occupationId` does not exist.
    error WageScheduleUnknownOccupation(uint32 occupationId);

    /// @notice Thrown when `epoch` of `occupationId` does not exist (it has `epochCount` epochs).
    error WageScheduleUnknownEpoch(uint32 occupationId, uint32 epoch, uint32 epochCount);

    /// @notice Thrown when `occupationId` is already retired.
    error WageScheduleOccupationRetired(uint32 occupationId);

    /// @notice Thrown when a change would move occupation `occupationId` from `industryId` to `newIndustryId`.
    error WageScheduleIndustryFixed(uint32 occupationId, uint32 industryId, uint32 newIndustryId);

    /// @notice Thrown when an occupation is added to a schedule that holds `max` already.
    error WageScheduleTooManyOccupations(uint32 max);

    /// @notice Thrown when a change would start an epoch past the `max` epochs `occupationId` may have.
    error WageScheduleTooManyEpochs(uint32 occupationId, uint32 max);

    /// @notice Thrown when custom reduction terms exceed the regional bounds of delay and decay.
    error WageScheduleTermsOutOfRange(uint32 delay, uint32 decay, uint256 max);

    /// @notice Thrown when a name is empty.
    error WageScheduleEmptyName();

    /// @notice Thrown when a name is `length` bytes long, over the `max` allowed.
    error WageScheduleNameTooLong(uint256 length, uint256 max);

    // ------------------------------------------------------------------ views

    /// @notice The number of industries (ids are 1..industryCount).
    function industryCount() external view returns (uint32);

    /// @notice The number of occupations (ids are 1..occupationCount).
    function occupationCount() external view returns (uint32);

    /// @notice Industry `industryId`.
    function industry(uint32 industryId) external view returns (Industry memory);

    /// @notice The parameters of `occupationId` and whether it is retired.
    function occupation(uint32 occupationId) external view returns (OccupationParams memory params, bool retired);

    /// @notice The wage index a new hire into `occupationId` gets now (1e18 = 1).
    function wageIndexOf(uint32 occupationId) external view returns (uint256);

    /// @notice The wage index of a worker hired into `occupationId` before every epoch, now.
    function existingIndexOf(uint32 occupationId) external view returns (uint256);

    /// @notice The base hourly wage (RSC wei) a new hire into `occupationId` gets now.
    function baseWageOf(uint32 occupationId) external view returns (uint256);

    /// @notice The final hourly wage (RSC wei) a new hire into `occupationId` at `productivity` gets now.
    function finalWageOf(uint32 occupationId, uint256 productivity) external view returns (uint256);

    /// @notice How many wage epochs `occupationId` has, and whether it takes new hires (it exists
    /// and neither it nor its industry is retired). One storage read: what Payroll checks at hire.
    function hiringState(uint32 occupationId) external view returns (uint32 epochCount, bool hiring);

    /// @notice The wage epochs of `occupationId` from `fromEpoch` to the newest.
    function epochsSince(uint32 occupationId, uint32 fromEpoch) external view returns (WageEpoch[] memory);

    /// @notice Wage epoch `epoch` of `occupationId`.
    function epochAt(uint32 occupationId, uint32 epoch) external view returns (WageEpoch memory);

    /// @notice The occupations of `industryId`.
    function occupationsOf(uint32 industryId) external view returns (uint32[] memory);

    /// @notice The name of `occupationId` ("" while unnamed). Reverts for an unknown occupation.
    function occupationName(uint32 occupationId) external view returns (string memory);

    /// @notice The name of `industryId` ("" while unnamed). Reverts for an unknown industry.
    function industryName(uint32 industryId) external view returns (string memory);

    // ------------------------------------------------------------------ writes (governance only)

    /// @notice Adds an industry with `need`. Emits {IndustryAdded}.
    function addIndustry(uint64 need) external returns (uint32 industryId);

    /// @notice Adds an industry with `need` and names it `name` in one call, so a proposal never
    /// has to guess the id the industry will get. Emits {IndustryAdded} and {IndustryNamed}; refuses
    /// a bad name like {setIndustryName}, adding nothing.
    function addNamedIndustry(uint64 need, string calldata name) external returns (uint32 industryId);

    /// @notice Changes the need of `industryId`; every occupation of it gets a wage epoch, a
    /// reduction reaching existing workers on `terms`. Cost grows with the industry's occupations,
    /// never with employments. Emits {IndustryNeedChanged} and a {WageEpochStarted} per occupation.
    /// Reverts with {WageScheduleTooManyEpochs} if one of them has `MAX_WAGE_EPOCHS` already.
    function changeIndustryNeed(uint32 industryId, uint64 need, ReductionTerms calldata terms) external;

    /// @notice Retires `industryId` and every occupation of it. Emits {IndustryRetired} and {OccupationRetired}s.
    function retireIndustry(uint32 industryId) external;

    /// @notice Adds an occupation. Emits {OccupationAdded} and {WageEpochStarted} (epoch 0).
    /// Reverts with {WageScheduleTooManyOccupations} past `MAX_OCCUPATIONS`.
    function addOccupation(OccupationParams calldata params) external returns (uint32 occupationId);

    /// @notice {addOccupation} and {setOccupationName} in one call, so a proposal never has to
    /// guess the id the occupation will get. Emits {OccupationAdded}, {WageEpochStarted} and
    /// {OccupationNamed}; refuses a bad name like {setOccupationName}, adding nothing.
    function addNamedOccupation(OccupationParams calldata params, string calldata name)
        external
        returns (uint32 occupationId);

    /// @notice Changes the parameters of `occupationId` (its industry stays); a reduction of its
    /// wage index reaches existing workers on `terms`. Emits {OccupationChanged} and {WageEpochStarted}.
    /// Reverts with {WageScheduleTooManyEpochs} when the occupation has `MAX_WAGE_EPOCHS` already.
    function changeOccupation(uint32 occupationId, OccupationParams calldata params, ReductionTerms calldata terms)
        external;

    /// @notice Retires `occupationId`: no new hires; existing employments continue. Emits {OccupationRetired}.
    function retireOccupation(uint32 occupationId) external;

    /// @notice Names (or renames) `occupationId` `name`: 1 to `MAX_NAME_BYTES` bytes of UTF-8, not
    /// checked for uniqueness. Emits {OccupationNamed}. Reverts with {WageScheduleUnknownOccupation},
    /// {WageScheduleEmptyName} or {WageScheduleNameTooLong}. A retired occupation may be renamed.
    function setOccupationName(uint32 occupationId, string calldata name) external;

    /// @notice Names (or renames) `industryId` `name` (same rules as occupations). Emits
    /// {IndustryNamed}. Reverts with {WageScheduleUnknownIndustry}, {WageScheduleEmptyName} or
    /// {WageScheduleNameTooLong}.
    function setIndustryName(uint32 industryId, string calldata name) external;
}
