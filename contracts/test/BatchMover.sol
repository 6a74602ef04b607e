// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Action} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";

/// @title BatchMover — TEST ONLY
/// @notice A deliberately careless module for the auditor's tests and benchmark: once governance
/// registers it (`rsc.registerModule`), it performs whatever typed actions it is told, many per
/// transaction, with no check of its own. The token still enforces the transfer rule; everything
/// a real module must add (tax amounts, UBI periods, pairing with its own events) is missing, so
/// the auditor has something to catch. Never deploy outside a test chain.
contract BatchMover {
    /// @notice One typed action to perform.
    struct Step {
        Action action;
        address from;
        address to;
        uint256 amount;
        bytes32 ref;
    }

    IRSC private immutable _RSC;

    constructor(IRSC rsc) {
        _RSC = rsc;
    }

    /// @notice Performs `steps` in order, each through {IRSC-move}.
    function run(Step[] calldata steps) external {
        for (uint256 i = 0; i < steps.length; ++i) {
            Step calldata s = steps[i];
            _RSC.move(s.action, s.from, s.to, s.amount, s.ref);
        }
    }

    /// @notice A purchase with its sales tax, `count` times: `buyer` pays `price` to `seller` and
    /// `price × rate / 1e18` to `region`. The bench's bulk of clean, taxed actions.
    function purchases(address buyer, address seller, address region, uint256 price, uint256 rate, uint256 count)
        external
    {
        uint256 tax = price * rate / 1e18;
        for (uint256 i = 0; i < count; ++i) {
            bytes32 ref = bytes32(i);
            _RSC.move(Action.Purchase, buyer, seller, price, ref);
            _RSC.move(Action.SalesTax, buyer, region, tax, ref);
        }
    }

    /// @notice A wage with its income tax withheld, `count` times: of `gross`, `gross × rate / 1e18`
    /// goes from `employer` to `region` and the rest to `worker`.
    function wages(address employer, address worker, address region, uint256 gross, uint256 rate, uint256 count)
        external
    {
        uint256 tax = gross * rate / 1e18;
        for (uint256 i = 0; i < count; ++i) {
            bytes32 ref = bytes32(i);
            _RSC.move(Action.Wage, employer, worker, gross - tax, ref);
            _RSC.move(Action.IncomeTax, employer, region, tax, ref);
        }
    }
}
