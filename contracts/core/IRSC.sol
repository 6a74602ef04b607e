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
    /// the bit mask of actions the account may perform (bit `uint8(action)`).
    struct Account {
        uint128 balance;
        Kind kind;
        bool suspended;
        uint48 votingSince;
        uint56 tag;
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

    /// @notice Emitted when governance points the token at a new profit-at-rest ledger (0: none).
    event LotLedgerChanged(address indexed previousLedger, address indexed newLedger);

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

    // ------------------------------------------------------------------ views

    /// @notice The account stored for `account` (kind, balance, suspension, voting, tag).
    function accountOf(address account) external view returns (Account memory);

    /// @notice The kind of `account`.
    function kindOf(address account) external view returns (Kind);

    /// @notice The registry allowed to register, suspend and recover accounts.
    function registry() external view returns (address);

    /// @notice The profit-at-rest ledger told about every movement of a Company or RegionalCompany (0: none).
    function lotLedger() external view returns (address);

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

    /// @notice Performs a typed action with its tax in one debit: moves `amount` RSC wei from `from`
    /// to `to` as `action` and `tax` RSC wei from `from` to `taxTo` as `taxAction`. Exactly the
    /// same as {move}(action, from, to, amount, ref) followed by {move}(taxAction, from, taxTo,
    /// tax, ref) — same requirements for both movements, same events in that order (no tax
    /// events when `tax` is 0) — but `from` is read and written once and the lot ledger is told
    /// once ({ILotLedger-recordMoveWithTax}). `from` must be a registered account (no mint).
    /// The caller computes the tax (it knows the rate and its rounding); the token checks nothing
    /// about the ratio, as it checks nothing about any amount a module moves.
    /// Emits {Transfer} and {ActionPerformed} for the action, then for the tax.
    function moveWithTax(
        Action action,
        Action taxAction,
        address from,
        address to,
        uint256 amount,
        address taxTo,
        uint256 tax,
        bytes32 ref
    ) external;

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

    /// @notice Sets the profit-at-rest ledger ({ILotLedger}) that the token tells, after the balances
    /// changed, about every typed action in which a Company or RegionalCompany sends or receives
    /// (0 turns it off). Direct Person→Person transfers never call it. Only governance.
    /// Emits {LotLedgerChanged}.
    function setLotLedger(address ledger) external;

    /// @notice Pauses the actions in `actionMask` until `until` (at most 30 days ahead). Direct
    /// transfers, wages and income tax withheld from wages cannot be paused. Only the guardian.
    /// Emits {ActionsPaused}.
    function pauseActions(uint32 actionMask, uint48 until, string calldata reason) external;

    /// @notice Lifts the pause before its expiry. Only governance. Emits {ActionsUnpaused}.
    function unpauseActions() external;
}
