// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @notice How a region decides, chosen at deployment and switched only by the region's own process.
enum GovernanceMode {
    Direct, // members propose and vote; anyone queues and executes after the timelock
    Representative, // the council proposes and decides with its threshold through the timelock
    Both // members propose and vote; the council must approve by queuing what passed
}

/// @title IRegionGovernor
/// @notice The region's member voting, on top of OpenZeppelin's {IGovernor}: one active member, one
/// vote, read from the member's account word in the token (no NFT, no delegation, no checkpoint per
/// member). Quorum is a governed fraction of the active members counted when a proposal is made.
/// Parameter changes aimed at {IRegionParameters} are checked against their bounds when proposed.
interface IRegionGovernor {
    /// @notice One proposal's tally, the quorum fixed when it was made and when it may be
    /// executed once queued, packed in one slot (5 x 48 bits: a count of members fits in 48 bits).
    /// @param againstVotes Members who voted against.
    /// @param forVotes Members who voted for.
    /// @param abstainVotes Members who abstained.
    /// @param quorum Votes (for + abstain) needed, from the member count at proposal time.
    /// @param etaSeconds When the queued proposal becomes executable (0 until queued).
    struct Tally {
        uint48 againstVotes;
        uint48 forVotes;
        uint48 abstainVotes;
        uint48 quorum;
        uint48 etaSeconds;
    }

    /// @notice Emitted when the governance mode changes from `oldMode` to `newMode`.
    event GovernanceModeChanged(GovernanceMode oldMode, GovernanceMode newMode);

    /// @notice Emitted when the quorum fraction changes (18-decimal fixed point, 1e18 = 100 %).
    event QuorumFractionChanged(uint256 oldQuorumFraction, uint256 newQuorumFraction);

    /// @notice Thrown when `account` is not an active member with a vote and tries to propose or vote.
    error RegionGovernorNotAMember(address account);

    /// @notice Thrown when member `memberId` (whatever key she uses) votes twice on `proposalId`.
    error RegionGovernorAlreadyVoted(uint256 proposalId, uint56 memberId);

    /// @notice Thrown when a member proposes while the region is in `mode` (Representative).
    error RegionGovernorProposalsClosed(GovernanceMode mode);

    /// @notice Thrown when `caller`, not the council, queues a proposal in Both mode.
    error RegionGovernorOnlyCouncil(address caller);

    /// @notice Thrown when the quorum fraction `quorumFraction` is zero or above 1e18.
    error RegionGovernorInvalidQuorumFraction(uint256 quorumFraction);

    /// @notice Thrown when switching to `mode` while the council's proposer role on the timelock
    /// (`councilProposes`) does not match it: the council proposes exactly in Representative mode.
    error RegionGovernorModeRolesMismatch(GovernanceMode mode, bool councilProposes);

    /// @notice Thrown when votes are looked up at `timepoint`, not yet in the past of `clock`.
    error RegionGovernorFutureLookup(uint256 timepoint, uint48 clock);

    /// @notice The region's governance mode.
    function mode() external view returns (GovernanceMode);

    /// @notice The council's multi-signer account (a Safe).
    function council() external view returns (address);

    /// @notice The registry whose members vote.
    function registry() external view returns (address);

    /// @notice The parameters whose changes are checked against their bounds when proposed.
    function parameters() external view returns (address);

    /// @notice The quorum as a fraction of the active members (18-decimal fixed point).
    function quorumFraction() external view returns (uint256);

    /// @notice The tally of `proposalId` and the quorum fixed when it was made.
    function proposalTally(uint256 proposalId) external view returns (Tally memory);

    /// @notice Reverts with {IRegionParameters-RegionParametersOutOfBounds} when the parameter
    /// changes among these calls (setParameter/setParameters on {parameters}), applied together on
    /// top of today's values, would be refused. Other calls are not inspected.
    function checkActions(address[] calldata targets, bytes[] calldata calldatas) external view;

    /// @notice Switches the governance mode. Only governance (the timelock). Requirements: the
    /// council holds the timelock's PROPOSER_ROLE if and only if `newMode` is Representative.
    /// Emits {GovernanceModeChanged}.
    function setMode(GovernanceMode newMode) external;

    /// @notice Sets the quorum fraction for proposals made from now on. Only governance.
    /// Requirements: 0 < `newQuorumFraction` <= 1e18. Emits {QuorumFractionChanged}.
    function setQuorumFraction(uint256 newQuorumFraction) external;
}
