// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {CalendarMonth} from "../services/CalendarMonth.sol";

/// @notice Exposes {CalendarMonth} for tests.
contract CalendarMonthHarness {
    function monthOf(uint256 timestamp) external pure returns (uint32) {
        return CalendarMonth.monthOf(timestamp);
    }

    function monthsOf(uint256[] calldata timestamps) external pure returns (uint32[] memory months) {
        months = new uint32[](timestamps.length);
        for (uint256 i = 0; i < timestamps.length; ++i) {
            months[i] = CalendarMonth.monthOf(timestamps[i]);
        }
    }
}
