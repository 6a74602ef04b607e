// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Action, Kind} from "./ConductorTypes.sol";

/// @title ILotLedger — what the token tells the profit-at-rest ledger
/// @notice The token calls {recordMove} after every typed action in which a `Company` or a
/// `RegionalCompany` sends or receives RSC, once the balances have changed. Actions the ledger
/// performs itself (the profit-at-rest tax) are not reported back: the ledger books them directly,
/// which also keeps the call from re-entering.
interface ILotLedger {
    /// @notice Books a movement of `amount` RSC wei from `from` (of kind `fromKind`) to `to`
    /// (of kind `toKind`) under `action`. Only the token.
    function recordMove(Action action, address from, Kind fromKind, address to, Kind toKind, uint256 amount)
        external;

    /// @notice A movement with its tax, as {IRSC-moveWithTax} performed it.
    struct TaxedMove {
        Action action;
        Action taxAction;
        address from;
        Kind fromKind;
        address to;
        Kind toKind;
        uint256 amount;
        address taxTo;
        Kind taxKind;
        uint256 tax;
    }

    /// @notice Books a movement with its tax ({IRSC-moveWithTax}): `amount + tax` RSC wei out of
    /// `from` as ONE outflow (under `action`), `amount` into `to` (under `action`) and `tax` into
    /// `taxTo` (under `taxAction`). Only the token.
    function recordMoveWithTax(TaxedMove calldata m) external;
}
