// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {CapitalPool} from "../../contracts/core/CapitalPool.sol";
import {Action, Kind} from "../../contracts/core/ConductorTypes.sol";
import {IRSC} from "../../contracts/core/IRSC.sol";
import {Registry} from "../../contracts/core/Registry.sol";
import {RSC} from "../../contracts/core/RSC.sol";
import {IRegionParameters, Param} from "../../contracts/governance/IRegionParameters.sol";
import {RegionParameters} from "../../contracts/governance/RegionParameters.sol";
import {IProfitAtRest} from "../../contracts/marketplace/IProfitAtRest.sol";
import {ProfitAtRest} from "../../contracts/marketplace/ProfitAtRest.sol";
import {Assert, VM, Vm} from "../invariant/Cheats.sol";

/// @dev A company treasury stand-in (the registry wants a contract).
contract RingTreasury {}

/// @notice A region (token, registry, parameters, capital pool, profit-at-rest ledger) with three
/// companies — A (Company), R (RegionalCompany), B (Company: counterpart and lender) — and a ghost
/// model of their lots written from the rule of {IProfitAtRest} items 1–4 alone: every move goes
/// through {_move}, which predicts the lot an inflow joins or opens (one per period, exempt money
/// counted apart, a full ring joining its newest lot, re-dated when its period ended), and checks
/// every `ProfitAtRestCollected` event of the move against the model (in order, due, taxable open
/// part, tax). {_check} compares every kept lot of the token with the model.
///
/// Memory: the whole run is one call frame, and Solidity never frees memory. Every check decodes
/// 64 lot views and every move its logs, so thousands of steps would grow the frame's memory
/// without bound (its cost is quadratic). {_move} and {_check} give back what they allocated
/// ({freesMemory}): nothing they allocate outlives them.
abstract contract ProfitAtRestRingModel {
    uint256 internal constant PARAM_COUNT = uint256(type(Param).max) + 1;
    uint256 internal constant RING = 64;
    uint256 internal constant UNIT = 900;
    uint256 internal constant MAX_LOT = 2 ** 94 - 1;
    uint256 internal constant START = 1_700_000_000;
    uint256 internal constant RATE = 5e16;
    uint256 internal constant REGIONAL_RATE = 2e16;
    bytes32 internal constant COLLECTED = keccak256("ProfitAtRestCollected(address,uint256,uint256,uint256)");
    address internal constant PERSON = address(0xA11CE);

    /// @dev One lot as the model predicts it: cumulative inflow at its end, exempt money, date (in
    /// units) and the time of the last inflow that joined it.
    struct GhostLot {
        uint256 end;
        uint256 exempt;
        uint256 date;
        uint256 lastIn;
    }

    /// @dev What the model knows of one company. `outRun`: its cumulative outflow as a collection
    /// run of the current move sees it (before the move, plus the taxes already taken).
    struct Ghost {
        uint256 totalIn;
        uint256 count;
        uint256 cursor;
        uint256 outRun;
        mapping(uint256 index => GhostLot) lots;
    }

    RSC internal _rsc;
    ProfitAtRest internal _ledger;
    RegionParameters internal _params;
    address internal _pool;
    address internal _a;
    address internal _r;
    address internal _b;
    uint256 internal _now;
    uint256 internal _delay = 30 days;
    uint256 internal _regionalDelay = 7 days;
    mapping(address company => Ghost) internal _ghosts;
    /// @dev Coverage: inflows that met a full ring, those that re-dated its newest lot, lots
    /// collected (events checked), of which lots whose exempt money was left out of an open part.
    uint256 internal _fullInflows;
    uint256 internal _redated;
    uint256 internal _collectedLots;
    uint256 internal _exemptLeftOut;

    /// @dev Gives back the memory the function allocated (it must return nothing in memory).
    modifier freesMemory() {
        uint256 free;
        assembly {
            free := mload(0x40)
        }
        _;
        assembly {
            mstore(0x40, free)
        }
    }

    function setUp() public {
        _now = START;
        VM.warp(_now);
        _rsc = RSC(address(new ERC1967Proxy(address(new RSC()), abi.encodeCall(RSC.initialize, ("Test", address(this))))));
        Registry registry = Registry(
            address(
                new ERC1967Proxy(
                    address(new Registry()), abi.encodeCall(Registry.initialize, (address(this), IRSC(address(_rsc))))
                )
            )
        );
        _rsc.setRegistry(address(registry));
        registry.grantRole(registry.REGISTRAR_ROLE(), address(this));

        RegionParameters paramsImpl = new RegionParameters();
        uint256[] memory initial = new uint256[](PARAM_COUNT);
        for (uint256 i = 0; i < PARAM_COUNT; ++i) {
            (uint256 min, uint256 max,) = paramsImpl.boundsOf(Param(i));
            initial[i] = i == uint256(Param.ProductivityMax) ? max : min;
        }
        initial[uint256(Param.ProfitAtRestDelay)] = _delay;
        initial[uint256(Param.RegionalProfitAtRestDelay)] = _regionalDelay;
        initial[uint256(Param.ProfitAtRestRate)] = RATE;
        initial[uint256(Param.RegionalProfitAtRestRate)] = REGIONAL_RATE;
        _params = RegionParameters(
            address(new ERC1967Proxy(address(paramsImpl), abi.encodeCall(RegionParameters.initialize, (address(this), initial))))
        );
        IRegionParameters params = IRegionParameters(address(_params));
        CapitalPool pool = CapitalPool(
            address(
                new ERC1967Proxy(
                    address(new CapitalPool()),
                    abi.encodeCall(CapitalPool.initialize, (address(this), IRSC(address(_rsc)), params))
                )
            )
        );
        _pool = address(pool);
        _rsc.registerModule(_pool, Kind.Region, 0);
        _ledger = ProfitAtRest(
            address(
                new ERC1967Proxy(
                    address(new ProfitAtRest(IRSC(address(_rsc)), params, _pool)),
                    abi.encodeCall(ProfitAtRest.initialize, (address(this)))
                )
            )
        );
        _rsc.registerModule(address(_ledger), Kind.Module, uint56(1 << uint8(Action.ProfitAtRestTax)));
        _rsc.setLotLedger(address(_ledger));
        // The token keeps the delays, the ledger the rates; both hear of every change.
        _rsc.setRegionParameters(address(_params));
        _params.setListener(Param.ProfitAtRestDelay, address(_rsc));
        _params.setListener(Param.RegionalProfitAtRestDelay, address(_rsc));
        _params.setListener(Param.ProfitAtRestRate, address(_ledger));
        _params.setListener(Param.RegionalProfitAtRestRate, address(_ledger));
        _rsc.registerModule(
            address(this),
            Kind.Module,
            uint56(
                (1 << uint8(Action.Deposit)) | (1 << uint8(Action.Purchase)) | (1 << uint8(Action.Wage))
                    | (1 << uint8(Action.Subsidy)) | (1 << uint8(Action.LoanDisbursement))
                    | (1 << uint8(Action.LoanRepayment))
            )
        );
        _a = address(new RingTreasury());
        _r = address(new RingTreasury());
        _b = address(new RingTreasury());
        registry.registerCompany(_a, Kind.Company, 1, "A");
        registry.registerCompany(_r, Kind.RegionalCompany, 1, "R");
        registry.registerCompany(_b, Kind.Company, 1, "B");
        registry.onboardMember(PERSON);
        _rsc.move(Action.Deposit, address(0), PERSON, 1e30, bytes32(0));
        _rsc.move(Action.Deposit, address(0), _pool, 1e30, bytes32(0));
        VM.recordLogs();
        _move(Action.Deposit, address(0), _b, 1e27, false);
    }

    // ================================================================== moves

    /// @dev Moves `amount` and keeps the model: predicts the lot of an inflow into A, R or B, and
    /// checks the collections the move made. A move that may be refused (`mayFail`) returns false
    /// when it was; any other refusal fails the test (in-bounds inflows are never refused).
    function _move(Action action, address from, address to, uint256 amount, bool mayFail)
        internal
        freesMemory
        returns (bool ok)
    {
        _startRun(_a);
        _startRun(_r);
        _startRun(_b);
        if (mayFail) {
            try _rsc.move(action, from, to, amount, bytes32(0)) {
                ok = true;
            } catch {
                VM.getRecordedLogs(); // a refused move leaves nothing: its logs are dropped
                return false;
            }
        } else {
            _rsc.move(action, from, to, amount, bytes32(0));
            ok = true;
        }
        _checkCollections();
        if (_tracked(to)) _bookInflow(to, amount, action == Action.Deposit || action == Action.LoanDisbursement);
    }

    /// @dev `collect(company, maxLots)`, with the model; it stops only at a lot not yet due.
    function _collect(address company, uint256 maxLots) internal freesMemory {
        _startRun(company);
        (uint256 lots,) = _ledger.collect(company, maxLots);
        _checkCollections();
        Ghost storage g = _ghosts[company];
        if (lots < maxLots && g.cursor < g.count) {
            Assert.isTrue(
                block.timestamp < g.lots[g.cursor].date * UNIT + _delayOf(company), "collect stops only at a lot not due"
            );
        }
    }

    function _startRun(address company) private {
        Ghost storage g = _ghosts[company];
        g.outRun = g.totalIn - _rsc.balanceOf(company);
    }

    /// @dev Item 1: the inflow joins the newest lot while its period is open and the lot has room;
    /// else it opens a lot dated at the end of a period starting in this unit; else (64 lots
    /// uncollected) it joins the newest, re-dated if its period ended. Then the token must agree.
    function _bookInflow(address company, uint256 amount, bool exempt) private {
        Ghost storage g = _ghosts[company];
        uint256 unit = block.timestamp / UNIT;
        uint256 date = unit + _period(_delayOf(company));
        GhostLot storage newest = g.lots[g.count == 0 ? 0 : g.count - 1];
        uint256 newestAmount = g.count == 0 ? 0 : newest.end - (g.count == 1 ? 0 : g.lots[g.count - 2].end);
        g.totalIn += amount;
        if (g.count == 0 || unit >= newest.date || newestAmount + amount > MAX_LOT) {
            if (g.count - g.cursor < RING) {
                GhostLot storage lot = g.lots[g.count++];
                (lot.end, lot.exempt, lot.date, lot.lastIn) = (g.totalIn, exempt ? amount : 0, date, block.timestamp);
                _checkNewest(company);
                return;
            }
            ++_fullInflows;
            if (unit >= newest.date) {
                newest.date = date;
                ++_redated;
            }
        }
        newest.end = g.totalIn;
        if (exempt) newest.exempt += amount;
        newest.lastIn = block.timestamp;
        _checkNewest(company);
    }

    /// @dev The token's count, newest lot and exempt money after an inflow are the model's.
    function _checkNewest(address company) private view {
        Ghost storage g = _ghosts[company];
        IProfitAtRest.Book memory book = _ledger.bookOf(company);
        Assert.eq(book.lotCount, g.count, "one lot per period: the token's lot count is the model's");
        Assert.eq(book.totalIn, g.totalIn, "the token's totalIn is the model's");
        IProfitAtRest.LotView memory v = _ledger.lotsOf(company, g.count - 1, 1)[0];
        GhostLot storage lot = g.lots[g.count - 1];
        Assert.eq(v.datedAt, lot.date * UNIT, "the newest lot's date is the model's");
        Assert.eq(v.exemptAmount, lot.exempt, "the newest lot's exempt money is the model's");
        Assert.isTrue(v.datedAt > block.timestamp, "an inflow lies in a lot dated after it arrived");
    }

    /// @dev Items 3–5 on every `ProfitAtRestCollected` of the move: the company's next lot (each
    /// once, in order), due (date + delay in force <= now), `taxedAmount` == min(open, amount −
    /// exemptAmount) from the model with the taxes taken so far in the run, tax == ⌊taxed × rate⌋.
    function _checkCollections() private {
        Vm.Log[] memory logs = VM.getRecordedLogs();
        for (uint256 i = 0; i < logs.length; ++i) {
            Vm.Log memory entry = logs[i];
            if (entry.emitter != address(_ledger) || entry.topics[0] != COLLECTED) continue;
            address company = address(uint160(uint256(entry.topics[1])));
            uint256 index = uint256(entry.topics[2]);
            (uint256 taxed, uint256 tax) = abi.decode(entry.data, (uint256, uint256));
            Ghost storage g = _ghosts[company];
            Assert.eq(index, g.cursor, "lots are collected in order, each once");
            GhostLot storage lot = g.lots[index];
            uint256 start = index == 0 ? 0 : g.lots[index - 1].end;
            Assert.le(lot.date * UNIT + _delayOf(company), block.timestamp, "collected only when due");
            uint256 open = _open(start, lot.end, g.outRun);
            uint256 taxable = _taxable(open, lot.end - start, lot.exempt);
            Assert.eq(taxed, taxable, "taxedAmount == min(open, amount - exemptAmount)");
            if (taxable < open) ++_exemptLeftOut;
            Assert.eq(tax, taxable * _rateOf(company) / 1e18, "tax == taxed x rate / 1e18");
            g.outRun += tax;
            ++g.cursor;
            ++_collectedLots;
        }
    }

    // ================================================================== checks

    function _checkAll() internal view {
        _check(_a);
        _check(_r);
        _check(_b);
    }

    /// @dev 1. at most 64 lots uncollected; 6. the kept lots are exactly lotCount − 64 .. lotCount − 1;
    /// every kept lot is the model's (amount, exempt money, date, open part, collected below the
    /// cursor, tax if collected now) and dated after every inflow in it; 2. Σ open parts of the kept
    /// lots + the money of older lots (max(0, start of the oldest kept − totalOut)) == balance.
    function _check(address company) internal view freesMemory {
        Ghost storage g = _ghosts[company];
        IProfitAtRest.Book memory book = _ledger.bookOf(company);
        Assert.eq(book.lotCount, g.count, "the token's lot count is the model's");
        Assert.eq(book.cursor, g.cursor, "the cursor moved with the events");
        Assert.le(book.lotCount - book.cursor, RING, "lotCount - cursor <= 64");
        Assert.eq(book.totalIn, g.totalIn, "the token's totalIn is the model's");
        uint256 balance = _rsc.balanceOf(company);
        uint256 totalOut = g.totalIn - balance;
        Assert.eq(book.totalOut, totalOut, "totalOut == totalIn - balance");
        IProfitAtRest.LotView[] memory lots = _ledger.lotsOf(company, 0, 1000);
        uint256 first = g.count > RING ? g.count - RING : 0;
        Assert.eq(lots.length, g.count - first, "the last 64 lots are kept");
        uint256 start = first == 0 ? 0 : g.lots[first - 1].end;
        uint256 older = start > totalOut ? start - totalOut : 0;
        uint256 sumOpen;
        for (uint256 i = 0; i < lots.length; ++i) {
            Assert.eq(lots[i].index, first + i, "kept lot indices are lotCount - 64 .. lotCount - 1");
            sumOpen += _checkLot(company, lots[i], start, totalOut);
            start = g.lots[first + i].end;
        }
        Assert.eq(sumOpen + older, balance, "open of kept + money of older lots == balance");
    }

    /// @dev Lot `v` (starting at cumulative inflow `start`) is the model's; returns its open part.
    function _checkLot(address company, IProfitAtRest.LotView memory v, uint256 start, uint256 totalOut)
        private
        view
        returns (uint256 open)
    {
        Ghost storage g = _ghosts[company];
        GhostLot storage lot = g.lots[v.index];
        Assert.eq(v.amount, lot.end - start, "a lot's amount is the model's");
        Assert.eq(v.exemptAmount, lot.exempt, "a lot's exempt money is the model's");
        Assert.eq(v.datedAt, lot.date * UNIT, "a lot's date is the model's");
        Assert.isTrue(v.datedAt > lot.lastIn, "a lot is dated after every inflow in it");
        open = _open(start, lot.end, totalOut);
        Assert.eq(v.open, open, "a lot's open part is the model's");
        Assert.eq(v.collected ? 1 : 0, v.index < g.cursor ? 1 : 0, "collected below the cursor");
        uint256 expectedTax = !v.collected && block.timestamp >= v.datedAt + _delayOf(company)
            ? _taxable(open, v.amount, lot.exempt) * _rateOf(company) / 1e18
            : 0;
        Assert.eq(v.taxIfCollectedNow, expectedTax, "taxIfCollectedNow on the taxable open part");
    }

    // ================================================================== helpers

    function _tracked(address account) internal view returns (bool) {
        return account == _a || account == _r || account == _b;
    }

    function _delayOf(address company) internal view returns (uint256) {
        return company == _r ? _regionalDelay : _delay;
    }

    function _rateOf(address company) internal view returns (uint256) {
        return company == _r ? REGIONAL_RATE : RATE;
    }

    /// @dev Sets a delay (RegionParameters pushes it to the token) and the model's copy.
    function _setDelay(address company, uint256 delay) internal {
        _params.setParameter(company == _r ? Param.RegionalProfitAtRestDelay : Param.ProfitAtRestDelay, delay);
        if (company == _r) _regionalDelay = delay;
        else _delay = delay;
        IProfitAtRest.Rates memory t = _ledger.rates();
        Assert.eq(company == _r ? t.regionalDelay : t.delay, delay, "the delay is pushed to the token");
    }

    function _period(uint256 delay) internal pure returns (uint256 period) {
        period = delay / (32 * UNIT);
        if (period == 0) period = 1;
    }

    function _taxable(uint256 open, uint256 amount, uint256 exempt) private pure returns (uint256) {
        uint256 taxable = amount - exempt;
        return open < taxable ? open : taxable;
    }

    function _open(uint256 start, uint256 end, uint256 totalOut) private pure returns (uint256) {
        uint256 from = start > totalOut ? start : totalOut;
        return end > from ? end - from : 0;
    }
}
