// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {CompanyLots} from "../../contracts/core/CompanyLots.sol";
import {Kind} from "../../contracts/core/ConductorTypes.sol";

/// @notice RSC's due-lot check is assembly with literals (every company outflow runs it); these
/// pin the literals to the library and the enum they stand for. Change one, and this fails.
contract CompanyLotsLayoutTest {
    function test_dueCheckLiteralsMatchTheLibrary() public pure {
        require(CompanyLots.UNCOLLECTED_BIT == uint256(1) << 137, "uncollected bit is not 137");
        require(CompanyLots.CURSOR_DATE_SHIFT == 138, "cursor date is not at bit 138");
        require(CompanyLots.LOT_UNIT == 900, "a lot unit is not 900 s");
        // The cursor date is 24 bits: 0xffffff in the check.
        require(CompanyLots.AMOUNT_SHIFT - CompanyLots.CURSOR_DATE_SHIFT == 24, "cursor date is not 24 bits");
        require(uint8(Kind.RegionalCompany) == 3, "RegionalCompany is not kind 3");
    }
}
