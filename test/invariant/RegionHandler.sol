// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {CapitalPool} from "../../contracts/core/CapitalPool.sol";
import {Kind} from "../../contracts/core/ConductorTypes.sol";
import {IRSC} from "../../contracts/core/IRSC.sol";
import {Registry} from "../../contracts/core/Registry.sol";
import {Reserve} from "../../contracts/core/Reserve.sol";
import {RSC} from "../../contracts/core/RSC.sol";
import {Param} from "../../contracts/governance/IRegionParameters.sol";
import {RegionParameters} from "../../contracts/governance/RegionParameters.sol";
import {TestTreasury} from "../../contracts/test/TestTreasury.sol";
import {VM} from "./Cheats.sol";

/// @notice Drives the region core at random: onboarding, companies, deposits, direct transfers
/// between actors of every kind, suspensions, UBI claims with time warps, redemptions, recoveries.
/// It records in ghost variables what the invariants need to judge independently of the contracts.
contract RegionHandler {
    RSC internal immutable rsc;
    Registry internal immutable registry;
    Reserve internal immutable reserve;
    CapitalPool internal immutable pool;
    RegionParameters internal immutable params;
    address internal immutable custodian;
    address internal immutable governance;

    /// @notice Every address that ever held or could hold RSC, once each (pool and reserve included).
    address[] public actors;
    mapping(address => bool) internal known;
    uint256 internal salt;

    /// @notice Successful direct transfers, and those among them that broke the rule.
    uint256 public directSuccesses;
    uint256 public directViolations;
    /// @notice Successful movements with a side that was suspended right before.
    uint256 public suspendedViolations;
    /// @notice Successful UBI claims, and those that came before the member id's period was over.
    uint256 public ubiClaims;
    uint256 public ubiViolations;
    mapping(uint56 memberId => uint256) internal ubiNextAllowed;
    /// @notice Redemptions still pending, and the RSC they escrow.
    uint256[] internal pending;
    uint256 public pendingEscrow;
    /// @notice How often each kind of call did something (for the run's coverage).
    uint256 public deposits;
    /// @notice Deposits that went through with the supply past the backing after them (must stay 0).
    uint256 public mintsPastBacking;
    /// @notice The supply when reserves were last attested: past the backing only if they fell short.
    uint256 public supplyAtAttestation;
    uint256 public recoveries;
    uint256 public redemptionsSettled;

    constructor(
        RSC rsc_,
        Registry registry_,
        Reserve reserve_,
        CapitalPool pool_,
        RegionParameters params_,
        address custodian_,
        address governance_
    ) {
        (rsc, registry, reserve, pool, params, custodian, governance) =
            (rsc_, registry_, reserve_, pool_, params_, custodian_, governance_);
        _remember(address(pool_));
        _remember(address(reserve_));
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    // ================================================================== actions

    /// @notice Registers a new account: a member, a company (contract treasury), an external
    /// company (EOA), or leaves a fresh address unregistered.
    function addActor(uint8 kindSeed) external {
        uint256 choice = kindSeed % 5;
        address account;
        if (choice == 0) {
            account = _fresh();
            registry.onboardMember(account);
        } else if (choice == 1 || choice == 2) {
            account = address(new TestTreasury(address(this)));
            registry.registerCompany(account, choice == 1 ? Kind.Company : Kind.RegionalCompany, 1, "co");
        } else if (choice == 3) {
            account = _fresh();
            registry.registerCompany(account, Kind.ExternalCompany, 2, "ext");
        } else {
            account = _fresh();
        }
        _remember(account);
    }

    /// @notice The custodians attest a USD deposit for a random actor (the pool included).
    function deposit(uint256 actorSeed, uint256 usd) external {
        address to = _actor(actorSeed);
        usd = 1 + (usd % 1_000_000e18);
        VM.prank(custodian);
        try reserve.attestDeposit(keccak256(abi.encode("deposit", salt++)), to, usd) {
            ++deposits;
            (uint256 reserves,,) = reserve.attestedReserves();
            if (rsc.totalSupply() > reserves * params.exchangeRate() / 1e18) ++mintsPastBacking;
        } catch {}
    }

    /// @notice The custodians publish new reserves (below the supply: recorded as a shortfall).
    function attestReserves(uint256 usd) external {
        usd = usd % 1e30;
        VM.prank(custodian);
        try reserve.attestReserves(usd, uint48(block.timestamp), bytes32(salt++)) {
            supplyAtAttestation = rsc.totalSupply();
        } catch {}
    }

    /// @notice A direct `transfer` or `transferFrom` between two random actors of any kind.
    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount, bool viaAllowance) external {
        address from = _actor(fromSeed);
        address to = _actor(toSeed);
        uint256 balance = rsc.balanceOf(from);
        amount = balance == 0 ? amount % 1e18 : amount % (balance + 1);
        IRSC.Account memory f = rsc.accountOf(from);
        IRSC.Account memory t = rsc.accountOf(to);
        bool ok;
        if (viaAllowance) {
            VM.prank(from);
            rsc.approve(address(this), amount);
            try rsc.transferFrom(from, to, amount) {
                ok = true;
            } catch {}
        } else {
            VM.prank(from);
            try rsc.transfer(to, amount) {
                ok = true;
            } catch {}
        }
        if (!ok) return;
        ++directSuccesses;
        if (f.kind != Kind.Person || t.kind != Kind.Person) ++directViolations;
        if (f.suspended || t.suspended) ++suspendedViolations;
    }

    function suspend(uint256 actorSeed) external {
        try registry.suspend(_actor(actorSeed), "fuzz") {} catch {}
    }

    function restore(uint256 actorSeed) external {
        try registry.restore(_actor(actorSeed)) {} catch {}
    }

    /// @notice Time passes (up to 40 days), then a random actor claims UBI.
    function claimUbi(uint256 actorSeed, uint256 warp) external {
        VM.warp(block.timestamp + (warp % 40 days));
        address member = _actor(actorSeed);
        IRSC.Account memory m = rsc.accountOf(member);
        uint256 period = params.ubiPeriod();
        VM.prank(member);
        try pool.claimUbi() {
            ++ubiClaims;
            if (m.suspended || m.kind != Kind.Person) ++suspendedViolations;
            if (block.timestamp < ubiNextAllowed[m.tag]) ++ubiViolations;
            ubiNextAllowed[m.tag] = block.timestamp + period;
        } catch {}
    }

    /// @notice Governance changes the UBI amount or period within bounds.
    function setUbi(uint256 amount, uint256 period) external {
        VM.prank(governance);
        try params.setParameter(Param.UbiAmount, amount % 1000e18) {} catch {}
        VM.prank(governance);
        try params.setParameter(Param.UbiPeriod, 1 days + (period % 365 days)) {} catch {}
    }

    /// @notice A random actor asks to redeem part of her balance.
    function requestRedemption(uint256 actorSeed, uint256 amount) external {
        address holder = _actor(actorSeed);
        uint256 balance = rsc.balanceOf(holder);
        if (balance == 0) return;
        amount = 1 + (amount % balance);
        VM.prank(holder);
        try reserve.requestRedemption(amount) returns (uint256 id) {
            pending.push(id);
            pendingEscrow += amount;
        } catch {}
    }

    /// @notice The custodians pay out or refund a pending redemption.
    function settleRedemption(uint256 indexSeed, bool pay) external {
        if (pending.length == 0) return;
        uint256 index = indexSeed % pending.length;
        uint256 id = pending[index];
        uint256 amount = reserve.redemptionOf(id).amount;
        VM.prank(custodian);
        if (pay) {
            try reserve.markRedemptionPaid(id, bytes32(salt++)) {} catch {
                return;
            }
        } else {
            try reserve.refundRedemption(id, "fuzz") {} catch {
                return;
            }
        }
        pending[index] = pending[pending.length - 1];
        pending.pop();
        pendingEscrow -= amount;
        ++redemptionsSettled;
    }

    /// @notice A registrar moves a member onto a fresh key.
    function recover(uint256 actorSeed) external {
        address lost = _actor(actorSeed);
        address fresh = _fresh();
        try registry.recoverMember(lost, fresh) {
            _remember(fresh);
            ++recoveries;
        } catch {}
    }

    // ================================================================== internal

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _fresh() internal returns (address) {
        return address(uint160(uint256(keccak256(abi.encode("actor", salt++)))));
    }

    function _remember(address account) internal {
        if (known[account]) return;
        known[account] = true;
        actors.push(account);
    }
}
