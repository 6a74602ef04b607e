// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Action} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";

/// @title WagePayment — how Payroll moves a wage through the token
/// @notice One debit of the company: the net wage to the worker and the income tax (computed by
/// the token at the rate in force) to the capital pool, in one `moveTaxed` (actions `Wage` and
/// `IncomeTax`, `ref` = the employment id). The company's balance is not read first: the token is
/// asked for everything owed, and only when it refuses for want of funds is the balance it reported
/// paid instead, so nobody is ever paid more than earned and the rest stays owed.
library WagePayment {
    /// @notice Pays up to `owed` of employment `employmentId` (employer `company`) to `worker`.
    /// Returns the gross paid (`owed`, the company's whole balance when it holds less, or 0) and
    /// the tax withheld from it. Any refusal of the token other than `ERC20InsufficientBalance` of
    /// `company` for exactly `owed` reverts unchanged (a suspended side, a paused action …).
    function pay(IRSC rsc, address capitalPool, uint256 employmentId, address company, address worker, uint256 owed)
        internal
        returns (uint256 gross, uint256 tax)
    {
        try rsc.moveTaxed(Action.Wage, company, worker, owed, capitalPool, bytes32(employmentId)) returns (
            uint256, uint256 withheld
        ) {
            return (owed, withheld);
        } catch (bytes memory reason) {
            gross = availableOrRevert(reason, company, owed);
            if (gross != 0) {
                (, tax) = rsc.moveTaxed(Action.Wage, company, worker, gross, capitalPool, bytes32(employmentId));
            }
        }
    }

    /// @notice The company's balance if `reason` is the token's `ERC20InsufficientBalance(company,
    /// balance, owed)` with `balance < owed`; otherwise re-raises `reason` as it came.
    function availableOrRevert(bytes memory reason, address company, uint256 owed)
        internal
        pure
        returns (uint256 available)
    {
        if (reason.length == 100 && bytes4(reason) == IERC20Errors.ERC20InsufficientBalance.selector) {
            address sender;
            uint256 needed;
            assembly ("memory-safe") {
                sender := mload(add(reason, 36))
                available := mload(add(reason, 68))
                needed := mload(add(reason, 100))
            }
            if (sender == company && needed == owed && available < owed) return available;
        }
        assembly ("memory-safe") {
            revert(add(reason, 32), mload(reason))
        }
    }
}
