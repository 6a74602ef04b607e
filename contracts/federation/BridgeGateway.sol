// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {EIP712Upgradeable} from "@openzeppelin/contracts-upgradeable/utils/cryptography/EIP712Upgradeable.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {RateLimiter} from "@openzeppelin/contracts/utils/RateLimiter.sol";
import {Action, Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";
import {TransferRule} from "../core/TransferRule.sol";
import {IMarketplace} from "../marketplace/IMarketplace.sol";
import {IBridgeGateway} from "./IBridgeGateway.sol";

/// @title BridgeGateway
/// @notice See {IBridgeGateway}. Registered in the token as kind `Bridge` with the actions
/// BridgeOut, BridgeIn and Pooling (a cross-region purchase arrives as a BridgeIn onto the gateway
/// itself, which the region's marketplace spends at once). `DEFAULT_ADMIN_ROLE` is the region's governance executor
/// (routes, limits, validator rotation, unpause, upgrades); `GUARDIAN_ROLE` may pause.
contract BridgeGateway is IBridgeGateway, Initializable, AccessControlUpgradeable, EIP712Upgradeable, UUPSUpgradeable {
    using RateLimiter for RateLimiter.RefillingBucket;

    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");

    /// @notice Gas forwarded to {deliverPurchase}: a fixed budget, so the relayer's gas limit can
    /// never turn a purchase into a bounce (it must leave this much, or the delivery reverts).
    uint256 public constant PURCHASE_GAS = 400_000;

    bytes32 public constant MESSAGE_TYPEHASH = keccak256(
        // solhint-disable-next-line max-line-length
        "Message(uint64 srcChainId,address srcGateway,uint64 dstChainId,address dstGateway,uint64 nonce,address sender,address recipient,uint256 amount,uint8 kind,bytes32 ref)"
    );

    /// @custom:storage-location erc7201:conductor.storage.BridgeGateway
    struct BridgeGatewayStorage {
        // slot 0: read on every receive
        IRSC rsc;
        bool paused;
        uint8 threshold;
        uint48 rotationDelay;
        // slot 1
        address capitalPool;
        uint64 nonce;
        address[] validators;
        mapping(address validator => bool) isValidator;
        address[] pendingValidators;
        uint8 pendingThreshold;
        uint48 pendingEffectiveAt;
        mapping(uint64 chainId => Route) routes;
        mapping(uint64 chainId => RateLimiter.RefillingBucket) outLimits;
        mapping(uint64 chainId => RateLimiter.RefillingBucket) inLimits;
        // Delivered messages, one bit per (source chain, nonce): a source gateway never sends two
        // messages with one nonce, and 256 deliveries share a storage word.
        mapping(uint64 srcChainId => mapping(uint256 word => uint256 bits)) delivered;
        // The marketplace cross-region purchases buy from (0: none, purchases bounce).
        IMarketplace marketplace;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.BridgeGateway")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0xf4613c17512e3ffa4899e2715d970268584bbcb5db99977121b94b1d36741a00;

    function _s() private pure returns (BridgeGatewayStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(
        address admin,
        IRSC rsc_,
        address capitalPool_,
        address[] calldata validators_,
        uint8 threshold_,
        uint48 rotationDelay_
    ) external initializer {
        __AccessControl_init();
        __EIP712_init("ConductorBridge", "1");
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        BridgeGatewayStorage storage $ = _s();
        $.rsc = rsc_;
        $.capitalPool = capitalPool_;
        $.rotationDelay = rotationDelay_;
        _setValidators($, validators_, threshold_);
    }

    // ================================================================== views

    /// @inheritdoc IBridgeGateway
    function messageId(Message calldata m) public pure returns (bytes32) {
        return _messageId(m);
    }

    function _messageId(Message memory m) private pure returns (bytes32) {
        return keccak256(
            abi.encode(
                MESSAGE_TYPEHASH,
                m.srcChainId,
                m.srcGateway,
                m.dstChainId,
                m.dstGateway,
                m.nonce,
                m.sender,
                m.recipient,
                m.amount,
                m.kind,
                m.ref
            )
        );
    }

    /// @inheritdoc IBridgeGateway
    function digest(Message calldata m) external view returns (bytes32) {
        return _hashTypedDataV4(messageId(m));
    }

    /// @inheritdoc IBridgeGateway
    function isProcessed(uint64 srcChainId, uint64 nonce) public view returns (bool) {
        return (_s().delivered[srcChainId][nonce >> 8] >> (nonce & 0xff)) & 1 == 1;
    }

    /// @inheritdoc IBridgeGateway
    function routeOf(uint64 chainId) external view returns (Route memory) {
        return _s().routes[chainId];
    }

    /// @inheritdoc IBridgeGateway
    function netFlow(uint64 chainId) external view returns (int256) {
        Route storage r = _s().routes[chainId];
        return int256(r.sent) - int256(r.received);
    }

    /// @inheritdoc IBridgeGateway
    function validators() external view returns (address[] memory, uint8 threshold) {
        BridgeGatewayStorage storage $ = _s();
        return ($.validators, $.threshold);
    }

    /// @notice RSC wei that can still be sent to / received from `chainId` now.
    function available(uint64 chainId) external view returns (uint256 outbound, uint256 inbound) {
        BridgeGatewayStorage storage $ = _s();
        return ($.outLimits[chainId].available(bytes32(0)), $.inLimits[chainId].available(bytes32(0)));
    }

    function paused() external view returns (bool) {
        return _s().paused;
    }

    /// @inheritdoc IBridgeGateway
    function marketplace() external view returns (address) {
        return address(_s().marketplace);
    }

    /// @inheritdoc IBridgeGateway
    function purchaseRef(uint256 listingId, uint64 quantity) public pure returns (bytes32) {
        return bytes32((listingId << 64) | quantity);
    }

    // ================================================================== sending

    /// @inheritdoc IBridgeGateway
    function send(uint64 dstChainId, address recipient, uint256 amount) external returns (bytes32 id) {
        BridgeGatewayStorage storage $ = _s();
        IRSC.Account memory sender = $.rsc.accountOf(msg.sender);
        if (sender.kind != Kind.Person) revert BridgeGatewayNotAPerson(msg.sender);
        if (recipient == address(0)) revert BridgeGatewayNotAPerson(recipient);
        id = _send($, dstChainId, msg.sender, recipient, amount, MessageKind.Transfer, bytes32(0));
        $.rsc.move(Action.BridgeOut, msg.sender, address(0), amount, id);
    }

    /// @inheritdoc IBridgeGateway
    function sendPooling(uint64 dstChainId, uint256 amount, bytes32 ref)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
        returns (bytes32 id)
    {
        BridgeGatewayStorage storage $ = _s();
        id = _send($, dstChainId, $.capitalPool, address(0), amount, MessageKind.Pooling, ref);
        $.rsc.move(Action.Pooling, $.capitalPool, address(0), amount, id);
    }

    /// @inheritdoc IBridgeGateway
    function sendPurchase(uint64 dstChainId, address seller, uint256 listingId, uint64 quantity, uint256 maxTotal)
        external
        returns (bytes32 id)
    {
        BridgeGatewayStorage storage $ = _s();
        Kind kind = $.rsc.kindOf(msg.sender);
        // "If the transfer rule allows it at home": the buyer's kind may buy from a company here
        // and may bridge out (Person, Company, RegionalCompany).
        if (
            !TransferRule.isAllowed(Action.Purchase, kind, Kind.Company)
                || !TransferRule.isAllowed(Action.BridgeOut, kind, Kind.None)
        ) revert BridgeGatewayNotABuyer(msg.sender, kind);
        if (listingId == 0 || listingId > type(uint192).max || quantity == 0 || seller == address(0)) {
            revert BridgeGatewayInvalidOrder(listingId, quantity, seller);
        }
        id = _send($, dstChainId, msg.sender, seller, maxTotal, MessageKind.Purchase, purchaseRef(listingId, quantity));
        $.rsc.move(Action.BridgeOut, msg.sender, address(0), maxTotal, id);
    }

    // ================================================================== receiving

    /// @inheritdoc IBridgeGateway
    function receiveMessage(Message calldata m, bytes calldata signatures) external {
        BridgeGatewayStorage storage $ = _s();
        if ($.paused) revert BridgeGatewayPaused();
        Route storage route = $.routes[m.srcChainId];
        if (
            m.dstChainId != block.chainid || m.dstGateway != address(this) || route.gateway == address(0)
                || m.srcGateway != route.gateway
        ) revert BridgeGatewayWrongRoute(m.srcChainId, m.srcGateway, m.dstChainId, m.dstGateway);
        bytes32 id = messageId(m);
        uint256 word = $.delivered[m.srcChainId][m.nonce >> 8];
        uint256 bit = uint256(1) << (m.nonce & 0xff);
        if (word & bit != 0) revert BridgeGatewayAlreadyProcessed(id);
        _verify($, _hashTypedDataV4(id), signatures);
        if (m.amount == 0) revert BridgeGatewayZeroAmount();
        if (m.kind != MessageKind.Refund) {
            // A refund returns what this region itself sent: it is not new inbound value.
            if (m.amount > route.perMessageCap) revert BridgeGatewayCapExceeded(m.amount, route.perMessageCap);
            _consume($.inLimits[m.srcChainId], m.srcChainId, false, m.amount);
        }
        $.delivered[m.srcChainId][m.nonce >> 8] = word | bit;
        route.received += m.amount;

        if (m.kind == MessageKind.Pooling) {
            $.rsc.move(Action.Pooling, address(0), $.capitalPool, m.amount, id);
            emit MessageReceived(id, m.srcChainId, $.capitalPool, m.amount, m.kind);
            return;
        }
        if (m.kind == MessageKind.Purchase) {
            _receivePurchase($, m, id);
            return;
        }
        if (m.kind == MessageKind.Transfer) {
            IRSC.Account memory to = $.rsc.accountOf(m.recipient);
            if (to.kind != Kind.Person || to.suspended) {
                bytes32 refundId = _send($, m.srcChainId, address(this), m.sender, m.amount, MessageKind.Refund, id);
                emit MessageBounced(id, refundId, "recipient is not an active member of this region");
                return;
            }
        }
        $.rsc.move(Action.BridgeIn, address(0), m.recipient, m.amount, id);
        emit MessageReceived(id, m.srcChainId, m.recipient, m.amount, m.kind);
    }

    /// @inheritdoc IBridgeGateway
    function deliverPurchase(Message calldata m, bytes32 id) external returns (uint256 total) {
        if (msg.sender != address(this)) revert BridgeGatewayOnlySelf(msg.sender);
        IMarketplace market = _s().marketplace;
        if (address(market) == address(0)) revert BridgeGatewayNoMarketplace();
        total = _mintQuote(market, m.ref, id);
        _buy(market, m, id, total);
    }

    // ================================================================== governance

    /// @inheritdoc IBridgeGateway
    function setMarketplace(address marketplace_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _s().marketplace = IMarketplace(marketplace_);
        emit MarketplaceSet(marketplace_);
    }

    /// @notice Opens, changes or closes (perMessageCap 0) the route to region `chainId`.
    /// Emits {RouteConfigured}.
    function configureRoute(
        uint64 chainId,
        address gateway,
        uint256 perMessageCap,
        uint208 outCapacity,
        uint208 inCapacity,
        uint48 window
    ) external onlyRole(DEFAULT_ADMIN_ROLE) {
        BridgeGatewayStorage storage $ = _s();
        $.routes[chainId].gateway = gateway;
        $.routes[chainId].perMessageCap = perMessageCap;
        $.outLimits[chainId].updateSettings(window, outCapacity);
        $.inLimits[chainId].updateSettings(window, inCapacity);
        emit RouteConfigured(chainId, gateway, perMessageCap, outCapacity, inCapacity, window);
    }

    /// @notice Proposes a new validator set; it takes effect after the rotation delay.
    /// Emits {ValidatorSetProposed}.
    function proposeValidatorSet(address[] calldata validators_, uint8 threshold_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _checkSet(validators_, threshold_);
        BridgeGatewayStorage storage $ = _s();
        $.pendingValidators = validators_;
        $.pendingThreshold = threshold_;
        $.pendingEffectiveAt = uint48(block.timestamp) + $.rotationDelay;
        emit ValidatorSetProposed(validators_, threshold_, $.pendingEffectiveAt);
    }

    /// @notice Activates the proposed validator set once its delay has passed. Anyone may call.
    function activateValidatorSet() external {
        BridgeGatewayStorage storage $ = _s();
        if ($.pendingEffectiveAt == 0) revert BridgeGatewayNoPendingRotation();
        if (block.timestamp < $.pendingEffectiveAt) revert BridgeGatewayRotationNotDue($.pendingEffectiveAt);
        for (uint256 i = 0; i < $.validators.length; ++i) {
            $.isValidator[$.validators[i]] = false;
        }
        address[] memory next = $.pendingValidators;
        uint8 nextThreshold = $.pendingThreshold;
        delete $.pendingValidators;
        $.pendingEffectiveAt = 0;
        _setValidators($, next, nextThreshold);
    }

    /// @notice Stops sending and receiving. Any guardian. Emits {GatewayPaused}.
    function pause(string calldata reason) external onlyRole(GUARDIAN_ROLE) {
        _s().paused = true;
        emit GatewayPaused(msg.sender, reason);
    }

    /// @notice Resumes the bridge. Only governance. Emits {GatewayUnpaused}.
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _s().paused = false;
        emit GatewayUnpaused();
    }

    // ================================================================== internal

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    function _send(
        BridgeGatewayStorage storage $,
        uint64 dstChainId,
        address sender,
        address recipient,
        uint256 amount,
        MessageKind kind,
        bytes32 ref
    ) private returns (bytes32 id) {
        if ($.paused) revert BridgeGatewayPaused();
        Route storage route = $.routes[dstChainId];
        if (route.gateway == address(0)) revert BridgeGatewayUnknownRoute(dstChainId);
        if (amount == 0) revert BridgeGatewayZeroAmount();
        if (kind != MessageKind.Refund) {
            if (amount > route.perMessageCap) revert BridgeGatewayCapExceeded(amount, route.perMessageCap);
            _consume($.outLimits[dstChainId], dstChainId, true, amount);
        }
        uint64 nonce = ++$.nonce;
        Message memory m = Message(
            uint64(block.chainid), address(this), dstChainId, route.gateway, nonce, sender, recipient, amount, kind, ref
        );
        id = _messageId(m);
        route.sent += amount;
        emit MessageSent(id, dstChainId, nonce, sender, recipient, amount, kind, ref);
    }

    /// @dev Delivers purchase message `m`: the gateway's step runs in a self-call with a fixed gas
    /// budget, so a refusal anywhere inside (marketplace, token, seller check) undoes the mint and the
    /// listing change together and the whole amount returns to the buyer.
    function _receivePurchase(BridgeGatewayStorage storage $, Message calldata m, bytes32 id) private {
        // EIP-150 passes at most 63/64 of what is left: keep enough for the full budget.
        uint256 required = PURCHASE_GAS + PURCHASE_GAS / 63 + 10_000;
        if (gasleft() < required) revert BridgeGatewayInsufficientGas(gasleft(), required);
        try this.deliverPurchase{gas: PURCHASE_GAS}(m, id) returns (uint256 total) {
            // Cannot underflow: the marketplace refuses a total above the maximum (m.amount).
            uint256 change = m.amount - total;
            bytes32 changeId;
            if (change != 0) changeId = _send($, m.srcChainId, address(this), m.sender, change, MessageKind.Refund, id);
            (uint256 listingId, uint64 quantity) = _order(m.ref);
            emit PurchaseDelivered(id, listingId, quantity, total, change, changeId);
            emit MessageReceived(id, m.srcChainId, m.recipient, total, m.kind);
        } catch (bytes memory reason) {
            bytes32 refundId = _send($, m.srcChainId, address(this), m.sender, m.amount, MessageKind.Refund, id);
            emit PurchaseRefused(id, reason);
            emit MessageBounced(id, refundId, "purchase refused by the seller region's marketplace");
        }
    }

    /// @dev Mints the listing's price plus this region's sales tax now onto the gateway. The quote
    /// reverts for an unknown listing; the marketplace checks everything else in {_buy}.
    function _mintQuote(IMarketplace market, bytes32 ref, bytes32 id) private returns (uint256 total) {
        (uint256 listingId, uint64 quantity) = _order(ref);
        (uint256 net, uint256 tax) = market.quote(listingId, quantity);
        total = net + tax;
        if (total != 0) _s().rsc.move(Action.BridgeIn, address(0), address(this), total, id);
    }

    /// @dev Buys through the marketplace with the minted `total`, for at most the buyer's maximum.
    function _buy(IMarketplace market, Message calldata m, bytes32 id, uint256 total) private {
        (uint256 listingId, uint64 quantity) = _order(m.ref);
        (address seller, uint256 net, uint256 tax) =
            market.purchaseFromBridge(listingId, quantity, m.amount, m.srcChainId, m.sender, id);
        if (seller != m.recipient) revert BridgeGatewaySellerMismatch(listingId, m.recipient, seller);
        // What was minted onto the gateway is exactly what the marketplace spent: nothing stays here.
        if (net + tax != total) revert BridgeGatewayChargeMismatch(total, net + tax);
    }

    /// @dev The listing id and quantity packed in a purchase message's ref (see {purchaseRef}).
    function _order(bytes32 ref) private pure returns (uint256 listingId, uint64 quantity) {
        listingId = uint256(ref) >> 64;
        quantity = uint64(uint256(ref));
    }

    function _consume(RateLimiter.RefillingBucket storage limiter, uint64 chainId, bool outbound, uint256 amount) private {
        if (!limiter.tryConsume(bytes32(0), amount)) {
            revert BridgeGatewayRateLimited(chainId, outbound, amount, limiter.available(bytes32(0)));
        }
    }

    function _verify(BridgeGatewayStorage storage $, bytes32 hash, bytes calldata signatures) private view {
        if (signatures.length % 65 != 0) revert BridgeGatewayBadSignatureLength(signatures.length);
        uint256 count = signatures.length / 65;
        address previous = address(0);
        for (uint256 i = 0; i < count; ++i) {
            address signer = ECDSA.recover(hash, signatures[i * 65:(i + 1) * 65]);
            if (signer <= previous) revert BridgeGatewayUnsortedSigners(previous, signer);
            if (!$.isValidator[signer]) revert BridgeGatewayNotAValidator(signer);
            previous = signer;
        }
        if (count < $.threshold) revert BridgeGatewayTooFewSignatures(count, $.threshold);
    }

    function _setValidators(BridgeGatewayStorage storage $, address[] memory validators_, uint8 threshold_) private {
        _checkSet(validators_, threshold_);
        $.validators = validators_;
        $.threshold = threshold_;
        for (uint256 i = 0; i < validators_.length; ++i) {
            $.isValidator[validators_[i]] = true;
        }
        emit ValidatorSetActivated(validators_, threshold_);
    }

    function _checkSet(address[] memory validators_, uint8 threshold_) private pure {
        if (threshold_ == 0 || threshold_ > validators_.length) {
            revert BridgeGatewayInvalidValidatorSet(validators_.length, threshold_);
        }
        for (uint256 i = 0; i < validators_.length; ++i) {
            for (uint256 j = 0; j < i; ++j) {
                if (validators_[i] == validators_[j] || validators_[i] == address(0)) {
                    revert BridgeGatewayInvalidValidatorSet(validators_.length, threshold_);
                }
            }
        }
    }
}
