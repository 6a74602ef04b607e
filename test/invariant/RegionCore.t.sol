// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Kind} from "../../contracts/core/ConductorTypes.sol";
import {IRSC} from "../../contracts/core/IRSC.sol";
import {Assert} from "./Cheats.sol";
import {RegionHandler} from "./RegionHandler.sol";
import {RegionSetup} from "./RegionSetup.sol";

/// @notice Invariants of the region core under random sequences of the handler's actions.
/// See test/invariant/README.md for each invariant in one line of math.
contract RegionCoreInvariantTest is RegionSetup {
    RegionHandler internal handler;

    function setUp() public {
        _deployRegion();
        handler = new RegionHandler(rsc, registry, reserve, pool, params, CUSTODIAN, address(this));
        registry.grantRole(registry.REGISTRAR_ROLE(), address(handler));
        // a starting population: three members, one of each company kind, one stranger
        for (uint8 i = 0; i < 3; ++i) handler.addActor(0);
        for (uint8 k = 1; k < 5; ++k) handler.addActor(k);
        handler.attestReserves(1e29);
    }

    /// @notice Only the handler is called at random.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 60
    function invariant_balancesSumToSupply() public view {
        uint256 sum;
        uint256 n = handler.actorCount();
        for (uint256 i = 0; i < n; ++i) {
            sum += rsc.balanceOf(handler.actors(i));
        }
        Assert.eq(sum, rsc.totalSupply(), "sum of balances == totalSupply");
    }

    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 60
    /// Mints never take the supply past the backing; the supply exceeds the backing only after an
    /// attestation that fell short, and then never grows past the supply at that attestation.
    function invariant_supplyBackedByReserves() public view {
        (uint256 usd,,) = reserve.attestedReserves();
        uint256 backing = Math.mulDiv(usd, params.exchangeRate(), 1e18);
        Assert.eq(handler.mintsPastBacking(), 0, "a deposit minted past the backing");
        Assert.le(
            rsc.totalSupply(),
            Math.max(backing, handler.supplyAtAttestation()),
            "totalSupply <= max(reserves x rate, supply at a short attestation)"
        );
    }

    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 60
    function invariant_directTransfersOnlyPersonToPerson() public view {
        Assert.eq(handler.directViolations(), 0, "direct transfers not Person->Person");
        Assert.eq(handler.suspendedViolations(), 0, "movements with a suspended side");
    }

    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 60
    function invariant_ubiOncePerPeriod() public view {
        Assert.eq(handler.ubiViolations(), 0, "UBI twice in a period for one member id");
    }

    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 60
    function invariant_accountsConsistent() public view {
        uint256 active;
        uint256 n = handler.actorCount();
        for (uint256 i = 0; i < n; ++i) {
            IRSC.Account memory a = rsc.accountOf(handler.actors(i));
            if (a.kind == Kind.Person && !a.suspended) ++active;
            if (a.kind == Kind.None) Assert.eq(a.balance, 0, "an unregistered address holds nothing");
        }
        Assert.eq(registry.memberCount(), active, "memberCount == active Persons");
        Assert.eq(rsc.balanceOf(address(reserve)), handler.pendingEscrow(), "reserve holds exactly the pending escrow");
    }

    /// @notice The handler's paths are not vacuous: a fixed sequence makes each of them succeed.
    function test_handlerPathsSucceed() public {
        // actors: 0 pool, 1 reserve, 2..4 members, 5 company, 6 regional, 7 external, 8 stranger
        handler.deposit(2, 100e18);
        handler.deposit(3, 100e18);
        handler.deposit(0, 10_000e18);
        handler.deposit(5, 100e18);
        Assert.eq(handler.deposits(), 4, "deposits");
        handler.transfer(2, 3, 10e18, false);
        handler.transfer(3, 2, 5e18, true);
        Assert.eq(handler.directSuccesses(), 2, "Person->Person transfers succeed");
        handler.transfer(5, 2, 1e18, false);
        handler.transfer(2, 5, 1e18, true);
        handler.transfer(2, 8, 1e18, false);
        Assert.eq(handler.directSuccesses(), 2, "other kinds are refused");
        handler.claimUbi(2, 0);
        handler.claimUbi(2, 1 days);
        Assert.eq(handler.ubiClaims(), 1, "one UBI claim per period");
        handler.claimUbi(2, 30 days);
        Assert.eq(handler.ubiClaims(), 2, "UBI again in the next period");
        handler.suspend(3);
        handler.transfer(2, 3, 1e18, false);
        Assert.eq(handler.directSuccesses(), 2, "a suspended member receives nothing");
        handler.restore(3);
        handler.transfer(2, 3, 1e18, false);
        Assert.eq(handler.directSuccesses(), 3, "restored");
        handler.requestRedemption(3, 20e18);
        handler.requestRedemption(5, 20e18);
        handler.settleRedemption(0, true);
        handler.settleRedemption(0, false);
        Assert.eq(handler.redemptionsSettled(), 2, "redemptions settled");
        handler.recover(4);
        Assert.eq(handler.recoveries(), 1, "recovery");
        Assert.eq(handler.actorCount(), 10, "the new key is an actor");
        invariant_balancesSumToSupply();
        invariant_supplyBackedByReserves();
        invariant_directTransfersOnlyPersonToPerson();
        invariant_ubiOncePerPeriod();
        invariant_accountsConsistent();
    }
}
