// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {IERC7802} from "@openzeppelin/contracts/interfaces/draft-IERC7802.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {EIP712Upgradeable} from "@openzeppelin/contracts-upgradeable/utils/cryptography/EIP712Upgradeable.sol";
import {NoncesUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/NoncesUpgradeable.sol";
import {IParameterListener} from "../governance/IParameterListener.sol";
import {IRegionParameters, Param} from "../governance/IRegionParameters.sol";
import {CompanyLots} from "./CompanyLots.sol";
import {Action, Kind} from "./ConductorTypes.sol";
import {ILotCollector} from "./ILotCollector.sol";
import {IRSC} from "./IRSC.sol";
import {TransferRule} from "./TransferRule.sol";

/// @title RSC — the region's restricted credit
/// @notice See {IRSC}. Decimals: 18 (see README, "Why 18 decimals").
/// @dev Why a hand-written ERC-20 core instead of OpenZeppelin's `ERC20Upgradeable`: the transfer
/// rule needs each side's kind on every transfer. OpenZeppelin keeps balances in a private
/// mapping, so the kind would live in a second slot and every transfer would pay two more cold
/// storage reads (+4,200 gas, +12 % over a plain transfer). Here an account is ONE word:
///
///   bits   0..127  balance      (uint128, RSC wei)
///   bits 128..135  kind         (Kind)
///   bit  136       suspended
///   bits 144..191  votingSince  (uint48 timestamp, Person only)
///   bits 192..247  tag          (uint56: member id, or a module's permission mask)
///   bits 137..255  a Company's or RegionalCompany's newest profit-at-rest lot ({CompanyLots})
///
/// The regional rates applied on every movement (sales and income tax, profit-at-rest delays) sit in
/// the word the pause check reads anyway; RegionParameters pushes each change of them here in the
/// same transaction ({IParameterListener}), so a module can never apply a stale or a wrong rate:
/// the token computes the tax ({moveTaxed}).
///
/// Everything else (permit, EIP-712, nonces, roles, UUPS) is OpenZeppelin's.
contract RSC is
    IRSC,
    IERC20Errors,
    Initializable,
    IERC7802,
    AccessControlUpgradeable,
    EIP712Upgradeable,
    NoncesUpgradeable,
    UUPSUpgradeable,
    IParameterListener
{
    // ================================================================== constants

    /// @notice The role that may pause actions in an emergency (the council).
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");

    /// @notice The longest an emergency pause may last before it expires by itself.
    uint48 public constant MAX_PAUSE = 30 days;

    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    uint256 private constant BALANCE_MASK = type(uint128).max;
    uint256 private constant KIND_SHIFT = 128;
    uint256 private constant SUSPENDED_SHIFT = 136;
    uint256 private constant SUSPENDED_BIT = uint256(1) << SUSPENDED_SHIFT;
    uint256 private constant VOTING_SHIFT = 144;
    uint256 private constant TAG_SHIFT = 192;
    /// @dev (kind, suspended) of an active Person, read as 16 bits from bit 128.
    uint256 private constant ACTIVE_PERSON = uint256(uint8(Kind.Person));

    /// @dev Actions an emergency pause can never stop: P2P transfers and wages already earned.
    uint32 private constant UNPAUSABLE =
        uint32((1 << uint8(Action.Transfer)) | (1 << uint8(Action.Wage)) | (1 << uint8(Action.IncomeTax)));

    uint256 private constant ONE = 1e18;
    // The config word: paused mask | paused until | the rates applied on every movement.
    uint256 private constant UNTIL_SHIFT = 32;
    uint256 private constant SALES_TAX_SHIFT = 72;
    uint256 private constant INCOME_TAX_SHIFT = 132;
    uint256 private constant DELAY_SHIFT = 192;
    uint256 private constant REGIONAL_DELAY_SHIFT = DELAY_SHIFT + 32; // the next uint32 (see {_hasDueLot})
    uint256 private constant RATE_MASK = 2 ** 60 - 1;
    uint256 private constant PAUSE_BITS = 2 ** 72 - 1;

    // ================================================================== storage

    /// @custom:storage-location erc7201:conductor.storage.RSC
    struct RSCStorage {
        mapping(address account => uint256 word) accounts;
        mapping(address owner => mapping(address spender => uint256)) allowances;
        uint256 totalSupply;
        // slot 3: paused action mask (bits 0..31) | paused until (uint40, 32..71)
        //   | SalesTaxRate (uint60, 72..131) | IncomeTaxRate (uint60, 132..191)
        //   | ProfitAtRestDelay (uint32, 192..223) | RegionalProfitAtRestDelay (uint32, 224..255)
        uint256 config;
        string name;
        // slot 5: the profit-at-rest module that collects due lots ({ILotCollector}; 0: none)
        address lotLedger;
        address registry;
        // the RegionParameters whose rates this token applies (0: none yet, every rate 0)
        address regionParameters;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.RSC")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0xf483478ee57517a4df11e3da56ae0eb2219ff533e1cc3c3a53b157e7820e8700;

    function _s() private pure returns (RSCStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    // ================================================================== constructor

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Initializes the proxy. `admin` is the upgrade and governance authority (the
    /// deployer until governance exists, then the region's governance executor). The registry is
    /// set next with {setRegistry}; until then no account can be registered.
    function initialize(string calldata name_, address admin) external initializer {
        if (admin == address(0)) revert RSCZeroAddress();
        __AccessControl_init();
        __EIP712_init(name_, "1");
        __Nonces_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _s().name = name_;
    }

    // ================================================================== ERC-20 views

    function name() external view returns (string memory) {
        return _s().name;
    }

    function symbol() external pure returns (string memory) {
        return "RSC";
    }

    function decimals() external pure returns (uint8) {
        return 18;
    }

    function totalSupply() external view returns (uint256) {
        return _s().totalSupply;
    }

    function balanceOf(address account) external view returns (uint256) {
        return _s().accounts[account] & BALANCE_MASK;
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return _s().allowances[owner][spender];
    }

    // ================================================================== IRSC views

    /// @inheritdoc IRSC
    function accountOf(address account) external view returns (Account memory) {
        return _decode(_s().accounts[account]);
    }

    /// @inheritdoc IRSC
    function kindOf(address account) external view returns (Kind) {
        return _kind(_s().accounts[account]);
    }

    /// @inheritdoc IRSC
    function registry() public view returns (address) {
        return _s().registry;
    }

    /// @inheritdoc IRSC
    function regionParameters() external view returns (address) {
        return _s().regionParameters;
    }

    /// @inheritdoc IRSC
    function rates() external view returns (Rates memory r) {
        uint256 config = _s().config;
        r.salesTaxRate = (config >> SALES_TAX_SHIFT) & RATE_MASK;
        r.incomeTaxRate = (config >> INCOME_TAX_SHIFT) & RATE_MASK;
        r.profitAtRestDelay = uint32(config >> DELAY_SHIFT);
        r.regionalProfitAtRestDelay = uint32(config >> REGIONAL_DELAY_SHIFT);
    }

    /// @inheritdoc IRSC
    function lotWords(address company, uint256 index)
        external
        view
        returns (uint256 account, uint256 book, uint256 lot, uint256 newestExempt)
    {
        account = _s().accounts[company];
        if (!_bearsLots(_kind(account))) revert RSCNoLots(company, _kind(account));
        (book, lot, newestExempt) = CompanyLots.words(company, index);
    }

    /// @inheritdoc IRSC
    function lotLedger() external view returns (address) {
        return _s().lotLedger;
    }

    /// @inheritdoc IRSC
    function pausedActions() public view returns (uint32 actionMask, uint48 until) {
        uint256 config = _s().config;
        until = uint40(config >> UNTIL_SHIFT);
        if (until > block.timestamp) actionMask = uint32(config);
        else until = 0;
    }

    /// @inheritdoc IRSC
    function isAllowed(Action action, Kind fromKind, Kind toKind) external pure returns (bool) {
        return TransferRule.isAllowed(action, fromKind, toKind);
    }

    /// @notice EIP-2612 domain separator.
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @inheritdoc NoncesUpgradeable
    function nonces(address owner) public view override(IERC20Permit, NoncesUpgradeable) returns (uint256) {
        return super.nonces(owner);
    }

    // ================================================================== ERC-20 writes (direct: Person → Person)

    function transfer(address to, uint256 amount) external returns (bool) {
        _transferDirect(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        _spendAllowance(from, msg.sender, amount);
        _transferDirect(from, to, amount);
        return true;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        _approve(msg.sender, spender, amount);
        return true;
    }

    /// @notice EIP-2612 permit. Approving is allowed for any account; spending through the
    /// allowance obeys the transfer rule like any direct transfer.
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
    {
        if (block.timestamp > deadline) revert RSCPermitExpired(deadline);
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, _useNonce(owner), deadline));
        address signer = ECDSA.recover(_hashTypedDataV4(structHash), v, r, s);
        if (signer != owner) revert RSCInvalidPermitSigner(signer, owner);
        _approve(owner, spender, value);
    }

    // ================================================================== typed actions

    /// @inheritdoc IRSC
    function move(Action action, address from, address to, uint256 amount, bytes32 ref) external {
        RSCStorage storage $ = _s();
        _move($, _authorizeMover($, action, false), action, from, to, amount, ref);
    }

    /// @inheritdoc IRSC
    function moveTaxed(Action action, address from, address to, uint256 amount, address taxTo, bytes32 ref)
        external
        returns (uint256 net, uint256 tax)
    {
        RSCStorage storage $ = _s();
        uint256 config = $.config;
        Action taxAction;
        if (action == Action.Purchase) {
            (taxAction, net, tax) = (Action.SalesTax, amount, amount * ((config >> SALES_TAX_SHIFT) & RATE_MASK) / ONE);
        } else if (action == Action.Wage) {
            taxAction = Action.IncomeTax;
            tax = amount * ((config >> INCOME_TAX_SHIFT) & RATE_MASK) / ONE;
            // Cannot underflow: the rate is at most 1e18, so tax <= amount.
            unchecked {
                net = amount - tax;
            }
        } else {
            revert RSCActionNotTaxed(action);
        }
        // The caller must be allowed both actions, whether or not a part is zero.
        _authorize($, config, action, taxAction, false);
        if (tax == 0) _move($, config, action, from, to, net, ref);
        else if (net == 0) _move($, config, taxAction, from, taxTo, tax, ref);
        else _moveWithTax(config, uint8(action) | uint256(uint8(taxAction)) << 8, from, to, net, taxTo, tax, ref);
    }

    /// @inheritdoc IRSC
    function setLotCursor(address company, uint256 cursor) external {
        RSCStorage storage $ = _s();
        if (msg.sender != $.lotLedger) revert RSCUnauthorizedLedger(msg.sender);
        (uint256 current, uint256 lotCount) = CompanyLots.cursorOf(company);
        if (cursor < current || cursor > lotCount) revert RSCInvalidLotCursor(company, cursor, current, lotCount);
        $.accounts[company] = CompanyLots.setCursor(company, $.accounts[company], cursor);
    }

    // ================================================================== regional rates

    /// @inheritdoc IParameterListener
    function parameterChanged(Param param, uint256 value) external {
        RSCStorage storage $ = _s();
        if (msg.sender != $.regionParameters) revert RSCUnauthorizedParameters(msg.sender);
        $.config = _withRate($.config, param, value);
    }

    /// @inheritdoc IRSC
    function syncParameters() public {
        RSCStorage storage $ = _s();
        IRegionParameters p = IRegionParameters($.regionParameters);
        if (address(p) == address(0)) revert RSCZeroAddress();
        uint256 config = $.config;
        config = _withRate(config, Param.SalesTaxRate, p.get(Param.SalesTaxRate));
        config = _withRate(config, Param.IncomeTaxRate, p.get(Param.IncomeTaxRate));
        config = _withRate(config, Param.ProfitAtRestDelay, p.get(Param.ProfitAtRestDelay));
        $.config = _withRate(config, Param.RegionalProfitAtRestDelay, p.get(Param.RegionalProfitAtRestDelay));
    }

    /// @inheritdoc IRSC
    function setRegionParameters(address newParameters) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newParameters == address(0)) revert RSCZeroAddress();
        RSCStorage storage $ = _s();
        emit RegionParametersChanged($.regionParameters, newParameters);
        $.regionParameters = newParameters;
        syncParameters();
    }

    /// @dev `config` with `param`'s field set to `value` (only the four rates this token applies).
    function _withRate(uint256 config, Param param, uint256 value) private pure returns (uint256) {
        (uint256 shift, uint256 mask) = param == Param.SalesTaxRate
            ? (SALES_TAX_SHIFT, RATE_MASK)
            : param == Param.IncomeTaxRate
                ? (INCOME_TAX_SHIFT, RATE_MASK)
                : param == Param.ProfitAtRestDelay
                    ? (DELAY_SHIFT, uint256(type(uint32).max))
                    : param == Param.RegionalProfitAtRestDelay
                        ? (REGIONAL_DELAY_SHIFT, uint256(type(uint32).max))
                        : (0, 0);
        if (mask == 0 || value > mask) revert RSCParameterNotApplied(uint8(param), value);
        return (config & ~(mask << shift)) | (value << shift);
    }

    /// @notice ERC-7802: mints `amount` to `to` for a crosschain transfer, as the `BridgeIn` action
    /// (the transfer rule applies). Only a Bridge account allowed `BridgeIn`.
    /// Emits {Transfer}, {ActionPerformed} and {IERC7802-CrosschainMint}.
    function crosschainMint(address to, uint256 amount) external {
        RSCStorage storage $ = _s();
        _move($, _authorizeMover($, Action.BridgeIn, true), Action.BridgeIn, address(0), to, amount, bytes32(0));
        emit CrosschainMint(to, amount, msg.sender);
    }

    /// @notice ERC-7802: burns `amount` of `from` for a crosschain transfer, as the `BridgeOut`
    /// action (the transfer rule applies). Only a Bridge account allowed `BridgeOut`.
    /// Emits {Transfer}, {ActionPerformed} and {IERC7802-CrosschainBurn}.
    function crosschainBurn(address from, uint256 amount) external {
        RSCStorage storage $ = _s();
        _move($, _authorizeMover($, Action.BridgeOut, true), Action.BridgeOut, from, address(0), amount, bytes32(0));
        emit CrosschainBurn(from, amount, msg.sender);
    }

    /// @notice ERC-165: RSC is ERC-7802 bridgeable besides its access control.
    function supportsInterface(bytes4 interfaceId)
        public
        view
        override(AccessControlUpgradeable, IERC165)
        returns (bool)
    {
        return interfaceId == type(IERC7802).interfaceId || super.supportsInterface(interfaceId);
    }

    /// @dev The caller must be a Module, Region or Bridge account (only a Bridge when
    /// `bridgeOnly`) whose tag allows `action`; the action must not be paused. Returns the config word.
    function _authorizeMover(RSCStorage storage $, Action action, bool bridgeOnly)
        private
        view
        returns (uint256 config)
    {
        config = $.config;
        _authorize($, config, action, action, bridgeOnly);
    }

    /// @dev {_authorizeMover} for an action and its tax at once (one read of the caller's word).
    /// On plain integers (actions below 18, kinds below 8): every typed movement runs it.
    function _authorize(RSCStorage storage $, uint256 config, Action action, Action taxAction, bool bridgeOnly)
        private
        view
    {
        uint256 callerWord = $.accounts[msg.sender];
        uint256 a = uint8(action);
        uint256 ta = uint8(taxAction);
        // Region, Module and Bridge may move (only a Bridge when `bridgeOnly`); nobody moves a `Transfer`.
        uint256 movers = bridgeOnly
            ? 1 << uint8(Kind.Bridge)
            : (1 << uint8(Kind.Region)) | (1 << uint8(Kind.Module)) | (1 << uint8(Kind.Bridge));
        if (
            (movers >> ((callerWord >> KIND_SHIFT) & 0xff)) & 1 == 0 || (callerWord >> (TAG_SHIFT + a)) & 1 == 0
                || a == uint8(Action.Transfer)
        ) {
            revert RSCUnauthorizedModule(msg.sender, action);
        }
        if ((callerWord >> (TAG_SHIFT + ta)) & 1 == 0) revert RSCUnauthorizedModule(msg.sender, taxAction);
        uint48 until = uint40(config >> UNTIL_SHIFT);
        if (until > block.timestamp) {
            if ((config >> a) & 1 == 1) revert RSCActionPaused(action, until);
            if ((config >> ta) & 1 == 1) revert RSCActionPaused(taxAction, until);
        }
    }

    /// @dev `config` is the config word, as read by the authorization.
    function _move(
        RSCStorage storage $,
        uint256 config,
        Action action,
        address from,
        address to,
        uint256 amount,
        bytes32 ref
    ) private {
        uint256 fromWord = from == address(0) ? 0 : $.accounts[from];
        uint256 toWord = to == address(0) ? 0 : $.accounts[to];
        Kind fromKind = _kind(fromWord);
        Kind toKind = _kind(toWord);
        if (!TransferRule.isAllowed(action, fromKind, toKind)) revert RSCActionNotAllowed(action, fromKind, toKind);
        // A suspended account neither sends nor receives, whatever the action (see {IRSC-move}).
        if (_suspended(fromWord)) revert RSCAccountSuspended(from);
        if (_suspended(toWord)) revert RSCAccountSuspended(to);

        if (from == address(0)) {
            uint256 supply = $.totalSupply;
            if (supply + amount > BALANCE_MASK) revert RSCSupplyOverflow(supply, amount);
            $.totalSupply = supply + amount;
        } else {
            // `Kind.None` in the rule stands for the zero address only: an unregistered address
            // holds nothing and moves nothing (no "mint" from it, no "burn" to it below).
            if (fromKind == Kind.None) revert RSCNotRegistered(from);
            uint256 balance = fromWord & BALANCE_MASK;
            if (balance < amount) revert ERC20InsufficientBalance(from, balance, amount);
            // Cannot underflow: amount <= balance, which is the word's low 128 bits.
            unchecked {
                $.accounts[from] = fromWord - amount;
            }
        }
        if (to == address(0)) {
            // Cannot underflow: the burned amount was held, and Σ balances == totalSupply.
            unchecked {
                $.totalSupply -= amount;
            }
        } else {
            if (toKind == Kind.None) revert RSCNotRegistered(to);
            // Re-read when `to` is the sender: its word was just debited.
            if (to == from) toWord = $.accounts[to];
            _credit($, config, action, from, to, toWord, amount);
        }
        _emitMoved(uint8(action), from, to, amount, ref);
        // The profit-at-rest tax is collection itself: it never asks for collection.
        if (from != to && action != Action.ProfitAtRestTax && _hasDueLot(config, fromKind, fromWord)) {
            _collectDue($, action, from, fromKind, amount);
        }
    }

    /// @dev Credits `amount` to the registered `to`, whose current word is `toWord` (the caller
    /// re-reads it when `to` was written in this movement), and books it as a lot when `to` keeps lots
    /// (the lot's period from the delays in `config`).
    function _credit(
        RSCStorage storage $,
        uint256 config,
        Action action,
        address from,
        address to,
        uint256 toWord,
        uint256 amount
    ) private {
        // Cannot overflow 128 bits: Σ balances == totalSupply < 2^128.
        uint256 word;
        unchecked {
            word = toWord + amount;
        }
        if (_bearsLots(_kind(toWord)) && to != from && amount != 0) {
            word = CompanyLots.bookInflow(
                word, to, amount, action == Action.LoanDisbursement || action == Action.Deposit, config >> DELAY_SHIFT
            );
        }
        $.accounts[to] = word;
    }

    /// @dev Whether the account of `kind` whose word was `word` is a company whose oldest
    /// uncollected lot is due, under the delays in `config` (no storage access). Only a company with
    /// an uncollected lot has bit 137 set (a Person's bit 137 is never used): then the lot at the
    /// cursor (its date in bits 138..161) is due when `date × LOT_UNIT + delay <= now`, the
    /// delay picked by kind. In assembly: every company outflow runs it.
    function _hasDueLot(uint256 config, Kind kind, uint256 word) private view returns (bool due) {
        assembly ("memory-safe") {
            // Literals, for the gas (test/core/CompanyLotsLayout.t.sol pins them to the library):
            // bit 137 = CompanyLots.UNCOLLECTED_BIT, 138 = CURSOR_DATE_SHIFT, 900 = LOT_UNIT;
            // 192 = DELAY_SHIFT, + 32 for a RegionalCompany (kind 3) = REGIONAL_DELAY_SHIFT.
            // Cannot overflow: a date is below 2^24, date × 900 + delay below 2^35.
            if and(word, shl(137, 1)) {
                let delay := and(shr(add(192, shl(5, eq(kind, 3))), config), 0xffffffff)
                due := iszero(gt(add(mul(and(shr(138, word), 0xffffff), 900), delay), timestamp()))
            }
        }
    }

    /// @dev After an outflow of `amount` under `action` from a company with a due lot: the collector
    /// collects (wages, their income tax and loan repayments first).
    function _collectDue(RSCStorage storage $, Action action, address company, Kind kind, uint256 amount) private {
        address collector = $.lotLedger;
        if (amount != 0 && collector != address(0)) {
            ILotCollector(collector).collectOnOutflow(company, kind, amount, _hasPriority(action));
        }
    }

    /// @dev {_move} twice with one debit: the checks of both movements first, then the balances.
    /// `actions` is the action in its low byte and the tax's action in the next (a stack slot saved).
    function _moveWithTax(
        uint256 config,
        uint256 actions,
        address from,
        address to,
        uint256 amount,
        address taxTo,
        uint256 tax,
        bytes32 ref
    ) private {
        RSCStorage storage $ = _s();
        uint256 fromWord = $.accounts[from];
        uint256 toWord = _checkSide($, Action(uint8(actions)), _kind(fromWord), to);
        uint256 taxWord = _checkSide($, Action(uint8(actions >> 8)), _kind(fromWord), taxTo);
        // No mint: an unregistered (or zero) `from` holds nothing.
        if (_kind(fromWord) == Kind.None) revert RSCNotRegistered(from);
        if (_suspended(fromWord)) revert RSCAccountSuspended(from);
        _debit($, from, fromWord, amount + tax);
        // Re-read a side that is also the sender, or (for the tax) also the receiver: already written.
        if (to == from) toWord = $.accounts[to];
        _credit($, config, Action(uint8(actions)), from, to, toWord, amount);
        if (taxTo == from || taxTo == to) taxWord = $.accounts[taxTo];
        _credit($, config, Action(uint8(actions >> 8)), from, taxTo, taxWord, tax);
        _emitMoved(actions & 0xff, from, to, amount, ref);
        _emitMoved(actions >> 8, from, taxTo, tax, ref);
        if (_hasDueLot(config, _kind(fromWord), fromWord)) {
            // What leaves `from` for other accounts, as one outflow (a side equal to `from` is no flow).
            uint256 out = (to == from ? 0 : amount) + (taxTo == from ? 0 : tax);
            _collectDue($, Action(uint8(actions)), from, _kind(fromWord), out);
        }
    }

    /// @dev Debits `total` from `from`, whose word is `fromWord`; refuses more than its balance.
    function _debit(RSCStorage storage $, address from, uint256 fromWord, uint256 total) private {
        uint256 balance = fromWord & BALANCE_MASK;
        if (balance < total) revert ERC20InsufficientBalance(from, balance, total);
        // Cannot underflow: total <= balance, the word's low 128 bits.
        unchecked {
            $.accounts[from] = fromWord - total;
        }
    }

    /// @dev The receiving side of a movement from a `fromKind` account: registered (no burn),
    /// not suspended, and the pair allowed for `action`. Returns its word.
    function _checkSide(RSCStorage storage $, Action action, Kind fromKind, address to)
        private
        view
        returns (uint256 toWord)
    {
        toWord = $.accounts[to];
        Kind toKind = _kind(toWord);
        if (!TransferRule.isAllowed(action, fromKind, toKind)) revert RSCActionNotAllowed(action, fromKind, toKind);
        if (toKind == Kind.None) revert RSCNotRegistered(to);
        if (_suspended(toWord)) revert RSCAccountSuspended(to);
    }

    /// @dev Emits the ERC-20 {Transfer} and {ActionPerformed} of one movement, from scratch memory
    /// (the two words at 0x00: amount, ref), allocating nothing.
    function _emitMoved(uint256 action, address from, address to, uint256 amount, bytes32 ref) private {
        bytes32 transferTopic = Transfer.selector;
        bytes32 actionTopic = ActionPerformed.selector;
        assembly ("memory-safe") {
            mstore(0x00, amount)
            log3(0x00, 0x20, transferTopic, from, to)
            mstore(0x20, ref)
            log4(0x00, 0x40, actionTopic, action, from, to)
        }
    }

    // ================================================================== registry writes

    /// @inheritdoc IRSC
    function registerAccount(address account, Kind kind, uint56 tag) external {
        RSCStorage storage $ = _s();
        _onlyRegistry($);
        if (kind == Kind.None || kind == Kind.Region || kind == Kind.Module || kind == Kind.Bridge) {
            revert RSCKindNotAssignable(kind);
        }
        _register($, account, kind, tag);
    }

    /// @inheritdoc IRSC
    function setSuspended(address account, bool suspended) external {
        RSCStorage storage $ = _s();
        _onlyRegistry($);
        uint256 word = $.accounts[account];
        if (_kind(word) == Kind.None) revert RSCNotRegistered(account);
        word &= ~SUSPENDED_BIT;
        if (suspended) {
            word |= SUSPENDED_BIT;
        } else if (_kind(word) == Kind.Person) {
            word = _withVotingSince(word, block.timestamp);
        }
        $.accounts[account] = word;
        emit AccountSuspensionChanged(account, suspended);
    }

    /// @inheritdoc IRSC
    function recoverAccount(address from, address to) external {
        RSCStorage storage $ = _s();
        _onlyRegistry($);
        if (to == address(0)) revert RSCZeroAddress();
        uint256 fromWord = $.accounts[from];
        uint256 toWord = $.accounts[to];
        if (_kind(fromWord) != Kind.Person) revert RSCActionNotAllowed(Action.Recovery, _kind(fromWord), _kind(toWord));
        if (_kind(toWord) != Kind.None) revert RSCAlreadyRegistered(to, _kind(toWord));
        uint256 balance = fromWord & BALANCE_MASK;
        // The new key votes on proposals created from now on, so a recovered member cannot vote
        // twice on a proposal her old key already voted on.
        $.accounts[to] = _withVotingSince(fromWord, block.timestamp);
        delete $.accounts[from];
        emit Transfer(from, to, balance);
        emit ActionPerformed(Action.Recovery, from, to, balance, bytes32(uint256(uint160(to))));
        emit AccountRecovered(from, to, balance);
    }

    // ================================================================== governance writes

    /// @inheritdoc IRSC
    function registerModule(address module, Kind kind, uint56 permissions) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (kind != Kind.Region && kind != Kind.Module && kind != Kind.Bridge) revert RSCKindNotAssignable(kind);
        RSCStorage storage $ = _s();
        uint256 word = $.accounts[module];
        Kind current = _kind(word);
        if (current != Kind.None && current != kind) revert RSCAlreadyRegistered(module, current);
        // Keep the balance (a module may hold escrow) and replace kind and permissions.
        $.accounts[module] = (word & BALANCE_MASK) | (uint256(uint8(kind)) << KIND_SHIFT)
            | (uint256(permissions) << TAG_SHIFT);
        emit AccountRegistered(module, kind, permissions);
    }

    /// @notice Points the token at a new registry. Only governance. Emits {RegistryChanged}.
    function setRegistry(address newRegistry) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newRegistry == address(0)) revert RSCZeroAddress();
        _setRegistry(_s(), newRegistry);
    }

    /// @inheritdoc IRSC
    function setLotLedger(address ledger) external onlyRole(DEFAULT_ADMIN_ROLE) {
        RSCStorage storage $ = _s();
        address previous = $.lotLedger;
        $.lotLedger = ledger;
        emit LotLedgerChanged(previous, ledger);
    }

    /// @inheritdoc IRSC
    function pauseActions(uint32 actionMask, uint48 until, string calldata reason) external onlyRole(GUARDIAN_ROLE) {
        actionMask &= ~UNPAUSABLE;
        if (until <= block.timestamp || until > block.timestamp + MAX_PAUSE) {
            revert RSCInvalidPauseExpiry(until, uint48(block.timestamp) + MAX_PAUSE);
        }
        RSCStorage storage $ = _s();
        $.config = ($.config & ~PAUSE_BITS) | actionMask | (uint256(until) << UNTIL_SHIFT);
        emit ActionsPaused(actionMask, until, reason);
    }

    /// @inheritdoc IRSC
    function unpauseActions() external onlyRole(DEFAULT_ADMIN_ROLE) {
        RSCStorage storage $ = _s();
        $.config &= ~PAUSE_BITS;
        emit ActionsUnpaused();
    }

    // ================================================================== internal

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    function _transferDirect(address from, address to, uint256 amount) private {
        RSCStorage storage $ = _s();
        uint256 fromWord = $.accounts[from];
        if ((fromWord >> KIND_SHIFT) & 0xffff != ACTIVE_PERSON) _refuseDirect(from, fromWord, $.accounts[to]);
        uint256 balance = fromWord & BALANCE_MASK;
        if (balance < amount) revert ERC20InsufficientBalance(from, balance, amount);
        // Cannot underflow: amount <= balance, the word's low 128 bits.
        unchecked {
            $.accounts[from] = fromWord - amount;
        }
        // Read after the write: `from` may equal `to`.
        uint256 toWord = $.accounts[to];
        if ((toWord >> KIND_SHIFT) & 0xffff != ACTIVE_PERSON) _refuseDirect(to, fromWord, toWord);
        // Cannot overflow 128 bits: Σ balances == totalSupply < 2^128.
        unchecked {
            $.accounts[to] = toWord + amount;
        }
        emit Transfer(from, to, amount);
    }

    /// @dev Reverts with the reason a direct transfer is refused: a kind pair outside the rule,
    /// or a suspended side. `account` is the side whose check failed.
    function _refuseDirect(address account, uint256 fromWord, uint256 toWord) private pure {
        if (_kind(fromWord) == Kind.Person && _kind(toWord) == Kind.Person) revert RSCAccountSuspended(account);
        revert RSCActionNotAllowed(Action.Transfer, _kind(fromWord), _kind(toWord));
    }

    function _approve(address owner, address spender, uint256 amount) private {
        if (spender == address(0)) revert ERC20InvalidSpender(spender);
        _s().allowances[owner][spender] = amount;
        emit Approval(owner, spender, amount);
    }

    function _spendAllowance(address owner, address spender, uint256 amount) private {
        RSCStorage storage $ = _s();
        uint256 current = $.allowances[owner][spender];
        if (current != type(uint256).max) {
            if (current < amount) revert ERC20InsufficientAllowance(spender, current, amount);
            unchecked {
                $.allowances[owner][spender] = current - amount;
            }
        }
    }

    function _register(RSCStorage storage $, address account, Kind kind, uint56 tag) private {
        if (account == address(0)) revert RSCZeroAddress();
        uint256 word = $.accounts[account];
        if (_kind(word) != Kind.None) revert RSCAlreadyRegistered(account, _kind(word));
        word = (word & BALANCE_MASK) | (uint256(uint8(kind)) << KIND_SHIFT) | (uint256(tag) << TAG_SHIFT);
        if (kind == Kind.Person) word = _withVotingSince(word, block.timestamp);
        else if (_bearsLots(kind)) CompanyLots.prepare(account);
        $.accounts[account] = word;
        emit AccountRegistered(account, kind, tag);
    }

    function _setRegistry(RSCStorage storage $, address newRegistry) private {
        emit RegistryChanged($.registry, newRegistry);
        $.registry = newRegistry;
    }

    function _onlyRegistry(RSCStorage storage $) private view {
        if (msg.sender != $.registry) revert RSCUnauthorizedRegistry(msg.sender);
    }

    function _withVotingSince(uint256 word, uint256 since) private pure returns (uint256) {
        return (word & ~(uint256(type(uint48).max) << VOTING_SHIFT)) | (since << VOTING_SHIFT);
    }

    /// @dev The kind in an account word. Only {_register} and {registerModule} write it, from a
    /// checked `Kind`, so it needs no range check here (every movement reads it).
    function _kind(uint256 word) private pure returns (Kind kind) {
        assembly ("memory-safe") {
            kind := and(shr(KIND_SHIFT, word), 0xff)
        }
    }

    /// @dev Companies whose inflows form profit-at-rest lots: Company (2) or RegionalCompany (3).
    function _bearsLots(Kind kind) private pure returns (bool bears) {
        assembly ("memory-safe") {
            bears := lt(sub(kind, 2), 2)
        }
    }

    /// @dev Outflows paid before the profit-at-rest tax when the balance cannot cover both.
    function _hasPriority(Action action) private pure returns (bool) {
        return action == Action.Wage || action == Action.IncomeTax || action == Action.LoanRepayment;
    }

    function _suspended(uint256 word) private pure returns (bool) {
        return word & SUSPENDED_BIT != 0;
    }

    function _decode(uint256 word) private pure returns (Account memory a) {
        a.balance = uint128(word);
        a.kind = _kind(word);
        a.suspended = _suspended(word);
        // A company's high bits are its newest lot ({CompanyLots}), not a vote or a tag.
        if (_bearsLots(a.kind)) return a;
        a.votingSince = uint48(word >> VOTING_SHIFT);
        a.tag = uint56(word >> TAG_SHIFT);
    }
}
