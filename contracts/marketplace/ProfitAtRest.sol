// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Action, Kind} from "../core/ConductorTypes.sol";
import {ILotLedger} from "../core/ILotLedger.sol";
import {IRSC} from "../core/IRSC.sol";
import {IRegionParameters, Param} from "../governance/IRegionParameters.sol";
import {IProfitAtRest} from "./IProfitAtRest.sol";

/// @title ProfitAtRest — FIFO lots of company money and the profit-at-rest tax
/// @notice See {IProfitAtRest} for the exact rule. Registered in the token as a Module allowed
/// `ProfitAtRestTax`, and set as the token's lot ledger.
/// @dev Per company, two words and one word per lot:
///
///   head  = totalIn (uint128) | lotCount (uint32, bit 128) | cursor (uint32, bit 160) | kind (uint8, bit 192)
///           | newest lot's at (uint48, bit 200) | newest lot's exempt (bit 248)
///   tail  = totalOut (uint128) | cursorStart (uint128, bit 128): cumulative inflow before lot `cursor`
///   lot i = end (uint128: cumulative inflow after the lot) | at (uint48, bit 128) | exempt (bit 176)
///
/// The newest lot lives in `head` (its end is always `totalIn`): an inflow joining it writes
/// `head` only, and its own word is written once, when the next lot opens. 2^32 lots per company
/// (122,000 years of 15-minute lots).
/// FIFO consumption is `totalOut += amount` (O(1)); the open part of any lot follows from `end`,
/// the previous lot's `end` and `totalOut`. Collection moves `cursor` forward, each lot once.
contract ProfitAtRest is IProfitAtRest, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    // ================================================================== constants

    /// @inheritdoc IProfitAtRest
    uint48 public constant LOT_WINDOW = 15 minutes;
    /// @inheritdoc IProfitAtRest
    uint256 public constant AUTO_COLLECT = 4;
    /// @inheritdoc IProfitAtRest
    uint256 public constant MAX_COLLECT = 256;

    uint256 private constant ONE = 1e18;
    uint256 private constant U128 = type(uint128).max;
    uint256 private constant U32 = type(uint32).max;
    uint256 private constant COUNT_SHIFT = 128;
    uint256 private constant CURSOR_SHIFT = 160;
    uint256 private constant KIND_SHIFT = 192;
    uint256 private constant NEWEST_AT_SHIFT = 200;
    uint256 private constant NEWEST_EXEMPT_BIT = uint256(1) << 248;
    /// @dev The newest lot's time and class in `head`.
    uint256 private constant NEWEST_MASK = (uint256(type(uint48).max) << NEWEST_AT_SHIFT) | NEWEST_EXEMPT_BIT;
    uint256 private constant AT_SHIFT = 128;
    uint256 private constant EXEMPT_BIT = uint256(1) << 176;

    // ================================================================== storage

    /// @custom:storage-location erc7201:conductor.storage.ProfitAtRest
    struct ProfitAtRestStorage {
        // delay (uint48) | rate (uint64, bit 48) | regionalDelay (uint48, bit 112) | regionalRate (uint64, bit 160)
        uint256 rates;
        mapping(address company => uint256) head;
        mapping(address company => uint256) tail;
        mapping(address company => mapping(uint256 index => uint256)) lots;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.ProfitAtRest")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0xf918b47bab19bba36e3855bbdc1f1e5903d754d8b7e3772ecdf3aba6dd990900;

    function _s() private pure returns (ProfitAtRestStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    // ================================================================== constructor

    /// @notice The region's token, parameters and capital pool: fixed per implementation
    /// (immutables cost no storage read on every movement; an upgrade deploys a new implementation).
    IRSC public immutable rsc;
    IRegionParameters public immutable params;
    address public immutable capitalPool;

    /// @custom:oz-upgrades-unsafe-allow constructor state-variable-immutable
    constructor(IRSC rsc_, IRegionParameters params_, address capitalPool_) {
        rsc = rsc_;
        params = params_;
        capitalPool = capitalPool_;
        _disableInitializers();
    }

    /// @notice Initializes the proxy and caches the rates. `admin` is the governance executor.
    function initialize(address admin) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _sync(_s());
    }

    // ================================================================== views

    /// @inheritdoc IProfitAtRest
    function bookOf(address company) external view returns (Book memory book) {
        ProfitAtRestStorage storage $ = _s();
        uint256 head = $.head[company];
        book.totalIn = uint128(head);
        book.lotCount = uint32(head >> COUNT_SHIFT);
        book.cursor = uint32(head >> CURSOR_SHIFT);
        book.totalOut = uint128($.tail[company]);
    }

    /// @inheritdoc IProfitAtRest
    function lotsOf(address company, uint256 start, uint256 count) external view returns (LotView[] memory out) {
        ProfitAtRestStorage storage $ = _s();
        uint256 head = $.head[company];
        uint256 lotCount = (head >> COUNT_SHIFT) & U32;
        if (start >= lotCount) return out;
        if (count > lotCount - start) count = lotCount - start;
        out = new LotView[](count);
        uint256 totalOut = uint128($.tail[company]);
        uint256 lotStart = start == 0 ? 0 : uint128(_lotWord($, company, head, start - 1));
        for (uint256 k = 0; k < count; ++k) {
            uint256 word = _lotWord($, company, head, start + k);
            _fillView(out[k], start + k, word, lotStart, totalOut, head, $.rates);
            lotStart = uint128(word);
        }
    }

    /// @dev One lot as {lotsOf} shows it.
    function _fillView(
        LotView memory v,
        uint256 index,
        uint256 word,
        uint256 lotStart,
        uint256 totalOut,
        uint256 head,
        uint256 packedRates
    ) private view {
        (uint48 delay, uint256 rate) = _ratesFor(packedRates, Kind(uint8(head >> KIND_SHIFT)));
        v.index = index;
        v.amount = uint128(word) - lotStart;
        v.open = _open(lotStart, uint128(word), totalOut);
        v.at = uint48(word >> AT_SHIFT);
        v.dueAt = v.at + delay;
        v.exempt = word & EXEMPT_BIT != 0;
        v.collected = index < ((head >> CURSOR_SHIFT) & U32);
        if (!v.exempt && !v.collected && block.timestamp >= v.dueAt) v.taxIfCollectedNow = v.open * rate / ONE;
    }

    /// @inheritdoc IProfitAtRest
    function rates() external view returns (Rates memory r) {
        uint256 packed = _s().rates;
        r.delay = uint48(packed);
        r.rate = uint64(packed >> 48);
        r.regionalDelay = uint48(packed >> 112);
        r.regionalRate = uint64(packed >> 160);
    }

    // ================================================================== writes

    /// @inheritdoc ILotLedger
    function recordMove(Action action, address from, Kind fromKind, address to, Kind toKind, uint256 amount)
        external
    {
        ProfitAtRestStorage storage $ = _s();
        if (msg.sender != address(rsc)) revert ProfitAtRestUnauthorizedToken(msg.sender);
        if (from == to || amount == 0) return;
        if (_bearsLots(fromKind)) _bookOutflow($, from, fromKind, amount, _hasPriority(action));
        if (_bearsLots(toKind)) _bookInflow($, to, toKind, amount, _isExempt(action));
    }

    /// @inheritdoc ILotLedger
    function recordMoveWithTax(TaxedMove calldata m) external {
        if (msg.sender != address(rsc)) revert ProfitAtRestUnauthorizedToken(msg.sender);
        address from = m.from;
        if (_bearsLots(m.fromKind)) {
            // What leaves `from` for other accounts, as one outflow (a side equal to `from` is no flow).
            uint256 out = (m.to == from ? 0 : m.amount) + (m.taxTo == from ? 0 : m.tax);
            if (out != 0) _bookOutflow(_s(), from, m.fromKind, out, _hasPriority(m.action));
        }
        _recordInflow(m.action, from, m.to, m.toKind, m.amount);
        _recordInflow(m.taxAction, from, m.taxTo, m.taxKind, m.tax);
    }

    /// @inheritdoc IProfitAtRest
    function syncParameters() external {
        _sync(_s());
    }

    /// @inheritdoc IProfitAtRest
    function collect(address company, uint256 maxLots) external returns (uint256 lots, uint256 tax) {
        if (maxLots == 0 || maxLots > MAX_COLLECT) revert ProfitAtRestInvalidMaxLots(maxLots, MAX_COLLECT);
        ProfitAtRestStorage storage $ = _s();
        uint256 packedRates = _sync($);
        uint256 head = $.head[company];
        if (head == 0) {
            Kind kind = rsc.kindOf(company);
            if (!_bearsLots(kind)) revert ProfitAtRestNotACompany(company);
            head = _initialize($, company, kind, 0, false);
        }
        uint256 tail = $.tail[company];
        uint256 available = uint128(head) - uint128(tail);
        (head, tail, lots, tax) = _collect($, company, head, tail, packedRates, maxLots, available, false);
        $.head[company] = head;
        $.tail[company] = tail;
    }

    // ================================================================== internal

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    /// @dev Books `amount` into `to` from `from` under `action`, if it is an inflow of a lot bearer.
    function _recordInflow(Action action, address from, address to, Kind toKind, uint256 amount) private {
        if (to != from && amount != 0 && _bearsLots(toKind)) _bookInflow(_s(), to, toKind, amount, _isExempt(action));
    }

    /// @dev Books an inflow: joins the newest lot when it is of the same class and young enough,
    /// otherwise opens a lot. Two or three storage words, whatever the number of lots.
    function _bookInflow(ProfitAtRestStorage storage $, address company, Kind kind, uint256 amount, bool exempt)
        private
    {
        uint256 head = $.head[company];
        if (head == 0) head = _initialize($, company, kind, amount, true);
        uint256 totalIn = uint128(head) + amount;
        uint256 count = (head >> COUNT_SHIFT) & U32;
        if (count != 0) {
            if (
                (head & NEWEST_EXEMPT_BIT != 0) == exempt
                    && block.timestamp < ((head >> NEWEST_AT_SHIFT) & type(uint48).max) + LOT_WINDOW
            ) {
                // Join the newest lot: its end is `totalIn`; its time and class stay.
                $.head[company] = (head & ~U128) | totalIn;
                return;
            }
            // Close the newest lot: its word, written once.
            $.lots[company][count - 1] = _newestWord(head);
        }
        $.head[company] = (head & ~(U128 | (U32 << COUNT_SHIFT) | NEWEST_MASK)) | totalIn | ((count + 1) << COUNT_SHIFT)
            | _newest(block.timestamp, exempt);
    }

    /// @dev Books an outflow: first collects up to AUTO_COLLECT due lots as they stood before it,
    /// then consumes the oldest money (`totalOut += amount`).
    /// With `priority` (wages, their income tax, loan repayments), a due tax the balance left after
    /// the outflow cannot pay does not refuse the outflow: collection stops there and resumes later.
    function _bookOutflow(ProfitAtRestStorage storage $, address company, Kind kind, uint256 amount, bool priority)
        private
    {
        uint256 head = $.head[company];
        if (head == 0) head = _initialize($, company, kind, amount, false);
        uint256 tail = $.tail[company];
        uint256 cursor = (head >> CURSOR_SHIFT) & U32;
        if (cursor < ((head >> COUNT_SHIFT) & U32)) {
            // The balance left after this outflow is what can pay the tax now.
            uint256 available = uint128(head) - uint128(tail) - amount;
            uint256 newHead;
            (newHead, tail,,) = _collect($, company, head, tail, $.rates, AUTO_COLLECT, available, priority);
            if (newHead != head) $.head[company] = newHead;
        }
        $.tail[company] = tail + amount;
    }

    /// @dev One collection run, in memory (keeps the stack small).
    struct Run {
        uint256 cursor;
        uint256 count;
        uint256 totalOut;
        uint256 lotStart;
        uint256 available;
        uint256 lots;
        uint256 tax;
        uint256 rate;
        uint48 delay;
        bool deferUnpaid;
        uint256 head;
    }

    /// @dev Examines up to `maxLots` lots from the cursor; stops at the first lot not yet due, or
    /// when the tax cannot be moved (the action is paused), or — with `deferUnpaid` — at the first
    /// lot whose tax exceeds `available` (otherwise that refuses with {ProfitAtRestTaxUnpaid}).
    /// Returns the updated words.
    function _collect(
        ProfitAtRestStorage storage $,
        address company,
        uint256 head,
        uint256 tail,
        uint256 packedRates,
        uint256 maxLots,
        uint256 available,
        bool deferUnpaid
    ) private returns (uint256, uint256, uint256, uint256) {
        Run memory r;
        r.deferUnpaid = deferUnpaid;
        r.head = head;
        r.count = (head >> COUNT_SHIFT) & U32;
        r.cursor = (head >> CURSOR_SHIFT) & U32;
        (r.delay, r.rate) = _ratesFor(packedRates, Kind(uint8(head >> KIND_SHIFT)));
        r.totalOut = uint128(tail);
        r.lotStart = tail >> 128;
        r.available = available;
        while (r.lots < maxLots && r.cursor < r.count) {
            if (!_collectOne($, company, r)) break;
        }
        head = (head & ~(U32 << CURSOR_SHIFT)) | (r.cursor << CURSOR_SHIFT);
        tail = r.totalOut | (r.lotStart << 128);
        return (head, tail, r.lots, r.tax);
    }

    /// @dev Collects the lot at `r.cursor` if due; false when it is not due or the tax cannot move.
    function _collectOne(ProfitAtRestStorage storage $, address company, Run memory r) private returns (bool) {
        uint256 word = _lotWord($, company, r.head, r.cursor);
        if (block.timestamp < uint256(uint48(word >> AT_SHIFT)) + r.delay) return false;
        bool exempt = word & EXEMPT_BIT != 0;
        uint256 open = exempt ? 0 : _open(r.lotStart, uint128(word), r.totalOut);
        uint256 tax = open * r.rate / ONE;
        if (tax != 0) {
            if (tax > r.available) {
                if (r.deferUnpaid) return false;
                revert ProfitAtRestTaxUnpaid(company, tax, r.available);
            }
            try rsc.move(Action.ProfitAtRestTax, company, capitalPool, tax, bytes32(r.cursor)) {}
            catch {
                return false;
            }
            // Cannot underflow: tax <= available. The tax consumes the oldest open money.
            unchecked {
                r.available -= tax;
            }
            r.totalOut += tax;
            r.tax += tax;
        }
        emit ProfitAtRestCollected(company, r.cursor, open, tax);
        r.lotStart = uint128(word);
        ++r.cursor;
        ++r.lots;
        return true;
    }

    /// @dev First sight of a company: records its kind and, if it already held RSC before the
    /// ledger was set, books that balance as one taxable opening lot dated now. `amount` is the
    /// movement being booked (`inflow` tells its direction), to recover the balance before it.
    function _initialize(ProfitAtRestStorage storage $, address company, Kind kind, uint256 amount, bool inflow)
        private
        returns (uint256 head)
    {
        uint256 balance = rsc.balanceOf(company);
        uint256 before = inflow ? balance - amount : balance + amount;
        head = uint256(uint8(kind)) << KIND_SHIFT;
        if (before != 0) {
            head |= before | (uint256(1) << COUNT_SHIFT) | _newest(block.timestamp, false);
            emit OpeningLotBooked(company, before);
        }
        $.head[company] = head;
    }

    /// @dev Lot `index`'s word: the newest lot's is made from `head`, the others are stored.
    function _lotWord(ProfitAtRestStorage storage $, address company, uint256 head, uint256 index)
        private
        view
        returns (uint256)
    {
        if (index + 1 == ((head >> COUNT_SHIFT) & U32)) return _newestWord(head);
        return $.lots[company][index];
    }

    /// @dev The newest lot's word (`end | at | exempt`) from `head`.
    function _newestWord(uint256 head) private pure returns (uint256) {
        return uint128(head) | (((head >> NEWEST_AT_SHIFT) & type(uint48).max) << AT_SHIFT)
            | (head & NEWEST_EXEMPT_BIT != 0 ? EXEMPT_BIT : 0);
    }

    /// @dev The newest lot's fields of `head`.
    function _newest(uint256 at, bool exempt) private pure returns (uint256) {
        return (at << NEWEST_AT_SHIFT) | (exempt ? NEWEST_EXEMPT_BIT : 0);
    }

    function _sync(ProfitAtRestStorage storage $) private returns (uint256 packed) {
        IRegionParameters p = params;
        uint48 delay = uint48(p.get(Param.ProfitAtRestDelay));
        uint64 rate = uint64(p.get(Param.ProfitAtRestRate));
        uint48 regionalDelay = uint48(p.get(Param.RegionalProfitAtRestDelay));
        uint64 regionalRate = uint64(p.get(Param.RegionalProfitAtRestRate));
        packed = uint256(delay) | (uint256(rate) << 48) | (uint256(regionalDelay) << 112) | (uint256(regionalRate) << 160);
        if (packed != $.rates) {
            $.rates = packed;
            emit RatesSynced(delay, rate, regionalDelay, regionalRate);
        }
    }

    function _ratesFor(uint256 packed, Kind kind) private pure returns (uint48 delay, uint256 rate) {
        if (kind == Kind.RegionalCompany) return (uint48(packed >> 112), uint64(packed >> 160));
        return (uint48(packed), uint64(packed >> 48));
    }

    /// @dev The open part of the lot spanning cumulative inflow (start, end] once `totalOut` is spent.
    function _open(uint256 start, uint256 end, uint256 totalOut) private pure returns (uint256) {
        uint256 from = start > totalOut ? start : totalOut;
        return end > from ? end - from : 0;
    }

    /// @dev Outflows paid before the profit-at-rest tax when the balance cannot cover both.
    function _hasPriority(Action action) private pure returns (bool) {
        return action == Action.Wage || action == Action.IncomeTax || action == Action.LoanRepayment;
    }

    /// @dev Inflows that form exempt lots (borrowed or deposited money is not profit).
    function _isExempt(Action action) private pure returns (bool) {
        return action == Action.LoanDisbursement || action == Action.Deposit;
    }

    function _bearsLots(Kind kind) private pure returns (bool) {
        return kind == Kind.RegionalCompany || kind == Kind.Company;
    }
}
