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
    // Kind bits, one per kind, used to build the masks below.
    uint256 private constant NONE = 1 << 0;
    uint256 private constant PERSON = 1 << 1;
    uint256 private constant COMPANY = 1 << 2;
    uint256 private constant REGIONAL = 1 << 3;
    uint256 private constant EXTERNAL = 1 << 4;
    uint256 private constant REGION = 1 << 5;
    uint256 private constant MODULE = 1 << 6;
    uint256 private constant BRIDGE = 1 << 7;

    uint256 private constant ANY_COMPANY = COMPANY | REGIONAL | EXTERNAL;
    uint256 private constant HOLDERS = PERSON | ANY_COMPANY;

    /// @notice True when `action` may move RSC from an account of kind `fromKind` to one of kind `toKind`.
    function isAllowed(Action action, Kind fromKind, Kind toKind) internal pure returns (bool) {
        return (maskOf(action) >> (uint256(uint8(fromKind)) * 8 + uint256(uint8(toKind)))) & 1 == 1;
    }

    /// @notice The 64-bit mask of allowed kind pairs for `action`.
    function maskOf(Action action) internal pure returns (uint64) {
        if (action == Action.Transfer) return _pairs(PERSON, PERSON);
        // The Bridge buys for a buyer of another region (cross-region purchase, paid from its mint).
        if (action == Action.Purchase) return _pairs(HOLDERS | REGION | BRIDGE, ANY_COMPANY);
        if (action == Action.Rent) return _pairs(HOLDERS, REGIONAL | REGION);
        if (action == Action.Wage) return _pairs(COMPANY | REGIONAL, PERSON);
        if (action == Action.IncomeTax) return _pairs(COMPANY | REGIONAL, REGION);
        if (action == Action.SalesTax) return _pairs(HOLDERS | REGION | BRIDGE, REGION);
        if (action == Action.ProfitAtRestTax) return _pairs(COMPANY | REGIONAL, REGION);
        if (action == Action.Ubi) return _pairs(REGION, PERSON);
        if (action == Action.Subsidy) return _pairs(REGION, REGIONAL);
        if (action == Action.LoanDisbursement) return _pairs(COMPANY, PERSON | COMPANY | REGIONAL);
        if (action == Action.LoanRepayment) return _pairs(PERSON | COMPANY | REGIONAL, COMPANY);
        if (action == Action.Deposit) return _pairs(NONE, HOLDERS | REGION);
        if (action == Action.Redemption) return _pairs(HOLDERS, MODULE) | _pairs(MODULE, NONE);
        if (action == Action.BridgeOut) return _pairs(PERSON | COMPANY | REGIONAL | REGION, NONE);
        if (action == Action.BridgeIn) return _pairs(NONE, PERSON | COMPANY | REGIONAL | REGION | BRIDGE);
        if (action == Action.Pooling) return _pairs(REGION, REGION | NONE) | _pairs(NONE, REGION);
        if (action == Action.Recovery) return _pairs(PERSON, PERSON);
        if (action == Action.Refund) return _pairs(ANY_COMPANY | MODULE, HOLDERS | REGION);
        return 0;
    }

    /// @dev Every pair (f, t) with f in `fromKinds` and t in `toKinds`, as a 64-bit mask.
    function _pairs(uint256 fromKinds, uint256 toKinds) private pure returns (uint64 mask) {
        for (uint256 f = 0; f < 8; ++f) {
            if ((fromKinds >> f) & 1 == 1) mask |= uint64(toKinds << (f * 8));
        }
    }
}
