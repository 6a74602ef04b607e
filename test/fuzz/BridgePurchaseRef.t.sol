// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {BridgeGateway} from "../../contracts/federation/BridgeGateway.sol";
import {Assert} from "../invariant/Cheats.sol";

/// @notice Fuzzes the order a purchase message carries in its `ref`: any listing id of 192 bits and
/// any quantity pack into one word and unpack unchanged, and two different orders never share a ref.
contract BridgePurchaseRefFuzzTest {
    BridgeGateway internal gateway;

    function setUp() public {
        gateway = new BridgeGateway();
    }

    function testFuzz_purchaseRefRoundTrips(uint192 listingId, uint64 quantity) public view {
        bytes32 ref = gateway.purchaseRef(listingId, quantity);
        Assert.eq(uint256(ref) >> 64, listingId, "listing id in the high 192 bits");
        Assert.eq(uint64(uint256(ref)), quantity, "quantity in the low 64 bits");
    }

    function testFuzz_purchaseRefIsInjective(uint192 l1, uint64 q1, uint192 l2, uint64 q2) public view {
        bool same = gateway.purchaseRef(l1, q1) == gateway.purchaseRef(l2, q2);
        Assert.isTrue(same == (l1 == l2 && q1 == q2), "one ref per order");
    }
}
