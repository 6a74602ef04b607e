// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {Action, Kind} from "./ConductorTypes.sol";

/// @title IRSC — the region's restricted credit (Regional-Socialist Credit)
/// @notice An ERC-20 with EIP-2612 permit whose every movement obeys the seed's transfer rule:
/// a direct transfer (`transfer`, `transferFrom`) moves RSC only from a Person to a Person; every
/// other movement is a typed action performed by a registered module through {move}, checked
/// against the one table in {TransferRule}. Each account's kind lives in the same storage word as
/// its balance, so checking the rule costs no extra storage read.
interface IRSC is IERC20Metadata, IERC20Permit {
    /// @notice An account as stored: one 256-bit word.
    /// @param balance RSC wei held.
    /// @param kind The account kind; `None` means unregistered.
    /// @param suspended Whether the account is suspended (it can neither send nor receive).
    /// @param votingSince Person only: timestamp from which her vote counts (0: no vote).
    /// @param tag Person: the member id, stable across key recovery. Module, Region and Bridge:
    /// the bit mask of actions the account may perform (bit `uint8(action)`). Companies: 0 (their
    /// word's high bits hold their newest lot, see {lotWords}).
    struct Account {
        uint128 balance;
        Kind kind;
        bool suspended;
        uint48 votingSince;
        uint56 tag;
    }

    /// @notice The regional rates the token applies itself, as RegionParameters last told it
    /// (fractions: 1e18 = 100 %; delays in seconds).
    struct Rates {
        uint256 salesTaxRate;
        uint256 incomeTaxRate;
        uint256 profitAtRestDelay;
        uint256 regionalProfitAtRestDelay;
    }

    // ------------------------------------------------------------------ events

    /// @notice Emitted with the ERC-20 `Transfer` of every typed action. `amount` in RSC wei;
    /// `ref` names what the action refers to (listing id, employment id, loan id, message id …).
    event ActionPerformed(
        Action indexed action, address indexed from, address indexed to, uint256 amount, bytes32 ref
    );

    /// @notice Emitted when the registry or governance sets an account's kind and tag.
    event AccountRegistered(address indexed account, Kind kind, uint56 tag);

    /// @notice Emitted when an account is suspended or restored.
    event AccountSuspensionChanged(address indexed account, bool suspended);

    /// @notice Emitted when the registry moves a lost account onto a new address.
    event AccountRecovered(address indexed from, address indexed to, uint256 balance);

    /// @notice Emitted when governance changes the registry allowed to write accounts.
    event RegistryChanged(address indexed previousRegistry, address indexed newRegistry);

    /// @notice Emitted when governance points the token at a new profit-at-rest collector (0: none).
    event LotLedgerChanged(address indexed previousLedger, address indexed newLedger);

    /// @notice Emitted when governance points the token at the RegionParameters whose rates it applies.
    event RegionParametersChanged(address indexed previousParameters, address indexed newParameters);

    /// @notice Emitted when the guardian pauses actions. `actionMask` bit `uint8(action)`.
    event ActionsPaused(uint32 actionMask, uint48 until, string reason);

    /// @notice Emitted when the pause is lifted before its expiry.
    event ActionsUnpaused();

    // ------------------------------------------------------------------ errors

    /// @notice Thrown when a movement's `(action, fromKind, toKind)` is not in the transfer rule.
    error RSCActionNotAllowed(Action action, Kind fromKind, Kind toKind);

    /// @notice Thrown when a suspended account would send or receive.
    error RSCAccountSuspended(address account);

    /// @notice Thrown when the caller of {move} is not a module allowed to perform `action`.
    error RSCUnauthorizedModule(address caller, Action action);

    /// @notice Thrown when a registry-only function is called by another account.
    error RSCUnauthorizedRegistry(address caller);

    /// @notice Thrown when an account that is already registered would be registered again.
    error RSCAlreadyRegistered(address account, Kind kind);

    /// @notice Thrown when an account that must be registered is not.
    error RSCNotRegistered(address account);

    /// @notice Thrown when the registry sets a kind that only governance may set, or vice versa.
    error RSCKindNotAssignable(Kind kind);

    /// @notice Thrown when an action is paused by the guardian.
    error RSCActionPaused(Action action, uint48 until);

    /// @notice Thrown when a pause would not expire in the future within the longest pause allowed.
    error RSCInvalidPauseExpiry(uint48 until, uint48 latest);

    /// @notice Thrown when a mint would take the total supply past what 128 bits can hold.
    error RSCSupplyOverflow(uint256 totalSupply, uint256 amount);

    /// @notice Thrown when a zero address is given where an account is required.
    error RSCZeroAddress();

    /// @notice Thrown when an EIP-2612 permit has expired.
    error RSCPermitExpired(uint256 deadline);

    /// @notice Thrown when an EIP-2612 permit is not signed by `owner`.
    error RSCInvalidPermitSigner(address signer, address owner);

    /// @notice Thrown when {moveTaxed} is asked for an action that carries no tax.
    error RSCActionNotTaxed(Action action);

    /// @notice Thrown when anyone but the profit-at-rest collector moves a lot cursor.
    error RSCUnauthorizedLedger(address caller);

    /// @notice Thrown when a lot cursor would move back or past the company's lots.
    error RSCInvalidLotCursor(address company, uint256 cursor, uint256 current, uint256 lotCount);

    /// @notice Thrown when anyone but the region's RegionParameters reports a parameter change.
    error RSCUnauthorizedParameters(address caller);

    /// @notice Thrown when a parameter the token does not apply, or an out-of-range value, is reported.
    error RSCParameterNotApplied(uint8 param, uint256 value);

    /// @notice Thrown when lots are asked of an account that keeps none (not a Company or RegionalCompany).
    error RSCNoLots(address account, Kind kind);

    // ------------------------------------------------------------------ views

    /// @notice The account stored for `account` (kind, balance, suspension, voting, tag).
    function accountOf(address account) external view returns (Account memory);

    /// @notice The kind of `account`.
    function kindOf(address account) external view returns (Kind);

    /// @notice The registry allowed to register, suspend and recover accounts.
    function registry() external view returns (address);

    /// @notice The profit-at-rest module asked to collect when a company's outflow finds a due lot (0: none).
    function lotLedger() external view returns (address);

    /// @notice The RegionParameters whose rates the token applies (0: none yet).
    function regionParameters() external view returns (address);

    /// @notice The rates the token applies: always RegionParameters' current values (pushed in the
    /// same transaction as every change), once {setRegionParameters} was called.
    function rates() external view returns (Rates memory);

    /// @notice The raw words of `company`'s lots as the token books them ({CompanyLots}, which
    /// decodes them): its account word (balance, the newest lot's amount, the oldest uncollected
    /// lot's date), its book, the ring word of lot `index` (meaningful only for one of its last 64
    /// closed lots, {CompanyLots-isStored}) and the newest lot's exempt money (meaningful only when
    /// the book says it has some). ProfitAtRest reads and decodes them; readers use its
    /// {IProfitAtRest-lotsStateOf} and {IProfitAtRest-lotsOf}. Reverts with {RSCNoLots} for an
    /// account that keeps none.
    function lotWords(address company, uint256 index)
        external
        view
        returns (uint256 account, uint256 book, uint256 lot, uint256 newestExempt);

    /// @notice The actions paused by the guardian and until when (0 if none).
    function pausedActions() external view returns (uint32 actionMask, uint48 until);

    /// @notice Whether `(action, fromKind, toKind)` is allowed by the transfer rule.
    function isAllowed(Action action, Kind fromKind, Kind toKind) external pure returns (bool);

    // ------------------------------------------------------------------ writes

    /// @notice Performs a typed action: moves `amount` RSC wei from `from` to `to`. `from == 0`
    /// mints, `to == 0` burns.
    /// Requirements:
    /// - the caller is a Module, Region or Bridge account whose tag allows `action`;
    /// - `(action, kindOf(from), kindOf(to))` is in the transfer rule, neither side suspended
    ///   (whatever the action, Recovery included);
    /// - a non-zero `from` or `to` is registered ({RSCNotRegistered} otherwise: `Kind.None` in the
    ///   rule stands for the zero address of a mint or burn, never for an unregistered holder);
    /// - `action` is not paused (wages and their income tax are never paused).
    /// Emits {Transfer} and {ActionPerformed}.
    function move(Action action, address from, address to, uint256 amount, bytes32 ref) external;

    /// @notice Performs a taxed action with its tax at the region's rate, in one debit of `from`:
    /// - `Purchase`: `amount` to `to`, plus the sales tax `⌊amount × SalesTaxRate / 1e18⌋` to
    ///   `taxTo` as `SalesTax` (the buyer pays both); returns `(amount, tax)`;
    /// - `Wage`: a gross wage `amount`, of which `⌊amount × IncomeTaxRate / 1e18⌋` goes to `taxTo`
    ///   as `IncomeTax` and the rest to `to`; returns `(amount − tax, tax)`.
    /// The rate is the one in force ({rates}): a module cannot apply another. The same as {move}
    /// for the action then {move} for the tax — same requirements for both (the caller must be
    /// allowed both), same events in that order; a zero part is not moved and emits nothing.
    /// Reverts with {RSCActionNotTaxed} for any other action.
    function moveTaxed(Action action, address from, address to, uint256 amount, address taxTo, bytes32 ref)
        external
        returns (uint256 net, uint256 tax);

    /// @notice Moves `company`'s collection cursor to `cursor` (lots before it are collected).
    /// Only the profit-at-rest collector ({lotLedger}); never back, never past the lots.
    function setLotCursor(address company, uint256 cursor) external;

    /// @notice Reads SalesTaxRate, IncomeTaxRate and both profit-at-rest delays from
    /// RegionParameters again. Anyone (the values are RegionParameters'; changes are pushed anyway).
    function syncParameters() external;

    /// @notice Points the token at the RegionParameters whose rates it applies, and reads them.
    /// RegionParameters must list the token as the listener of those four parameters. Only
    /// governance. Emits {RegionParametersChanged}.
    function setRegionParameters(address newParameters) external;

    /// @notice Registers `account` as `kind` (Person, Company, RegionalCompany, ExternalCompany)
    /// with `tag`; a Person's vote counts from now. Only the registry.
    /// Emits {AccountRegistered}.
    function registerAccount(address account, Kind kind, uint56 tag) external;

    /// @notice Suspends or restores `account`. Restoring a Person restarts her vote from now.
    /// Only the registry. Emits {AccountSuspensionChanged}.
    function setSuspended(address account, bool suspended) external;

    /// @notice Moves the whole account (balance, kind, member id) of `from` onto the unregistered
    /// address `to`; `from` becomes unregistered. Only the registry.
    /// Emits {Transfer}, {ActionPerformed} (Recovery) and {AccountRecovered}.
    function recoverAccount(address from, address to) external;

    /// @notice Registers a Module, Region or Bridge account with the actions it may perform.
    /// Only governance. Emits {AccountRegistered}.
    function registerModule(address module, Kind kind, uint56 permissions) external;

    /// @notice Sets the profit-at-rest module ({ILotCollector}) the token calls after an outflow of
    /// a Company or RegionalCompany whose oldest uncollected lot is due (0: none, lots are still
    /// booked but nothing is collected). Only governance. Emits {LotLedgerChanged}.
    function setLotLedger(address ledger) external;

    /// @notice Pauses the actions in `actionMask` until `until` (at most 30 days ahead). Direct
    /// transfers, wages and income tax withheld from wages cannot be paused. Only the guardian.
    /// Emits {ActionsPaused}.
    function pauseActions(uint32 actionMask, uint48 until, string calldata reason) external;

    /// @notice Lifts the pause before its expiry. Only governance. Emits {ActionsUnpaused}.
    function unpauseActions() external;
}
