// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title IBridgeGateway — one region's end of the federation bridge
/// @notice Sending burns RSC on this chain and emits {MessageSent}; receiving mints on this chain
/// against M-of-N EIP-712 attestations of the federation validators. The signed message binds both
/// chain ids, both gateways, a nonce, sender, recipient, amount and kind; each message id is
/// processed once; every route has inbound and outbound rate limits and a per-message cap; a
/// guardian pauses, governance unpauses; the validator set rotates by governance after a delay.
/// The region's kind rules hold across the bridge: a person sends to a person; a message whose
/// recipient is refused on arrival bounces back to its sender as a {MessageKind.Refund}.
interface IBridgeGateway {
    enum MessageKind {
        Transfer, // Person → Person across regions
        Pooling, // a region's capital pool contributes to another region's pool
        Refund // a bounced message returning to its sender
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

    /// @notice Burns `amount` RSC wei of the caller (a Person) and sends them to the Person
    /// `recipient` in region `dstChainId`. Emits {MessageSent}.
    function send(uint64 dstChainId, address recipient, uint256 amount) external returns (bytes32 id);

    /// @notice Governance: burns `amount` from this region's capital pool for region
    /// `dstChainId`'s capital pool (shared infrastructure). Emits {MessageSent}.
    function sendPooling(uint64 dstChainId, uint256 amount, bytes32 ref) external returns (bytes32 id);

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
