// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "./ConductorTypes.sol";

/// @title ILotCollector — what the token asks of the profit-at-rest module
/// @notice The token books every company's lots itself ({CompanyLots}); collecting them (the tax,
/// the cursor) is the ProfitAtRest module's. After an outflow of a Company or RegionalCompany whose
/// oldest uncollected lot is due, the token calls {collectOnOutflow}, once the balances have
/// changed and the events are out. The profit-at-rest tax itself never triggers it.
interface ILotCollector {
    /// @notice `company` (of `kind`) just sent `amount` RSC wei out, and its oldest uncollected lot is
    /// due: collect what the rule says, measured before this outflow. `priority` is true for wages,
    /// their income tax and loan repayments (they come before the tax). Only the token.
    function collectOnOutflow(address company, Kind kind, uint256 amount, bool priority) external;
}
