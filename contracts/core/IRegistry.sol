// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "./ConductorTypes.sol";

/// @title IRegistry — who belongs to the region
/// @notice Registrars onboard members and register companies; they suspend, restore and recover
/// accounts. Kinds are written into the token ({IRSC}), where the transfer rule reads them.
/// Membership is non-transferable: there is no function that moves it, except key recovery by a
/// registrar. Voting power is membership: one active member, one vote ({getPastVotes}).
interface IRegistry {
    /// @notice What the registry keeps about a company besides its kind.
    /// @param industryId The industry in the region's wage schedule.
    /// @param registeredAt When it was registered.
    struct Company {
        uint32 industryId;
        uint48 registeredAt;
    }

    /// @notice Emitted when `member` joins with the stable `memberId`.
    event MemberOnboarded(address indexed member, uint56 indexed memberId);

    /// @notice Emitted when a company treasury is registered.
    event CompanyRegistered(address indexed treasury, Kind kind, uint32 indexed industryId, string name);

    /// @notice Emitted when an account is suspended, with the registrar's reason.
    event AccountSuspended(address indexed account, string reason);

    /// @notice Emitted when a suspended account is restored.
    event AccountRestored(address indexed account);

    /// @notice Emitted when a member's lost key `from` is replaced by `to`.
    event MemberRecovered(address indexed from, address indexed to, uint56 indexed memberId);

    /// @notice Thrown when a company kind is expected and `kind` is not one.
    error RegistryNotACompanyKind(Kind kind);

    /// @notice Thrown when a Company or RegionalCompany treasury is not a contract (a multi-signer account).
    error RegistryTreasuryNotContract(address treasury);

    /// @notice Thrown when `account` is not a member (an active or suspended Person).
    error RegistryNotAMember(address account);

    /// @notice Thrown when `account` is already suspended, or not suspended when restoring.
    error RegistrySuspensionUnchanged(address account, bool suspended);

    /// @notice Thrown when a registrar would suspend an account only governance registers (Region, Module, Bridge).
    error RegistryKindNotSuspendable(address account, Kind kind);

    /// @notice Thrown when a vote is looked up at a timepoint that is not yet in the past.
    error RegistryFutureLookup(uint256 timepoint, uint48 clock);

    /// @notice The number of active (not suspended) members.
    function memberCount() external view returns (uint256);

    /// @notice The company record of `treasury` (zeroes when it is not a company).
    function companyOf(address treasury) external view returns (Company memory);

    /// @notice Whether `account` is an active (not suspended) member.
    function isMember(address account) external view returns (bool);

    /// @notice The address member `account` was recovered to (0: never recovered). Follow it until
    /// a registered address to reach the member's current key (a key may be recovered again).
    function successorOf(address account) external view returns (address);

    /// @notice Onboards `member` as a Person. Only registrars. Emits {MemberOnboarded}.
    function onboardMember(address member) external returns (uint56 memberId);

    /// @notice Registers `treasury` as a company of `kind` in `industryId`. Only registrars.
    /// Emits {CompanyRegistered}.
    function registerCompany(address treasury, Kind kind, uint32 industryId, string calldata name) external;

    /// @notice Suspends `account`: it can neither send nor receive, and a member does not vote.
    /// Only registrars. Emits {AccountSuspended}.
    function suspend(address account, string calldata reason) external;

    /// @notice Restores a suspended account. Only registrars. Emits {AccountRestored}.
    function restore(address account) external;

    /// @notice Moves member `lost` (balance, membership, member id) onto the new address `to`, and
    /// records `to` as `lost`'s successor ({successorOf}). Only registrars. Emits {MemberRecovered}.
    function recoverMember(address lost, address to) external;

    // ERC-6372 clock and the votes a Governor reads.
    function clock() external view returns (uint48);
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external view returns (string memory);
    function getVotes(address account) external view returns (uint256);
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256);
}
