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
    function isAllowed(Action action, Kind fromKind, Kind toKind) internal pure returns (bool) {
        return (maskOf(action) >> (uint256(uint8(fromKind)) * 8 + uint256(uint8(toKind)))) & 1 == 1;
    }

    /// @notice The 64-bit mask of allowed kind pairs for `action`.
    function maskOf(Action action) internal pure returns (uint64) {
        if (action == Action.Transfer) return uint64(PERSON * FROM_PERSON);
        // The Bridge buys for a buyer of another region (cross-region purchase, paid from its mint).
        if (action == Action.Purchase) return uint64(ANY_COMPANY * (FROM_HOLDERS | FROM_REGION | FROM_BRIDGE));
        if (action == Action.Rent) return uint64((REGIONAL | REGION) * FROM_HOLDERS);
        if (action == Action.Wage) return uint64(PERSON * FROM_PAYROLL);
        if (action == Action.IncomeTax) return uint64(REGION * FROM_PAYROLL);
        if (action == Action.SalesTax) return uint64(REGION * (FROM_HOLDERS | FROM_REGION | FROM_BRIDGE));
        if (action == Action.ProfitAtRestTax) return uint64(REGION * FROM_PAYROLL);
        if (action == Action.Ubi) return uint64(PERSON * FROM_REGION);
        if (action == Action.Subsidy) return uint64(REGIONAL * FROM_REGION);
        if (action == Action.LoanDisbursement) return uint64((PERSON | COMPANY | REGIONAL) * FROM_COMPANY);
        if (action == Action.LoanRepayment) return uint64(COMPANY * (FROM_PERSON | FROM_COMPANY | FROM_REGIONAL));
        if (action == Action.Deposit) return uint64((HOLDERS | REGION) * FROM_NONE);
        if (action == Action.Redemption) return uint64(MODULE * FROM_HOLDERS | NONE * FROM_MODULE);
        if (action == Action.BridgeOut) {
            return uint64(NONE * (FROM_PERSON | FROM_COMPANY | FROM_REGIONAL | FROM_REGION));
        }
        if (action == Action.BridgeIn) return uint64((PERSON | COMPANY | REGIONAL | REGION | BRIDGE) * FROM_NONE);
        if (action == Action.Pooling) return uint64((REGION | NONE) * FROM_REGION | REGION * FROM_NONE);
        if (action == Action.Recovery) return uint64(PERSON * FROM_PERSON);
        if (action == Action.Refund) return uint64((HOLDERS | REGION) * (FROM_ANY_COMPANY | FROM_MODULE));
        return 0;
    }
}
