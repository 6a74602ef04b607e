// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Action} from "../../contracts/core/ConductorTypes.sol";
import {CompanyLots} from "../../contracts/core/CompanyLots.sol";
import {IProfitAtRest} from "../../contracts/marketplace/IProfitAtRest.sol";
import {Assert, VM, Vm} from "../invariant/Cheats.sol";
import {ProfitAtRestRingModel} from "./ProfitAtRestRingModel.sol";

/// @notice Tries to break the token's lot ring ({CompanyLots}) through the real token: random
/// sequences of taxable inflows (purchases, subsidies), exempt inflows (deposits, loan
/// disbursements), company outflows (purchases, wages, loan repayments), time warps from seconds to
/// many periods, bursts of inflows (one period apart with no collection, filling the ring; or
/// alternating classes within one unit, which make one lot), collections with random `maxLots` and
/// changes of both delays pushed to the token. The ghost model ({ProfitAtRestRingModel}) predicts
/// every lot and checks every collection; {_checkAll} follows every step.
///
/// Runs: 128 per fuzz test (the file ~45 s, 256 runs ~90 s). A passing run of 24 steps takes
/// ~0.1 s and ~200 MB; a FAILING one makes Hardhat's runner (EDR) re-execute it with a step-level
/// trace to build its stack trace: 5–10 GB and tens of seconds (measured on seed 3), which looked
/// like a hang. Keep the runs' length (24 steps, bursts <= 80 inflows) when raising the count.
contract ProfitAtRestRingTest is ProfitAtRestRingModel {
    /// @dev Warps stop this far after START (lot dates are uint24 units: until the year 2448).
    uint256 private constant MAX_ELAPSED = 150 * 365 days;

    // ================================================================== fuzz

    /// hardhat-config: fuzz.runs = 128
    /// @notice Random flows on a Company and a RegionalCompany (and B, their counterpart), with
    /// ring-filling and alternating bursts; the model after every inflow, every check after every step.
    function testFuzz_ringHoldsUnderRandomFlows(uint256 seed) public {
        _randomFlows(seed);
    }

    /// @notice The random flows are not vacuous: fixed seeds fill the ring (inflows arriving with
    /// 64 lots uncollected, some re-dating its newest lot), collect lots (some holding open exempt
    /// money, left untaxed), and keep more than 64 lots in a company's history.
    function test_randomFlowsFillTheRingAndCollect() public {
        for (uint256 seed = 0; seed < 2; ++seed) {
            _randomFlows(seed);
        }
        Assert.isTrue(_fullInflows > 0, "some inflow met a full ring");
        Assert.isTrue(_redated > 0, "some inflow re-dated a full ring's newest lot");
        Assert.isTrue(_collectedLots > 0, "some lot was collected");
        Assert.isTrue(_exemptLeftOut > 0, "some collection left a lot's open exempt money untaxed");
        Assert.isTrue(
            _ledger.bookOf(_a).lotCount > RING || _ledger.bookOf(_r).lotCount > RING, "a ring word was reused"
        );
    }

    function _randomFlows(uint256 seed) private {
        for (uint256 step = 0; step < 24; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            address company = (r >> 250) & 1 == 0 ? _a : _r;
            uint256 op = r % 10;
            if (op <= 1) _taxableInflow(company, r >> 8);
            else if (op == 2) _exemptInflow(company, r >> 8);
            else if (op == 3) _outflow(company, r >> 8);
            else if (op == 4) _warp(r >> 8, company);
            else if (op == 5) _collect(company, (r >> 8) % 256 + 1);
            else if (op == 6) _changeDelay(company, r >> 8);
            else _burst(company, r >> 8);
            _checkAll();
        }
    }

    /// hardhat-config: fuzz.runs = 128
    /// @notice The ring filled by inflows one period apart with no collection (the case of a
    /// collection a whole delay behind) under a random delay, held full while more inflows join its
    /// newest lot (re-dated), then drained by collections of random size between inflows and outflows.
    function testFuzz_fullRingTakesEveryInflowAndDrains(uint256 seed, uint32 delaySeed) public {
        uint256 delay = 1 days + uint256(delaySeed) % (10 * 365 days - 1 days + 1);
        _setDelay(_a, delay);
        uint256 period = _period(delay);
        uint256 extra = seed % 40;
        for (uint256 i = 0; i < 200 && _fullInflows < extra + 1; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            if (r & 3 == 0) _exemptInflow(_a, r >> 8);
            else _taxableInflow(_a, r >> 8);
            // One period later, give or take a minute: now and then the same period (the inflow joins).
            _now += period * UNIT - (r >> 200) % 60;
            VM.warp(_now);
            if (i % 8 == 0) _checkAll();
        }
        _checkAll();
        IProfitAtRest.Book memory book = _ledger.bookOf(_a);
        Assert.eq(book.lotCount - book.cursor, RING, "the ring is full");
        Assert.eq(book.lotCount, RING, "64 lots: one per period, none collected");
        _now += delay + period * UNIT;
        VM.warp(_now);
        for (uint256 i = 0; i < 40 && _ledger.bookOf(_a).cursor < _ledger.bookOf(_a).lotCount; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, "drain", i)));
            _collect(_a, r % 24 + 1);
            if (r & 1 == 0) _taxableInflow(_a, r >> 8);
            else _outflow(_a, r >> 8);
            _checkAll();
        }
    }

    // ================================================================== plain tests

    /// @notice Registration writes every word of the ring: no lot ever opens a fresh slot.
    function test_ringPrewrittenAtRegistration() public view {
        address[2] memory companies = [_a, _r];
        for (uint256 c = 0; c < 2; ++c) {
            for (uint256 i = 0; i < RING; ++i) {
                (,, uint256 lot,) = _rsc.lotWords(companies[c], i);
                Assert.isTrue(lot != 0, "every ring word is written at registration");
            }
        }
    }

    /// @notice An inflow opening a lot costs less than one joining it plus a fresh slot (22,100):
    /// the closed lot's word is rewritten, not created. The book is already written by lot 0.
    function test_openingALotWritesNoFreshSlot() public {
        _rsc.move(Action.Purchase, PERSON, _a, 1e18, bytes32(0));
        _now += _period(30 days) * UNIT;
        VM.warp(_now);
        uint256 before = gasleft();
        _rsc.move(Action.Purchase, PERSON, _a, 1e18, bytes32(0));
        uint256 opening = before - gasleft();
        before = gasleft();
        _rsc.move(Action.Purchase, PERSON, _a, 1e18, bytes32(0));
        uint256 joining = before - gasleft();
        Assert.eq(_ledger.bookOf(_a).lotCount, 2, "the second inflow opened lot 1, the third joined it");
        Assert.le(opening, joining + 22_100 - 1, "opening a lot < joining + a fresh slot");
        Assert.isTrue(opening > joining, "opening writes more than joining");
    }

    // ================================================================== regressions of the findings on 82c49c2

    /// @notice Finding 1 on 82c49c2: 64 inflows alternating taxable and exempt filled the ring in
    /// one unit, and a taxable sale joining the exempt newest lot was never taxed. Now they make one
    /// lot (32 RSC exempt, counted apart), the sale joins it, and collected once due the lot is taxed
    /// 5 % of its taxable money: 50 RSC for the 1,000 RSC sale + 1.6 RSC for the 32 one-RSC sales.
    function test_alternatingInflowsInOneUnitMakeOneLotAndTheSaleIsTaxed() public {
        for (uint256 i = 0; i < RING; ++i) {
            if (i % 2 == 0) _move(Action.Purchase, PERSON, _a, 1e18, false);
            else _move(Action.Deposit, address(0), _a, 1e18, false);
        }
        Assert.eq(_ledger.bookOf(_a).lotCount, 1, "64 alternating inflows in one unit make one lot");
        _move(Action.Purchase, PERSON, _a, 1000e18, false); // a taxable sale
        IProfitAtRest.LotView memory lot = _ledger.lotsOf(_a, 0, 1)[0];
        Assert.eq(lot.amount, 1064e18, "the sale joined the lot");
        Assert.eq(lot.exemptAmount, 32e18, "the deposits are counted apart");
        _now += 30 days + _period(30 days) * UNIT;
        VM.warp(_now);
        _checkAll();
        uint256 poolBefore = _rsc.balanceOf(_pool);
        VM.getRecordedLogs();
        (uint256 lots, uint256 tax) = _ledger.collect(_a, 256);
        Assert.eq(lots, 1, "the lot is collected");
        Assert.eq(tax, 50e18 + 1.6e18, "5 % of the taxable 1,032 RSC: the sale is taxed 50 RSC");
        Assert.eq(_rsc.balanceOf(_pool) - poolBefore, tax, "the tax went to the capital pool");
        Vm.Log[] memory logs = VM.getRecordedLogs();
        Vm.Log memory collected = logs[logs.length - 1];
        Assert.isTrue(collected.topics[0] == COLLECTED, "the last event is ProfitAtRestCollected");
        (uint256 taxed,) = abi.decode(collected.data, (uint256, uint256));
        Assert.eq(taxed, 1032e18, "taxedAmount: the taxable open part, the exempt money left out");
    }

    /// @notice Finding 2 on 82c49c2, now the documented refusal (IProfitAtRest item 1): with the
    /// ring full (64 lots one period apart, none collected) and its newest lot at 2^94 − 1 wei, a
    /// 1-wei inflow is refused with `CompanyLotsInflowTooLarge(company, 1)` and nothing changes;
    /// once a lot is collected the same inflow opens a lot.
    function test_fullRingRefusesAnInflowPastTheNewestLotsCapacity() public {
        _setDelay(_a, 1 days); // a period of 3 units
        uint256 period = _period(1 days) * UNIT;
        for (uint256 i = 0; i < RING; ++i) {
            if (i % 2 == 0) _move(Action.Purchase, PERSON, _a, 1, false);
            else _move(Action.Deposit, address(0), _a, 1, false);
            if (i + 1 < RING) _now += period;
            VM.warp(_now);
        }
        _move(Action.Deposit, address(0), _a, MAX_LOT - 1, false); // joins the newest lot: 2^94 - 1
        IProfitAtRest.Book memory book = _ledger.bookOf(_a);
        Assert.eq(book.lotCount - book.cursor, RING, "the ring is full");
        Assert.eq(_ledger.lotsOf(_a, RING - 1, 1)[0].amount, MAX_LOT, "its newest lot holds 2^94 - 1 wei");
        uint256 balance = _rsc.balanceOf(_a);
        try _rsc.move(Action.Purchase, PERSON, _a, 1, bytes32(0)) {
            Assert.isTrue(false, "the 1-wei inflow is refused");
        } catch (bytes memory reason) {
            Assert.eqBytes(
                reason,
                abi.encodeWithSelector(CompanyLots.CompanyLotsInflowTooLarge.selector, _a, 1),
                "CompanyLotsInflowTooLarge(company, 1)"
            );
        }
        Assert.eq(_ledger.bookOf(_a).totalIn, book.totalIn, "nothing booked");
        Assert.eq(_rsc.balanceOf(_a), balance, "nothing moved");
        _now += 1 days + period;
        VM.warp(_now);
        _collect(_a, 1);
        _move(Action.Purchase, PERSON, _a, 1, false);
        Assert.eq(_ledger.bookOf(_a).lotCount, RING + 1, "with room in the ring, the inflow opens a lot");
        _checkAll();
    }

    // ================================================================== steps

    function _taxableInflow(address company, uint256 r) private {
        uint256 amount = _amount(r);
        if (company == _r && (r >> 100) & 1 == 0) _move(Action.Subsidy, _pool, company, amount, false);
        else _move(Action.Purchase, PERSON, company, amount, false);
    }

    function _exemptInflow(address company, uint256 r) private {
        uint256 amount = _amount(r);
        if ((r >> 100) & 1 == 0) _move(Action.Deposit, address(0), company, amount, false);
        else _move(Action.LoanDisbursement, _b, company, amount, false);
    }

    /// @dev Amounts from 1 wei to 1e22, most of them whole RSC.
    function _amount(uint256 r) private pure returns (uint256) {
        uint256 k = r % 4;
        if (k == 0) return (r >> 8) % 1000 + 1;
        return ((r >> 8) % 10_000 + 1) * 1e18;
    }

    /// @dev A purchase from B, a wage or a loan repayment to B, of up to the balance. A purchase may
    /// be refused when it would leave less than the tax due (the rule); priority outflows never are.
    function _outflow(address company, uint256 r) private {
        uint256 balance = _rsc.balanceOf(company);
        if (balance == 0) return;
        uint256 out = r % 3 == 0 ? balance : (r >> 8) % balance + 1;
        uint256 kind = (r >> 90) % 3;
        if (kind == 0) _move(Action.Purchase, company, _b, out, true);
        else if (kind == 1) _move(Action.Wage, company, PERSON, out, false);
        else _move(Action.LoanRepayment, company, _b, out, false);
    }

    /// @dev Seconds, one period, up to 70 periods, or a delay and a period.
    function _warp(uint256 r, address company) private {
        uint256 period = _period(_delayOf(company)) * UNIT;
        uint256 k = r % 4;
        uint256 by = k == 0
            ? (r >> 8) % UNIT
            : k == 1 ? period : k == 2 ? period * ((r >> 8) % 70 + 1) : _delayOf(company) + period;
        _advance(by);
    }

    function _advance(uint256 by) private {
        if (_now + by > START + MAX_ELAPSED) return;
        _now += by;
        VM.warp(_now);
    }

    /// @dev A new delay within RegionParameters' bounds (1 day .. 10 years), pushed to the token.
    function _changeDelay(address company, uint256 r) private {
        uint256 k = r % 4;
        _setDelay(
            company, k == 0 ? 1 days : k == 1 ? 30 days : k == 2 ? 10 * 365 days : 1 days + (r >> 8) % (3650 days)
        );
    }

    /// @dev Up to 80 inflows with no collection in between: one period apart (a collection a delay
    /// behind: fills the ring), or all in one unit alternating classes, which make at most one lot.
    function _burst(address company, uint256 r) private {
        uint256 n = (r % 80) + 1;
        bool alternate = (r >> 8) & 1 == 0;
        uint256 countBefore = _ledger.bookOf(company).lotCount;
        for (uint256 i = 0; i < n; ++i) {
            uint256 s = uint256(keccak256(abi.encode(r, i)));
            bool exempt = alternate ? i & 1 == 1 : s & 3 == 0;
            if (exempt) _exemptInflow(company, s >> 8);
            else _taxableInflow(company, s >> 8);
            if (!alternate) _advance(_period(_delayOf(company)) * UNIT);
        }
        if (alternate) {
            Assert.le(_ledger.bookOf(company).lotCount, countBefore + 1, "inflows in one unit make at most one lot");
        }
    }
}
