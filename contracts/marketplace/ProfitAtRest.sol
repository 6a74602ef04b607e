// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Action, Kind} from "../core/ConductorTypes.sol";
import {CompanyLots} from "../core/CompanyLots.sol";
import {ILotCollector} from "../core/ILotCollector.sol";
import {IRSC} from "../core/IRSC.sol";
import {IParameterListener} from "../governance/IParameterListener.sol";
import {IRegionParameters, Param} from "../governance/IRegionParameters.sol";
import {IProfitAtRest} from "./IProfitAtRest.sol";

/// @title ProfitAtRest — collection of the profit-at-rest tax, and the readers' view of the lots
/// @notice See {IProfitAtRest} for the exact rule. The token books every company's lots itself
/// ({CompanyLots}: the newest lot in the company's account word, FIFO consumption implicit in the
/// balance) and calls {collectOnOutflow} only when an outflow finds the oldest uncollected lot due.
/// This contract walks the due lots, moves the tax (`ProfitAtRestTax`, registered as a Module
/// allowed it) and moves the token's cursor; it keeps the two profit-at-rest rates (the token keeps
/// the delays), both pushed by RegionParameters on every change.
contract ProfitAtRest is IProfitAtRest, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    // ================================================================== constants

    /// @inheritdoc IProfitAtRest
    uint48 public constant LOT_UNIT = uint48(CompanyLots.LOT_UNIT);
    /// @inheritdoc IProfitAtRest
    uint256 public constant LOT_PERIODS_PER_DELAY = CompanyLots.PERIODS_PER_DELAY;
    /// @inheritdoc IProfitAtRest
    uint256 public constant LOT_RING = CompanyLots.RING;
    /// @inheritdoc IProfitAtRest
    uint256 public constant AUTO_COLLECT = 4;
    /// @inheritdoc IProfitAtRest
    uint256 public constant MAX_COLLECT = 256;

    uint256 private constant ONE = 1e18;

    // ================================================================== storage

    /// @custom:storage-location erc7201:conductor.storage.ProfitAtRest
    struct ProfitAtRestStorage {
        // rate (uint64) | regionalRate (uint64, bit 64)
        uint256 rates;
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
    /// (an upgrade deploys a new implementation).
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

    /// @notice Initializes the proxy and reads the rates. `admin` is the governance executor.
    function initialize(address admin) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        syncParameters();
    }

    // ================================================================== views

    /// @inheritdoc IProfitAtRest
    function lotsStateOf(address company) public view returns (uint256 balance, CompanyLots.State memory state) {
        (uint256 account, uint256 book,, uint256 newestExempt) = rsc.lotWords(company, 0);
        return CompanyLots.decode(account, book, newestExempt);
    }

    /// @inheritdoc IProfitAtRest
    function bookOf(address company) external view returns (Book memory book) {
        if (!_bearsLots(rsc.kindOf(company))) return book;
        (uint256 balance, CompanyLots.State memory st) = lotsStateOf(company);
        book.totalIn = uint128(st.start + st.newestAmount);
        book.totalOut = uint128(book.totalIn - balance);
        book.lotCount = uint56(st.lotCount);
        book.cursor = uint56(st.cursor);
    }

    /// @inheritdoc IProfitAtRest
    function lotsOf(address company, uint256 start, uint256 count) external view returns (LotView[] memory out) {
        Kind kind = rsc.kindOf(company);
        if (!_bearsLots(kind)) return out;
        Run memory r;
        uint256 balance;
        (balance, r.st) = lotsStateOf(company);
        if (start >= r.st.lotCount) return out;
        // The oldest lot kept whole: its predecessor's end is still in the ring.
        if (r.st.lotCount > LOT_RING && start < r.st.lotCount - LOT_RING) start = r.st.lotCount - LOT_RING;
        if (count > r.st.lotCount - start) count = r.st.lotCount - start;
        out = new LotView[](count);
        r.company = company;
        (r.delay, r.rate) = _ratesFor(kind);
        r.totalIn = r.st.start + r.st.newestAmount;
        r.totalOut = r.totalIn - balance;
        r.lotStart = start == 0 ? 0 : _lot(company, r.st, r.totalIn, start - 1).end;
        for (uint256 k = 0; k < count; ++k) {
            _fillView(out[k], r, start + k);
        }
    }

    /// @dev Lot `index` as {lotsOf} shows it; moves `r.lotStart` to its end.
    function _fillView(LotView memory v, Run memory r, uint256 index) private view {
        Lot memory lot = _lot(r.company, r.st, r.totalIn, index);
        v.index = index;
        v.amount = lot.end - r.lotStart;
        v.open = _open(r.lotStart, lot.end, r.totalOut);
        v.exemptAmount = lot.exempt;
        v.datedAt = uint48(lot.date * LOT_UNIT);
        v.dueAt = uint48(v.datedAt + r.delay);
        v.collected = index < r.st.cursor;
        if (!v.collected && block.timestamp >= v.dueAt) {
            v.taxIfCollectedNow = _taxable(v.open, v.amount, lot.exempt) * r.rate / ONE;
        }
        r.lotStart = lot.end;
    }

    /// @inheritdoc IProfitAtRest
    function rates() external view returns (Rates memory r) {
        IRSC.Rates memory t = rsc.rates();
        uint256 packed = _s().rates;
        r.delay = uint48(t.profitAtRestDelay);
        r.rate = uint64(packed);
        r.regionalDelay = uint48(t.regionalProfitAtRestDelay);
        r.regionalRate = uint64(packed >> 64);
    }

    // ================================================================== writes

    /// @inheritdoc ILotCollector
    function collectOnOutflow(address company, Kind kind, uint256 amount, bool priority) external {
        if (msg.sender != address(rsc)) revert ProfitAtRestUnauthorizedToken(msg.sender);
        _run(company, kind, amount, AUTO_COLLECT, priority);
    }

    /// @inheritdoc IProfitAtRest
    function collect(address company, uint256 maxLots) external returns (uint256 lots, uint256 tax) {
        if (maxLots == 0 || maxLots > MAX_COLLECT) revert ProfitAtRestInvalidMaxLots(maxLots, MAX_COLLECT);
        Kind kind = rsc.kindOf(company);
        if (!_bearsLots(kind)) revert ProfitAtRestNotACompany(company);
        return _run(company, kind, 0, maxLots, false);
    }

    /// @inheritdoc IProfitAtRest
    function syncParameters() public {
        _setRates(params.get(Param.ProfitAtRestRate), params.get(Param.RegionalProfitAtRestRate));
    }

    /// @inheritdoc IParameterListener
    function parameterChanged(Param param, uint256 value) external {
        if (msg.sender != address(params)) revert ProfitAtRestUnauthorizedParameters(msg.sender, uint8(param));
        uint256 packed = _s().rates;
        if (param == Param.ProfitAtRestRate) _setRates(value, uint64(packed >> 64));
        else if (param == Param.RegionalProfitAtRestRate) _setRates(uint64(packed), value);
        else revert ProfitAtRestUnauthorizedParameters(msg.sender, uint8(param));
    }

    // ================================================================== internal

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    /// @dev One lot as the walk needs it.
    struct Lot {
        uint256 end;
        uint256 date;
        uint256 exempt;
    }

    /// @dev One collection run, in memory (keeps the stack small).
    struct Run {
        address company;
        CompanyLots.State st;
        uint256 totalIn;
        uint256 cursor;
        uint256 totalOut;
        uint256 lotStart;
        uint256 available;
        uint256 lots;
        uint256 tax;
        uint256 rate;
        uint256 delay;
        bool deferUnpaid;
    }

    /// @dev Examines up to `maxLots` lots from the cursor, measured before an outflow of `amount`
    /// the company just made; stops at the first lot not yet due, or when the tax cannot be moved
    /// (the action is paused), or — with `deferUnpaid` — at the first lot whose tax exceeds what the
    /// company holds (otherwise that refuses with {ProfitAtRestTaxUnpaid}). Then moves the cursor.
    function _run(address company, Kind kind, uint256 amount, uint256 maxLots, bool deferUnpaid)
        private
        returns (uint256, uint256)
    {
        Run memory r;
        uint256 balance;
        (balance, r.st) = lotsStateOf(company);
        if (r.st.cursor >= r.st.lotCount) return (0, 0);
        r.company = company;
        r.deferUnpaid = deferUnpaid;
        r.cursor = r.st.cursor;
        (r.delay, r.rate) = _ratesFor(kind);
        r.totalIn = r.st.start + r.st.newestAmount;
        // What the company had spent before this outflow: money it held when a lot fell due is
        // taxed on what it held.
        r.totalOut = r.totalIn - balance - amount;
        r.available = balance;
        r.lotStart = r.cursor == 0 ? 0 : _lot(company, r.st, r.totalIn, r.cursor - 1).end;
        while (r.lots < maxLots && r.cursor < r.st.lotCount) {
            if (!_collectOne(r)) break;
        }
        if (r.cursor != r.st.cursor) rsc.setLotCursor(company, r.cursor);
        return (r.lots, r.tax);
    }

    /// @dev Collects the lot at `r.cursor` if due; false when it is not due or the tax cannot move.
    function _collectOne(Run memory r) private returns (bool) {
        Lot memory lot = _lot(r.company, r.st, r.totalIn, r.cursor);
        if (block.timestamp < lot.date * LOT_UNIT + r.delay) return false;
        uint256 open = _taxable(_open(r.lotStart, lot.end, r.totalOut), lot.end - r.lotStart, lot.exempt);
        uint256 tax = open * r.rate / ONE;
        if (tax != 0) {
            if (tax > r.available) {
                if (r.deferUnpaid) return false;
                revert ProfitAtRestTaxUnpaid(r.company, tax, r.available);
            }
            try rsc.move(Action.ProfitAtRestTax, r.company, capitalPool, tax, bytes32(r.cursor)) {}
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
        emit ProfitAtRestCollected(r.company, r.cursor, open, tax);
        r.lotStart = lot.end;
        ++r.cursor;
        ++r.lots;
        return true;
    }

    /// @dev Lot `index`: the newest from the company's state, the others from the token.
    function _lot(address company, CompanyLots.State memory st, uint256 totalIn, uint256 index)
        private
        view
        returns (Lot memory lot)
    {
        if (index + 1 == st.lotCount) return Lot(totalIn, st.newestDate, st.newestExempt);
        // Every lot read here (from the one before the cursor) is kept: the token opens no lot that
        // would reuse its word.
        if (!CompanyLots.isStored(index, st.lotCount)) revert ProfitAtRestLotNotKept(company, index, st.lotCount);
        (,, uint256 word,) = rsc.lotWords(company, index);
        (lot.end, lot.date, lot.exempt) = CompanyLots.decodeLot(word);
    }

    function _setRates(uint256 rate, uint256 regionalRate) private {
        _s().rates = uint64(rate) | (uint256(uint64(regionalRate)) << 64);
        IRSC.Rates memory t = rsc.rates();
        emit RatesSynced(
            uint48(t.profitAtRestDelay), uint64(rate), uint48(t.regionalProfitAtRestDelay), uint64(regionalRate)
        );
    }

    function _ratesFor(Kind kind) private view returns (uint256 delay, uint256 rate) {
        IRSC.Rates memory t = rsc.rates();
        uint256 packed = _s().rates;
        if (kind == Kind.RegionalCompany) return (t.regionalProfitAtRestDelay, uint64(packed >> 64));
        return (t.profitAtRestDelay, uint64(packed));
    }

    /// @dev The taxable part of what is `open` of a lot of `amount` holding `exempt` money: spending
    /// takes a lot's exempt money first, so it is what is open up to the lot's taxable money.
    function _taxable(uint256 open, uint256 amount, uint256 exempt) private pure returns (uint256) {
        uint256 taxable = amount - exempt;
        return open < taxable ? open : taxable;
    }

    /// @dev The open part of the lot spanning cumulative inflow (start, end] once `totalOut` is spent.
    function _open(uint256 start, uint256 end, uint256 totalOut) private pure returns (uint256) {
        uint256 from = start > totalOut ? start : totalOut;
        return end > from ? end - from : 0;
    }

    function _bearsLots(Kind kind) private pure returns (bool) {
        return kind == Kind.RegionalCompany || kind == Kind.Company;
    }
}
