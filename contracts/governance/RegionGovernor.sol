// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";
import {Registry} from "../core/Registry.sol";
import {GovernanceMode, IRegionGovernor} from "./IRegionGovernor.sol";
import {IRegionParameters} from "./IRegionParameters.sol";
import {MemberVotes} from "./MemberVotes.sol";
import {ParameterCalls} from "./ParameterCalls.sol";

/// @title RegionGovernor
/// @notice See {IRegionGovernor}. OpenZeppelin's Governor with {GovernorSettings} (voting delay,
/// voting period and proposal threshold governed) and {GovernorTimelockControl} (the
/// TimelockController is the executor and the admin of every core contract). Counting is
/// OpenZeppelin's "bravo" (against, for, abstain; quorum counts for + abstain), kept per member id
/// in a bitmap so a vote follows a member's key recovery and a steady-state vote rewrites two
/// existing words instead of creating one.
/// @dev Queuing keeps gas low without changing what the timelock guarantees: OpenZeppelin's
/// Governor writes the eta in a fresh slot and GovernorTimelockControl the timelock operation id in
/// another; this governor keeps the eta in the proposal's tally slot and recomputes the operation
/// from the proposal's calls when it needs it. The state of a queued proposal is therefore read
/// from the governor alone; that is exact because only this governor executes and cancels its
/// operations on the timelock (EXECUTOR_ROLE and CANCELLER_ROLE are granted to it, and to the
/// council only in Representative mode, for the council's own operations). Known limit: in
/// Representative mode the council could also execute or cancel, directly on the timelock, a member
/// proposal queued before the switch; the governor would then still report it Queued.
///
/// Not upgradeable on purpose: it holds no funds and no state that outlives its proposals, a
/// proxy would add a delegatecall to every vote, and replacing it is one proposal (the timelock
/// grants PROPOSER_ROLE, EXECUTOR_ROLE and CANCELLER_ROLE to a new governor and revokes them from
/// this one).
contract RegionGovernor is IRegionGovernor, Governor, GovernorSettings, GovernorTimelockControl {
    using SafeCast for uint256;

    uint256 private constant ONE = 1e18;

    IRSC private immutable _rsc;
    Registry private immutable _registry;
    IRegionParameters private immutable _parameters;
    address private immutable _council;

    /// @custom:storage-location erc7201:conductor.storage.RegionGovernor
    struct RegionGovernorStorage {
        GovernanceMode mode;
        uint256 quorumFraction;
        mapping(uint256 proposalId => Tally) tallies;
        // bit (memberId % 256) of word (memberId / 256): the member voted
        mapping(uint256 proposalId => mapping(uint256 word => uint256 bits)) voted;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.RegionGovernor")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0xd125898e472da05e90755766c69d5e9530ed4e75f0709c5ff40ac61cb6f45d00;

    function _s() private pure returns (RegionGovernorStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @param name_ The governor's name (EIP-712 domain of signed votes).
    /// @param registry_ The registry whose members vote; the token is read from it.
    /// @param parameters_ The regional parameters, checked against their bounds when proposed.
    /// @param timelock_ The executor.
    /// @param council_ The council's Safe.
    /// @param mode_ The initial mode; the council must hold the timelock's PROPOSER_ROLE exactly
    /// when it is Representative.
    /// @param votingDelay_ Seconds between a proposal and the start of its vote.
    /// @param votingPeriod_ Seconds the vote stays open.
    /// @param quorumFraction_ The quorum as a fraction of active members (1e18 = 100 %).
    constructor(
        string memory name_,
        Registry registry_,
        IRegionParameters parameters_,
        TimelockController timelock_,
        address council_,
        GovernanceMode mode_,
        uint48 votingDelay_,
        uint32 votingPeriod_,
        uint256 quorumFraction_
    ) Governor(name_) GovernorSettings(votingDelay_, votingPeriod_, 0) GovernorTimelockControl(timelock_) {
        _registry = registry_;
        _rsc = registry_.rsc();
        _parameters = parameters_;
        _council = council_;
        _setMode(mode_);
        _setQuorumFraction(quorumFraction_);
    }

    // ================================================================== views

    /// @inheritdoc IRegionGovernor
    function mode() external view returns (GovernanceMode) {
        return _s().mode;
    }

    /// @inheritdoc IRegionGovernor
    function council() external view returns (address) {
        return _council;
    }

    /// @inheritdoc IRegionGovernor
    function registry() external view returns (address) {
        return address(_registry);
    }

    /// @inheritdoc IRegionGovernor
    function parameters() external view returns (address) {
        return address(_parameters);
    }

    /// @inheritdoc IRegionGovernor
    function quorumFraction() external view returns (uint256) {
        return _s().quorumFraction;
    }

    /// @inheritdoc IRegionGovernor
    function proposalTally(uint256 proposalId) external view returns (Tally memory) {
        return _s().tallies[proposalId];
    }

    /// @notice Votes against, for and abstaining on `proposalId` (GovernorCountingSimple's shape).
    function proposalVotes(uint256 proposalId)
        external
        view
        returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)
    {
        Tally memory t = _s().tallies[proposalId];
        return (t.againstVotes, t.forVotes, t.abstainVotes);
    }

    /// @inheritdoc IRegionGovernor
    function checkActions(address[] calldata targets, bytes[] calldata calldatas) external view {
        ParameterCalls.check(_parameters, targets, calldatas);
    }

    /// @notice The ERC-6372 clock: timestamps, like the registry's.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice See {clock}.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice Kept by proposal: against, for, abstain; quorum counts for and abstain.
    // solhint-disable-next-line func-name-mixedcase
    function COUNTING_MODE() public pure override returns (string memory) {
        return "support=bravo&quorum=for,abstain";
    }

    /// @notice Whether the member holding `account` today voted on `proposalId` (with any key).
    function hasVoted(uint256 proposalId, address account) external view override returns (bool) {
        IRSC.Account memory a = _rsc.accountOf(account);
        if (a.kind != Kind.Person) return false;
        uint56 memberId = a.tag;
        return _s().voted[proposalId][memberId >> 8] & (1 << (memberId & 0xff)) != 0;
    }

    /// @notice The quorum a proposal made now would need. A made proposal keeps the quorum fixed
    /// at its creation ({proposalTally}); `timepoint` is ignored because the registry keeps no
    /// history of the member count.
    function quorum(uint256) public view override returns (uint256) {
        return _quorumOf(_registry.memberCount());
    }

    /// @notice The state of `proposalId`, from the governor's own records (see the contract notes).
    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        return Governor.state(proposalId);
    }

    /// @notice When the queued `proposalId` becomes executable (0 until queued).
    function proposalEta(uint256 proposalId) public view override returns (uint256) {
        return _s().tallies[proposalId].etaSeconds;
    }

    /// @inheritdoc Governor
    function proposalNeedsQueuing(uint256 proposalId)
        public
        view
        override(Governor, GovernorTimelockControl)
        returns (bool)
    {
        return super.proposalNeedsQueuing(proposalId);
    }

    /// @inheritdoc Governor
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    // ================================================================== writes

    /// @notice Queues a passed proposal in the timelock. In Both mode only the council queues: its
    /// queuing is its approval.
    function queue(address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 descriptionHash)
        public
        override
        returns (uint256)
    {
        RegionGovernorStorage storage $ = _s();
        if ($.mode == GovernanceMode.Both && msg.sender != _council) revert RegionGovernorOnlyCouncil(msg.sender);
        uint256 proposalId = getProposalId(targets, values, calldatas, descriptionHash);
        _validateStateBitmap(proposalId, _encodeStateBitmap(ProposalState.Succeeded));
        uint48 etaSeconds = _queueOperations(proposalId, targets, values, calldatas, descriptionHash);
        $.tallies[proposalId].etaSeconds = etaSeconds;
        emit ProposalQueued(proposalId, etaSeconds);
        return proposalId;
    }

    /// @inheritdoc IRegionGovernor
    function setMode(GovernanceMode newMode) external onlyGovernance {
        _setMode(newMode);
    }

    /// @inheritdoc IRegionGovernor
    function setQuorumFraction(uint256 newQuorumFraction) external onlyGovernance {
        _setQuorumFraction(newQuorumFraction);
    }

    // ================================================================== internal

    /// @dev Every operation the timelock runs was scheduled by a legitimate proposer of the region:
    /// this governor, or the council in Representative mode. So the executor alone is the check,
    /// which lets the council govern these settings in Representative mode too.
    function _checkGovernance() internal view override {
        if (msg.sender != _executor()) revert GovernorOnlyExecutor(msg.sender);
    }

    /// @dev Only active members propose, never in Representative mode; parameter changes are
    /// checked against their bounds; the quorum is fixed from today's member count.
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override returns (uint256 proposalId) {
        RegionGovernorStorage storage $ = _s();
        if ($.mode == GovernanceMode.Representative) revert RegionGovernorProposalsClosed($.mode);
        if (MemberVotes.votesAt(_rsc.accountOf(proposer), block.timestamp) == 0) {
            revert RegionGovernorNotAMember(proposer);
        }
        ParameterCalls.check(_parameters, targets, calldatas);
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        $.tallies[proposalId].quorum = _quorumOf(_registry.memberCount()).toUint48();
    }

    /// @dev A vote counts once per member id, so it follows a member's key recovery. The second
    /// read of the voter's account word is warm.
    function _countVote(uint256 proposalId, address account, uint8 support, uint256 totalWeight, bytes memory)
        internal
        override
        returns (uint256)
    {
        if (totalWeight == 0) revert RegionGovernorNotAMember(account);
        _count(proposalId, _rsc.accountOf(account).tag, support);
        return 1;
    }

    function _getVotes(address account, uint256 timepoint, bytes memory) internal view override returns (uint256) {
        uint48 now_ = clock();
        if (timepoint >= now_) revert RegionGovernorFutureLookup(timepoint, now_);
        return MemberVotes.votesAt(_rsc.accountOf(account), timepoint);
    }

    function _quorumReached(uint256 proposalId) internal view override returns (bool) {
        Tally memory t = _s().tallies[proposalId];
        return uint256(t.forVotes) + t.abstainVotes >= t.quorum;
    }

    function _voteSucceeded(uint256 proposalId) internal view override returns (bool) {
        Tally memory t = _s().tallies[proposalId];
        return t.forVotes > t.againstVotes;
    }

    /// @dev Schedules the proposal's calls as one timelock batch, salted by governor and description.
    function _queueOperations(
        uint256,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        TimelockController tl = TimelockController(payable(timelock()));
        uint256 delay = tl.getMinDelay();
        tl.scheduleBatch(targets, values, calldatas, 0, _salt(descriptionHash), delay);
        return (block.timestamp + delay).toUint48();
    }

    function _executeOperations(
        uint256,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        TimelockController(payable(timelock())).executeBatch{value: msg.value}(
            targets, values, calldatas, 0, _salt(descriptionHash)
        );
    }

    /// @dev Only a pending proposal can be canceled (by its proposer), so there is never a timelock
    /// operation to cancel with it.
    function _cancel(address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 descriptionHash)
        internal
        override(Governor, GovernorTimelockControl)
        returns (uint256)
    {
        return Governor._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }

    // ================================================================== private

    function _count(uint256 proposalId, uint56 memberId, uint8 support) private {
        RegionGovernorStorage storage $ = _s();
        uint256 bit = 1 << (memberId & 0xff);
        uint256 bits = $.voted[proposalId][memberId >> 8];
        if (bits & bit != 0) revert RegionGovernorAlreadyVoted(proposalId, memberId);
        $.voted[proposalId][memberId >> 8] = bits | bit;
        Tally storage t = $.tallies[proposalId];
        // 0 against, 1 for, 2 abstain (bravo). A tally counts members: it cannot reach 2^48.
        if (support == 0) ++t.againstVotes;
        else if (support == 1) ++t.forVotes;
        else if (support == 2) ++t.abstainVotes;
        else revert GovernorInvalidVoteType();
    }

    /// @dev GovernorTimelockControl's salt: distinct per governor and description.
    function _salt(bytes32 descriptionHash) private view returns (bytes32) {
        return bytes20(address(this)) ^ descriptionHash;
    }

    function _setMode(GovernanceMode newMode) private {
        TimelockController tl = TimelockController(payable(timelock()));
        bool councilProposes = tl.hasRole(tl.PROPOSER_ROLE(), _council);
        if (councilProposes != (newMode == GovernanceMode.Representative)) {
            revert RegionGovernorModeRolesMismatch(newMode, councilProposes);
        }
        RegionGovernorStorage storage $ = _s();
        GovernanceMode old = $.mode;
        $.mode = newMode;
        emit GovernanceModeChanged(old, newMode);
    }

    function _setQuorumFraction(uint256 newQuorumFraction) private {
        if (newQuorumFraction == 0 || newQuorumFraction > ONE) {
            revert RegionGovernorInvalidQuorumFraction(newQuorumFraction);
        }
        RegionGovernorStorage storage $ = _s();
        uint256 old = $.quorumFraction;
        $.quorumFraction = newQuorumFraction;
        emit QuorumFractionChanged(old, newQuorumFraction);
    }

    /// @dev At least one vote, rounded up.
    function _quorumOf(uint256 members) private view returns (uint256) {
        return Math.max(1, Math.mulDiv(members, _s().quorumFraction, ONE, Math.Rounding.Ceil));
    }
}
