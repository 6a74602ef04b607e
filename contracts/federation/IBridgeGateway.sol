// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "../core/ConductorTypes.sol";

/// @title IBridgeGateway — one region's end of the federation bridge
/// @notice Sending burns RSC on this chain and emits {MessageSent}; receiving mints on this chain
/// against M-of-N EIP-712 attestations of the federation validators. The signed message binds both
/// chain ids, both gateways, a nonce, sender, recipient, amount and kind; each message id is
/// processed once; every route has inbound and outbound rate limits and a per-message cap; a
/// guardian pauses, governance unpauses; the validator set rotates by governance after a delay.
/// The region's kind rules hold across the bridge: a person sends to a person; a message whose
/// recipient is refused on arrival bounces back to its sender as a {MessageKind.Refund}.
///
/// Cross-region purchase ({MessageKind.Purchase}): the buyer's region burns the buyer's stated
/// maximum total; on delivery the seller's gateway mints the price plus the seller region's sales
/// tax (at its rate then) onto itself and buys through the seller region's marketplace
/// ({IMarketplace-purchaseFromBridge}), which pays the seller the net and the capital pool the tax.
/// The change (maximum − total) returns to the buyer as a Refund; a purchase the marketplace refuses
/// (listing unknown, inactive or short, total above the maximum, another seller) returns whole.
interface IBridgeGateway {
    enum MessageKind {
        Transfer, // Person → Person across regions
        Pooling, // a region's capital pool contributes to another region's pool
        Refund, // a bounced message (or a purchase's change) returning to its sender
        Purchase // a buyer buys a listing of the destination region (ref: see {purchaseRef})
    }

    /// @notice The message validators attest. `id = keccak256(abi.encode(MESSAGE_TYPEHASH, …))`,
    /// the EIP-712 struct hash; validators sign it under the destination gateway's domain.
    struct Message {
        uint64 srcChainId;
        address srcGateway;
        uint64 dstChainId;
        address dstGateway;
        uint64 nonce;
        address sender;
        address recipient;
        uint256 amount;
        MessageKind kind;
        bytes32 ref;
    }

    /// @notice A counterparty region's gateway and the limits on the route to and from it.
    struct Route {
        address gateway;
        uint256 perMessageCap; // RSC wei; 0 = route closed
        uint256 sent; // RSC wei burned towards this region, all time
        uint256 received; // RSC wei minted from this region, all time
    }

    event MessageSent(
        bytes32 indexed id,
        uint64 indexed dstChainId,
        uint64 nonce,
        address indexed sender,
        address recipient,
        uint256 amount,
        MessageKind kind,
        bytes32 ref
    );
    event MessageReceived(
        bytes32 indexed id, uint64 indexed srcChainId, address indexed recipient, uint256 amount, MessageKind kind
    );
    event MessageBounced(bytes32 indexed id, bytes32 indexed refundId, string reason);

    /// @notice Emitted with {MessageBounced} when the seller region's marketplace refused purchase
    /// message `id`; `reason` is the revert data (an {IMarketplace} or {IBridgeGateway} custom error).
    event PurchaseRefused(bytes32 indexed id, bytes reason);

    /// @notice Emitted when purchase message `id` was delivered: `total` RSC wei (net + sales tax)
    /// minted and spent on listing `listingId`; `change` RSC wei returned in refund `changeId`
    /// (zero id when there is no change).
    event PurchaseDelivered(
        bytes32 indexed id, uint256 indexed listingId, uint64 quantity, uint256 total, uint256 change, bytes32 changeId
    );

    /// @notice Emitted when governance sets the marketplace that cross-region purchases buy from.
    event MarketplaceSet(address indexed marketplace);
    event RouteConfigured(
        uint64 indexed chainId, address gateway, uint256 perMessageCap, uint208 outCapacity, uint208 inCapacity, uint48 window
    );
    event ValidatorSetProposed(address[] validators, uint8 threshold, uint48 effectiveAt);
    event ValidatorSetActivated(address[] validators, uint8 threshold);
    event GatewayPaused(address indexed guardian, string reason);
    event GatewayUnpaused();

    error BridgeGatewayPaused();
    error BridgeGatewayUnknownRoute(uint64 chainId);
    error BridgeGatewayWrongRoute(uint64 srcChainId, address srcGateway, uint64 dstChainId, address dstGateway);
    error BridgeGatewayAlreadyProcessed(bytes32 id);
    error BridgeGatewayTooFewSignatures(uint256 valid, uint256 threshold);
    error BridgeGatewayUnsortedSigners(address previous, address signer);
    error BridgeGatewayNotAValidator(address signer);
    error BridgeGatewayCapExceeded(uint256 amount, uint256 cap);
    error BridgeGatewayRateLimited(uint64 chainId, bool outbound, uint256 amount, uint256 available);
    error BridgeGatewayInvalidValidatorSet(uint256 validators, uint8 threshold);
    error BridgeGatewayRotationNotDue(uint48 effectiveAt);
    error BridgeGatewayNoPendingRotation();
    error BridgeGatewayNotAPerson(address account);
    error BridgeGatewayZeroAmount();
    error BridgeGatewayBadSignatureLength(uint256 length);

    /// @notice Thrown when an account whose kind may not buy at home (or bridge out) sends a purchase.
    error BridgeGatewayNotABuyer(address account, Kind kind);

    /// @notice Thrown when a purchase names listing 0, a listing id past 192 bits, quantity 0 or
    /// seller 0.
    error BridgeGatewayInvalidOrder(uint256 listingId, uint64 quantity, address seller);

    /// @notice Thrown (and caught: the purchase bounces) when no marketplace is set here.
    error BridgeGatewayNoMarketplace();

    /// @notice Thrown (and caught: the purchase bounces) when the listing's seller is not the one
    /// the buyer named.
    error BridgeGatewaySellerMismatch(uint256 listingId, address expected, address actual);

    /// @notice Thrown (and caught) when the marketplace charged other than it quoted.
    error BridgeGatewayChargeMismatch(uint256 quoted, uint256 charged);

    /// @notice Thrown when {deliverPurchase} is called by anyone but the gateway itself.
    error BridgeGatewayOnlySelf(address caller);

    /// @notice Thrown when a purchase is delivered with too little gas left for the purchase's
    /// fixed gas budget (so a relayer can never make a purchase bounce by starving it).
    error BridgeGatewayInsufficientGas(uint256 available, uint256 required);

    /// @notice Burns `amount` RSC wei of the caller (a Person) and sends them to the Person
    /// `recipient` in region `dstChainId`. Emits {MessageSent}.
    function send(uint64 dstChainId, address recipient, uint256 amount) external returns (bytes32 id);

    /// @notice Governance: burns `amount` from this region's capital pool for region
    /// `dstChainId`'s capital pool (shared infrastructure). Emits {MessageSent}.
    function sendPooling(uint64 dstChainId, uint256 amount, bytes32 ref) external returns (bytes32 id);

    /// @notice Burns `maxTotal` RSC wei of the caller and sends a purchase of `quantity` units of
    /// listing `listingId` of seller `seller` in region `dstChainId`: the most the buyer pays there,
    /// price plus that region's sales tax at delivery; the change comes back as a Refund, and the
    /// whole amount if the purchase is refused. Requirements: the caller's kind may both buy
    /// (`Purchase` to a Company) and bridge out at home (Person, Company, RegionalCompany); the
    /// order is valid; the route's cap and outbound rate limit hold for `maxTotal`.
    /// Emits {MessageSent} (kind Purchase, `ref = purchaseRef(listingId, quantity)`).
    function sendPurchase(uint64 dstChainId, address seller, uint256 listingId, uint64 quantity, uint256 maxTotal)
        external
        returns (bytes32 id);

    /// @notice The gateway's own step of delivering a purchase (mint the total onto itself, buy
    /// through the marketplace); called by {receiveMessage} in a try/catch so that a refusal undoes
    /// it whole. Only the gateway itself. Returns the total paid (net + tax).
    function deliverPurchase(Message calldata message, bytes32 id) external returns (uint256 total);

    /// @notice Governance: the marketplace cross-region purchases buy from (0: none; purchases
    /// bounce). Emits {MarketplaceSet}.
    function setMarketplace(address marketplace_) external;

    /// @notice The marketplace cross-region purchases buy from.
    function marketplace() external view returns (address);

    /// @notice A purchase message's `ref`: `listingId` in the high 192 bits, `quantity` in the low 64.
    function purchaseRef(uint256 listingId, uint64 quantity) external pure returns (bytes32);

    /// @notice Mints a message's amount on this chain. `signatures` are 65-byte ECDSA signatures
    /// of the message's EIP-712 digest, concatenated in strictly ascending signer order; at least
    /// `threshold` distinct current validators. Anyone may deliver. Emits {MessageReceived} (or
    /// {MessageBounced} and a refund {MessageSent}).
    function receiveMessage(Message calldata message, bytes calldata signatures) external;

    /// @notice The id (EIP-712 struct hash) of `message`.
    function messageId(Message calldata message) external pure returns (bytes32);

    /// @notice The digest validators sign for `message` arriving at this gateway.
    function digest(Message calldata message) external view returns (bytes32);

    /// @notice Whether the message with `nonce` from region `srcChainId` was delivered here.
    function isProcessed(uint64 srcChainId, uint64 nonce) external view returns (bool);

    function routeOf(uint64 chainId) external view returns (Route memory);

    /// @notice RSC wei this region's reserve owes region `chainId`'s reserve: sent − received
    /// (negative: owed to us).
    function netFlow(uint64 chainId) external view returns (int256);

    function validators() external view returns (address[] memory, uint8 threshold);
}
