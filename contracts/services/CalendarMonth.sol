// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title CalendarMonth
/// @notice UTC calendar months as one number: `year * 12 + (month − 1)`, so November 2026 is
/// `2026 * 12 + 10 = 24322`. The services bill and book per calendar month, the same months the
/// public books (`conductor books --period 2026-11`) report.
library CalendarMonth {
    /// @notice The month index of the UTC calendar month containing `timestamp`.
    /// @dev Howard Hinnant's `civil_from_days`, restricted to dates after 1970.
    function monthOf(uint256 timestamp) internal pure returns (uint32) {
        unchecked {
            uint256 z = timestamp / 1 days + 719_468;
            uint256 era = z / 146_097;
            uint256 doe = z - era * 146_097;
            uint256 yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            uint256 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            uint256 mp = (5 * doy + 2) / 153;
            uint256 m = mp < 10 ? mp + 3 : mp - 9;
            uint256 y = yoe + era * 400 + (m <= 2 ? 1 : 0);
            return uint32(y * 12 + m - 1);
        }
    }

    /// @notice The month index of the current block.
    function current() internal view returns (uint32) {
        return monthOf(block.timestamp);
    }
}
