// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Action, Kind} from "../../contracts/core/ConductorTypes.sol";
import {IRSC} from "../../contracts/core/IRSC.sol";
import {TestModule} from "../../contracts/test/TestModule.sol";
import {TestTreasury} from "../../contracts/test/TestTreasury.sol";
import {Assert, VM} from "../invariant/Cheats.sol";
import {RegionSetup} from "../invariant/RegionSetup.sol";

/// @notice Fuzzes direct transfers and typed actions over random kinds, amounts and suspensions.
contract TransferRuleFuzzTest is RegionSetup {
    uint256 internal constant FUNDING = 1_000e18;
    uint256 internal constant ACTIONS = 18;

    TestModule internal testModule;
    address[8] internal accountOf; // one account per Kind; accountOf[0] is unregistered
    address internal person2;

    function setUp() public {
        _deployRegion();
        testModule = new TestModule(IRSC(address(rsc)));
        rsc.registerModule(address(testModule), Kind.Module, uint56((1 << ACTIONS) - 1));
        accountOf[uint8(Kind.None)] = address(0xA0);
        accountOf[uint8(Kind.Person)] = address(0xA1);
        person2 = address(0xA9);
        accountOf[uint8(Kind.Company)] = address(new TestTreasury(address(this)));
        accountOf[uint8(Kind.RegionalCompany)] = address(new TestTreasury(address(this)));
        accountOf[uint8(Kind.ExternalCompany)] = address(0xA4);
        accountOf[uint8(Kind.Region)] = address(0xA5);
        accountOf[uint8(Kind.Module)] = address(0xA6);
        accountOf[uint8(Kind.Bridge)] = address(0xA7);
        registry.onboardMember(accountOf[1]);
        registry.onboardMember(person2);
        registry.registerCompany(accountOf[2], Kind.Company, 1, "co");
        registry.registerCompany(accountOf[3], Kind.RegionalCompany, 1, "regional");
        registry.registerCompany(accountOf[4], Kind.ExternalCompany, 1, "ext");
        rsc.registerModule(accountOf[5], Kind.Region, 0);
        rsc.registerModule(accountOf[6], Kind.Module, 0);
        rsc.registerModule(accountOf[7], Kind.Bridge, 0);
        for (uint256 k = 1; k <= 5; ++k) {
            testModule.move(Action.Deposit, address(0), accountOf[k], FUNDING, 0);
        }
        testModule.move(Action.Deposit, address(0), person2, 2 * FUNDING, 0);
        testModule.move(Action.Redemption, person2, accountOf[6], FUNDING, 0);
    }

    /// @notice A direct transfer succeeds exactly for an active Person to an active Person with
    /// enough balance, moving exactly `amount`; otherwise it reverts with the error for the first
    /// check that fails (sender kind, balance, receiver kind).
    function testFuzz_directTransfer(
        uint8 fromSeed,
        uint8 toSeed,
        uint256 amount,
        bool suspendFrom,
        bool suspendTo,
        bool viaAllowance
    ) public {
        uint8 fk = fromSeed % 8;
        uint8 tk = toSeed % 8;
        address from = accountOf[fk];
        address to = fk == 1 && tk == 1 ? person2 : accountOf[tk];
        // Registrars suspend members and companies (kinds 1..4); Region, Module and Bridge accounts
        // are governance's and cannot be suspended.
        if (suspendFrom && fk != 0 && fk <= 4) registry.suspend(from, "fuzz");
        if (suspendTo && tk != 0 && tk <= 4 && !(from == to && suspendFrom)) registry.suspend(to, "fuzz");
        _checkDirect(from, to, amount % (2 * FUNDING), viaAllowance);
    }

    function _checkDirect(address from, address to, uint256 amount, bool viaAllowance) internal {
        IRSC.Account memory f = rsc.accountOf(from);
        IRSC.Account memory t = rsc.accountOf(to);
        bytes memory expected = _expectedDirect(from, to, f, t, amount);
        uint256 supply = rsc.totalSupply();
        (bool ok, bytes memory reason) = _direct(from, to, amount, viaAllowance);
        Assert.eq(rsc.totalSupply(), supply, "a direct transfer never changes the supply");
        if (expected.length == 0) {
            Assert.isTrue(ok, "an allowed transfer succeeds");
            Assert.eq(rsc.balanceOf(from), f.balance - amount, "sender debited");
            Assert.eq(rsc.balanceOf(to), t.balance + amount, "receiver credited");
        } else {
            Assert.isTrue(!ok, "a refused transfer reverts");
            Assert.eqBytes(reason, expected, "the revert names the failed check");
            Assert.eq(rsc.balanceOf(from), f.balance, "sender unchanged");
            Assert.eq(rsc.balanceOf(to), t.balance, "receiver unchanged");
        }
    }

    /// @dev The model of `_transferDirect`: empty when the transfer must succeed.
    function _expectedDirect(address from, address to, IRSC.Account memory f, IRSC.Account memory t, uint256 amount)
        internal
        pure
        returns (bytes memory)
    {
        bool bothPersons = f.kind == Kind.Person && t.kind == Kind.Person;
        if (f.kind != Kind.Person || f.suspended) {
            return bothPersons
                ? abi.encodeWithSelector(IRSC.RSCAccountSuspended.selector, from)
                : abi.encodeWithSelector(IRSC.RSCActionNotAllowed.selector, Action.Transfer, f.kind, t.kind);
        }
        if (f.balance < amount) {
            return abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, from, f.balance, amount);
        }
        if (t.kind != Kind.Person || t.suspended) {
            return bothPersons
                ? abi.encodeWithSelector(IRSC.RSCAccountSuspended.selector, to)
                : abi.encodeWithSelector(IRSC.RSCActionNotAllowed.selector, Action.Transfer, f.kind, t.kind);
        }
        return "";
    }

    function _direct(address from, address to, uint256 amount, bool viaAllowance)
        internal
        returns (bool ok, bytes memory reason)
    {
        if (viaAllowance) {
            VM.prank(from);
            rsc.approve(address(this), amount);
            try rsc.transferFrom(from, to, amount) {
                ok = true;
            } catch (bytes memory r) {
                reason = r;
            }
        } else {
            VM.prank(from);
            try rsc.transfer(to, amount) {
                ok = true;
            } catch (bytes memory r) {
                reason = r;
            }
        }
    }

    /// @notice A typed action through a module succeeds exactly when the token's table allows the
    /// kinds and the sender holds enough; mints and burns change the supply by `amount`.
    function testFuzz_move(uint8 actionSeed, uint8 fromSeed, uint8 toSeed, uint256 amount) public {
        Action action = Action(actionSeed % ACTIONS);
        Kind fk = Kind(fromSeed % 8);
        Kind tk = Kind(toSeed % 8);
        address from = fk == Kind.None ? address(0) : accountOf[uint8(fk)];
        address to = tk == Kind.None ? address(0) : (fk == Kind.Person && tk == Kind.Person ? person2 : accountOf[uint8(tk)]);
        amount = amount % (2 * FUNDING);
        uint256 fromBefore = rsc.balanceOf(from);
        uint256 toBefore = rsc.balanceOf(to);
        uint256 supply = rsc.totalSupply();
        bytes memory expected;
        if (action == Action.Transfer) {
            expected = abi.encodeWithSelector(IRSC.RSCUnauthorizedModule.selector, address(testModule), action);
        } else if (!rsc.isAllowed(action, fk, tk)) {
            expected = abi.encodeWithSelector(IRSC.RSCActionNotAllowed.selector, action, fk, tk);
        } else if (from != address(0) && fromBefore < amount) {
            expected = abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, from, fromBefore, amount);
        }
        try testModule.move(action, from, to, amount, bytes32(uint256(7))) {
            Assert.eq(expected.length, 0, "only allowed moves succeed");
            uint256 minted = from == address(0) ? amount : 0;
            uint256 burned = to == address(0) ? amount : 0;
            Assert.eq(rsc.totalSupply(), supply + minted - burned, "supply changes by mints and burns only");
            if (from != to) {
                if (from != address(0)) Assert.eq(rsc.balanceOf(from), fromBefore - amount, "from debited");
                if (to != address(0)) Assert.eq(rsc.balanceOf(to), toBefore + amount, "to credited");
            }
        } catch (bytes memory reason) {
            Assert.eqBytes(reason, expected, "the revert names the failed check");
            Assert.eq(rsc.totalSupply(), supply, "nothing changed");
        }
    }

    /// @notice No action ever credits or debits an unregistered non-zero address.
    function testFuzz_unregisteredNeverMoves(uint8 actionSeed, uint8 otherSeed, bool asSender, uint256 amount) public {
        Action action = Action(actionSeed % ACTIONS);
        address stranger = address(uint160(uint256(keccak256(abi.encode(otherSeed, amount)))) | 1);
        address other = accountOf[1 + (otherSeed % 7)];
        amount = amount % FUNDING;
        (address from, address to) = asSender ? (stranger, other) : (other, stranger);
        try testModule.move(action, from, to, amount, 0) {
            Assert.isTrue(false, "a move with an unregistered side succeeded");
        } catch {}
        Assert.eq(rsc.balanceOf(stranger), 0, "the stranger holds nothing");
    }
}
