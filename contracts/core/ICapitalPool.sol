// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title ICapitalPool — the region's account
/// @notice Taxes arrive here (as `IncomeTax`, `SalesTax`, `ProfitAtRestTax` actions of other
/// modules). Every active member may claim the regional UBI amount once per UBI period; the
/// period is rolling per member: a claim opens the next one `ubiPeriod` seconds later. Claims are
/// keyed by the stable member id, so a recovered key cannot claim twice in one period.
interface ICapitalPool {
    /// @notice Emitted when member `memberId` at `member` claimed `amount` RSC wei.
    event UbiClaimed(address indexed member, uint56 indexed memberId, uint256 amount, uint48 nextClaimAt);

    /// @notice Thrown when the caller is not an active member.
    error CapitalPoolNotAMember(address account);

    /// @notice Thrown when a member claims again before `nextClaimAt`.
    error CapitalPoolUbiAlreadyClaimed(uint56 memberId, uint48 nextClaimAt);

    /// @notice Thrown when the pool holds less than it would pay.
    error CapitalPoolInsufficientFunds(uint256 requested, uint256 available);

    /// @notice Thrown when the regional UBI amount is zero.
    error CapitalPoolUbiDisabled();

    /// @notice When member `memberId` may claim next (0: never claimed).
    function nextUbiClaimAt(uint56 memberId) external view returns (uint48);

    /// @notice What the pool holds, in RSC wei.
    function balance() external view returns (uint256);

    /// @notice Pays the caller the regional UBI amount. Emits {UbiClaimed}.
    function claimUbi() external returns (uint256 amount);
}
