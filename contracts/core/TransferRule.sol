// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Action, Kind} from "./ConductorTypes.sol";

/// @title TransferRule
/// @notice The one table of allowed `(action, fromKind, toKind)` triples — the seed's transfer rule
/// (chapter 2, "Currency") as data. Each action has a 64-bit mask over the 8×8 kind pairs: bit
/// `from * 8 + to` is set when RSC may move from an account of kind `from` to one of kind `to`.
/// `Kind.None` on the `from` side means a mint, on the `to` side a burn.
/// @dev The masks are constants so that checking the rule costs no storage read. Changing the
/// table is a contract upgrade, which only the region's governance executor can authorise.
library TransferRule {
    // Kind bits, one per kind: a set of `to` kinds.
    uint256 private constant NONE = 1 << 0;
    uint256 private constant PERSON = 1 << 1;
    uint256 private constant COMPANY = 1 << 2;
    uint256 private constant REGIONAL = 1 << 3;
    uint256 private constant EXTERNAL = 1 << 4;
    uint256 private constant REGION = 1 << 5;
    uint256 private constant MODULE = 1 << 6;
    uint256 private constant BRIDGE = 1 << 7;

    // Row bits, one per kind (bit `8 × kind`): a set of `from` kinds. `toKinds * fromRows` is every
    // pair (f, t) with f in the rows and t in `toKinds` (toKinds < 256, so no carries): the masks
    // below are constant expressions, folded by the compiler.
    uint256 private constant FROM_NONE = 1 << 0;
    uint256 private constant FROM_PERSON = 1 << 8;
    uint256 private constant FROM_COMPANY = 1 << 16;
    uint256 private constant FROM_REGIONAL = 1 << 24;
    uint256 private constant FROM_EXTERNAL = 1 << 32;
    uint256 private constant FROM_REGION = 1 << 40;
    uint256 private constant FROM_MODULE = 1 << 48;
    uint256 private constant FROM_BRIDGE = 1 << 56;

    uint256 private constant ANY_COMPANY = COMPANY | REGIONAL | EXTERNAL;
    uint256 private constant HOLDERS = PERSON | ANY_COMPANY;
    uint256 private constant FROM_ANY_COMPANY = FROM_COMPANY | FROM_REGIONAL | FROM_EXTERNAL;
    uint256 private constant FROM_HOLDERS = FROM_PERSON | FROM_ANY_COMPANY;
    uint256 private constant FROM_PAYROLL = FROM_COMPANY | FROM_REGIONAL;

    /// @notice True when `action` may move RSC from an account of kind `fromKind` to one of kind `toKind`.
    function isAllowed(Action action, Kind fromKind, Kind toKind) internal pure returns (bool allowed) {
        uint256 mask = maskOf(action);
        // Kinds are below 8, so the bit index is below 64: no overflow, no range check needed.
        assembly ("memory-safe") {
            allowed := and(shr(add(shl(3, fromKind), toKind), mask), 1)
        }
    }

    /// @notice The 64-bit mask of allowed kind pairs for `action`.
    /// @dev One comparison of a plain integer per action, the movements of every purchase and wage first.
    function maskOf(Action action) internal pure returns (uint64) {
        uint256 a = uint8(action);
        // The Bridge buys for a buyer of another region (cross-region purchase, paid from its mint).
        if (a == uint8(Action.Purchase)) return uint64(ANY_COMPANY * (FROM_HOLDERS | FROM_REGION | FROM_BRIDGE));
        if (a == uint8(Action.SalesTax)) return uint64(REGION * (FROM_HOLDERS | FROM_REGION | FROM_BRIDGE));
        if (a == uint8(Action.Wage)) return uint64(PERSON * FROM_PAYROLL);
        if (a == uint8(Action.IncomeTax)) return uint64(REGION * FROM_PAYROLL);
        if (a == uint8(Action.Transfer)) return uint64(PERSON * FROM_PERSON);
        if (a == uint8(Action.Rent)) return uint64((REGIONAL | REGION) * FROM_HOLDERS);
        if (a == uint8(Action.ProfitAtRestTax)) return uint64(REGION * FROM_PAYROLL);
        if (a == uint8(Action.Ubi)) return uint64(PERSON * FROM_REGION);
        if (a == uint8(Action.Subsidy)) return uint64(REGIONAL * FROM_REGION);
        if (a == uint8(Action.LoanDisbursement)) return uint64((PERSON | COMPANY | REGIONAL) * FROM_COMPANY);
        if (a == uint8(Action.LoanRepayment)) return uint64(COMPANY * (FROM_PERSON | FROM_COMPANY | FROM_REGIONAL));
        if (a == uint8(Action.Deposit)) return uint64((HOLDERS | REGION) * FROM_NONE);
        if (a == uint8(Action.Redemption)) return uint64(MODULE * FROM_HOLDERS | NONE * FROM_MODULE);
        if (a == uint8(Action.BridgeOut)) {
            return uint64(NONE * (FROM_PERSON | FROM_COMPANY | FROM_REGIONAL | FROM_REGION));
        }
        if (a == uint8(Action.BridgeIn)) return uint64((PERSON | COMPANY | REGIONAL | REGION | BRIDGE) * FROM_NONE);
        if (a == uint8(Action.Pooling)) return uint64((REGION | NONE) * FROM_REGION | REGION * FROM_NONE);
        if (a == uint8(Action.Recovery)) return uint64(PERSON * FROM_PERSON);
        if (a == uint8(Action.Refund)) return uint64((HOLDERS | REGION) * (FROM_ANY_COMPANY | FROM_MODULE));
        return 0;
    }
}
