// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";

/// @title MemberVotes
/// @notice The one rule of a member's vote, read from her account word in the token: an active
/// (not suspended) Person whose vote counts since at or before `timepoint` has exactly one vote.
/// It is the rule of {IRegistry-getPastVotes}; the governor applies it to the account word it
/// already reads, so a vote costs one cross-contract read.
library MemberVotes {
    /// @notice The votes of the account `a` at `timepoint` (0 or 1).
    function votesAt(IRSC.Account memory a, uint256 timepoint) internal pure returns (uint256) {
        return a.kind == Kind.Person && !a.suspended && a.votingSince != 0 && a.votingSince <= timepoint ? 1 : 0;
    }
}
