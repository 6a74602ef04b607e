// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IRegionParameters} from "../governance/IRegionParameters.sol";
import {Action, Kind} from "./ConductorTypes.sol";
import {IRegistry} from "./IRegistry.sol";
import {IReserve} from "./IReserve.sol";
import {IRSC} from "./IRSC.sol";

/// @title Reserve
/// @notice See {IReserve}. Rounding: RSC minted = floor(usd × rate / 1e18); USD owed on a
/// redemption = floor(rsc × 1e18 / rate), both in the co-op's favour by at most 1 wei.
contract Reserve is IReserve, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    using SafeCast for uint256;

    /// @notice The role of the reserve custodians' multi-signer account.
    bytes32 public constant CUSTODIAN_ROLE = keccak256("CUSTODIAN_ROLE");

    uint256 private constant ONE = 1e18;
    /// @dev Recoveries followed to find a refunded holder's current key (each one a registrar's act).
    uint256 private constant MAX_RECOVERIES = 16;

    /// @custom:storage-location erc7201:conductor.storage.Reserve
    struct ReserveStorage {
        IRSC rsc;
        IRegionParameters params;
        uint256 usdReserves;
        uint48 asOf;
        bytes32 reportHash;
        Redemption[] redemptions;
        mapping(bytes32 depositRef => bool) depositAttested;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.Reserve")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x37cd8c06c5472be37a8641fd32b14f0d13be92ffddcaa9f574fc481234fbcc00;

    function _s() private pure returns (ReserveStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address admin, address custodians, IRSC rsc_, IRegionParameters params_) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(CUSTODIAN_ROLE, custodians);
        ReserveStorage storage $ = _s();
        $.rsc = rsc_;
        $.params = params_;
    }

    // ================================================================== views

    /// @inheritdoc IReserve
    function attestedReserves() external view returns (uint256 usdReserves, uint48 asOf, bytes32 reportHash) {
        ReserveStorage storage $ = _s();
        return ($.usdReserves, $.asOf, $.reportHash);
    }

    /// @inheritdoc IReserve
    function mintable() public view returns (uint256) {
        ReserveStorage storage $ = _s();
        uint256 backing = Math.mulDiv($.usdReserves, $.params.exchangeRate(), ONE);
        uint256 supply = $.rsc.totalSupply();
        return backing > supply ? backing - supply : 0;
    }

    /// @inheritdoc IReserve
    function redemptionOf(uint256 redemptionId) external view returns (Redemption memory) {
        return _s().redemptions[redemptionId];
    }

    /// @inheritdoc IReserve
    function redemptionCount() external view returns (uint256) {
        return _s().redemptions.length;
    }

    /// @inheritdoc IReserve
    function isDepositAttested(bytes32 depositRef) external view returns (bool) {
        return _s().depositAttested[depositRef];
    }

    // ================================================================== custodian writes

    /// @inheritdoc IReserve
    function attestReserves(uint256 usdReserves, uint48 asOf, bytes32 reportHash) external onlyRole(CUSTODIAN_ROLE) {
        if (asOf > block.timestamp) revert ReserveFutureAttestation(asOf);
        ReserveStorage storage $ = _s();
        uint256 rate = $.params.exchangeRate();
        uint256 supply = $.rsc.totalSupply();
        ($.usdReserves, $.asOf, $.reportHash) = (usdReserves, asOf, reportHash);
        emit ReservesAttested(usdReserves, asOf, reportHash);
        if (Math.mulDiv(usdReserves, rate, ONE) < supply) emit ReserveShortfall(usdReserves, supply, rate);
    }

    /// @inheritdoc IReserve
    function attestDeposit(bytes32 depositRef, address depositor, uint256 usdAmount)
        external
        onlyRole(CUSTODIAN_ROLE)
        returns (uint256 rscAmount)
    {
        if (usdAmount == 0) revert ReserveZeroAmount();
        ReserveStorage storage $ = _s();
        if ($.depositAttested[depositRef]) revert ReserveDepositAlreadyAttested(depositRef);
        uint256 rate = $.params.exchangeRate();
        rscAmount = Math.mulDiv(usdAmount, rate, ONE);
        uint256 backing = Math.mulDiv($.usdReserves, rate, ONE);
        uint256 supplyAfter = $.rsc.totalSupply() + rscAmount;
        if (supplyAfter > backing) revert ReserveInsufficientBacking(supplyAfter, backing);
        $.depositAttested[depositRef] = true;
        $.rsc.move(Action.Deposit, address(0), depositor, rscAmount, depositRef);
        emit DepositAttested(depositRef, depositor, usdAmount, rscAmount);
    }

    /// @inheritdoc IReserve
    function markRedemptionPaid(uint256 redemptionId, bytes32 payoutRef) external onlyRole(CUSTODIAN_ROLE) {
        ReserveStorage storage $ = _s();
        Redemption storage r = _pending($, redemptionId);
        r.status = RedemptionStatus.Paid;
        // The USD left the reserve account: the attested figure falls by what was paid.
        $.usdReserves = $.usdReserves > r.usdAmount ? $.usdReserves - r.usdAmount : 0;
        $.rsc.move(Action.Redemption, address(this), address(0), r.amount, bytes32(redemptionId));
        emit RedemptionPaid(redemptionId, payoutRef);
    }

    /// @inheritdoc IReserve
    function refundRedemption(uint256 redemptionId, string calldata reason) external onlyRole(CUSTODIAN_ROLE) {
        ReserveStorage storage $ = _s();
        Redemption storage r = _pending($, redemptionId);
        r.status = RedemptionStatus.Refunded;
        $.rsc.move(Action.Refund, address(this), _currentKey($, r.holder), r.amount, bytes32(redemptionId));
        emit RedemptionRefunded(redemptionId, reason);
    }

    // ================================================================== holder writes

    /// @inheritdoc IReserve
    function requestRedemption(uint256 amount) external returns (uint256 redemptionId) {
        if (amount == 0) revert ReserveZeroAmount();
        ReserveStorage storage $ = _s();
        uint256 usdAmount = Math.mulDiv(amount, ONE, $.params.exchangeRate());
        redemptionId = $.redemptions.length;
        $.redemptions.push(
            Redemption(msg.sender, uint48(block.timestamp), RedemptionStatus.Pending, amount.toUint128(), usdAmount.toUint128())
        );
        $.rsc.move(Action.Redemption, msg.sender, address(this), amount, bytes32(redemptionId));
        emit RedemptionRequested(redemptionId, msg.sender, amount, usdAmount);
    }

    // ================================================================== internal

    /// @dev Where `holder`'s money goes now: her own address, or — when the Registry recovered
    /// her account to a new key since (an unregistered address with a successor) — the last key in
    /// the chain of recoveries. Bounded by `MAX_RECOVERIES` hops.
    function _currentKey(ReserveStorage storage $, address holder) private view returns (address) {
        IRegistry registry = IRegistry($.rsc.registry());
        for (uint256 hop = 0; hop < MAX_RECOVERIES && $.rsc.kindOf(holder) == Kind.None; ++hop) {
            address next = registry.successorOf(holder);
            if (next == address(0)) break;
            holder = next;
        }
        return holder;
    }

    function _pending(ReserveStorage storage $, uint256 redemptionId) private view returns (Redemption storage r) {
        if (redemptionId >= $.redemptions.length) revert ReserveRedemptionNotPending(redemptionId, RedemptionStatus.None);
        r = $.redemptions[redemptionId];
        if (r.status != RedemptionStatus.Pending) revert ReserveRedemptionNotPending(redemptionId, r.status);
    }

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}
}
