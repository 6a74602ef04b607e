// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title ReferenceERC20 — benchmark reference only
/// @notice A plain OpenZeppelin 5 ERC-20 with permit, deployed next to RSC in `npm run bench` so
/// that every RSC operation is compared with the same operation on an unrestricted token,
/// compiled with the same compiler settings, on the same network, in the same run.
/// Anyone can mint and burn: it never holds value and is never deployed in a region.
contract ReferenceERC20 is ERC20, ERC20Permit {
    constructor() ERC20("Reference", "REF") ERC20Permit("Reference") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function burn(address from, uint256 amount) external {
        _burn(from, amount);
    }
}
