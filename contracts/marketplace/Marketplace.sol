// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Action, Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";
import {IRegionParameters} from "../governance/IRegionParameters.sol";
import {IMarketplace, ItemKind} from "./IMarketplace.sol";

/// @title Marketplace
/// @notice See {IMarketplace}. Registered in the token as a Module allowed `Purchase` and `SalesTax`.
contract Marketplace is IMarketplace, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    /// @inheritdoc IMarketplace
    uint64 public constant UNLIMITED = type(uint64).max;
    /// @inheritdoc IMarketplace
    uint256 public constant MAX_NAME_LENGTH = 128;

    /// @notice The highest unit price a listing may ask: 2^94 − 1 RSC wei (19.8 billion RSC).
    uint256 public constant MAX_UNIT_PRICE = 2 ** 94 - 1;

    uint256 private constant ONE = 1e18;
    uint256 private constant PRICE_SHIFT = 160;
    uint256 private constant ACTIVE_BIT = uint256(1) << 254;
    uint256 private constant LIMITED_BIT = uint256(1) << 255;
    /// @dev {purchasePacked}: the calldata's length (selector + 28 bytes).
    uint256 private constant PACKED_LENGTH = 32;

    /// @dev A listing in storage. A purchase of an unlimited listing reads one word, `head`:
    /// seller (160) | unitPrice (uint94, bit 160) | active (bit 254) | limited quantity (bit 255).
    /// Slot 1: kind (8) | available (64, read and written only when limited). Slot 2: name.
    struct StoredListing {
        uint256 head;
        ItemKind kind;
        uint64 available;
        string name;
    }

    /// @custom:storage-location erc7201:conductor.storage.Marketplace
    struct MarketplaceStorage {
        uint256 listingCount;
        mapping(uint256 listingId => StoredListing) listings;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.Marketplace")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x7650c22907f6fc46b909b5e4682be8a829c2e622ee34d229ef4e6317a17dc200;

    function _s() private pure returns (MarketplaceStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @notice The region's token, parameters and capital pool: fixed per implementation
    /// (immutables cost no storage read on every purchase; an upgrade deploys a new implementation).
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

    /// @notice Initializes the proxy. `admin` is the governance executor (upgrades only).
    function initialize(address admin) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ================================================================== views

    /// @inheritdoc IMarketplace
    function listingCount() external view returns (uint256) {
        return _s().listingCount;
    }

    /// @inheritdoc IMarketplace
    function listingOf(uint256 listingId) external view returns (Listing memory listing) {
        StoredListing storage s = _listing(_s(), listingId);
        uint256 head = s.head;
        listing = Listing(
            address(uint160(head)),
            s.kind,
            head & ACTIVE_BIT != 0,
            head & LIMITED_BIT != 0 ? s.available : UNLIMITED,
            uint128((head >> PRICE_SHIFT) & MAX_UNIT_PRICE),
            s.name
        );
    }

    /// @inheritdoc IMarketplace
    function quote(uint256 listingId, uint64 quantity) external view returns (uint256 net, uint256 tax) {
        net = ((_listing(_s(), listingId).head >> PRICE_SHIFT) & MAX_UNIT_PRICE) * quantity;
        tax = net * rsc.rates().salesTaxRate / ONE;
    }

    // ================================================================== writes

    /// @inheritdoc IMarketplace
    function createListing(ItemKind kind, string calldata name, uint128 unitPrice, uint64 available)
        external
        returns (uint256 listingId)
    {
        MarketplaceStorage storage $ = _s();
        Kind sellerKind = rsc.kindOf(msg.sender);
        if (sellerKind != Kind.Company && sellerKind != Kind.RegionalCompany && sellerKind != Kind.ExternalCompany) {
            revert MarketplaceNotACompany(msg.sender, sellerKind);
        }
        if (bytes(name).length == 0 || bytes(name).length > MAX_NAME_LENGTH) {
            revert MarketplaceInvalidName(bytes(name).length);
        }
        listingId = ++$.listingCount;
        $.listings[listingId] = StoredListing(_head(msg.sender, unitPrice, true, available), kind, available, name);
        emit ListingCreated(listingId, msg.sender, kind, name, unitPrice, available);
    }

    /// @inheritdoc IMarketplace
    function setListing(uint256 listingId, uint128 unitPrice, uint64 available, bool active) external {
        StoredListing storage s = _listing(_s(), listingId);
        address seller = address(uint160(s.head));
        if (seller != msg.sender) revert MarketplaceNotSeller(listingId, msg.sender, seller);
        s.head = _head(seller, unitPrice, active, available);
        s.available = available;
        emit ListingUpdated(listingId, unitPrice, available, active);
    }

    /// @inheritdoc IMarketplace
    function purchase(uint256 listingId, uint64 quantity, uint256 maxTotal) external returns (uint256 net, uint256 tax) {
        address seller;
        uint128 unitPrice;
        (seller, unitPrice, net, tax) = _buy(listingId, quantity, maxTotal);
        emit Purchased(listingId, msg.sender, seller, quantity, unitPrice, net, tax);
    }

    /// @inheritdoc IMarketplace
    function purchasePacked() external returns (uint256 net, uint256 tax) {
        if (msg.data.length != PACKED_LENGTH) revert MarketplacePackedLength(msg.data.length);
        uint256 word;
        assembly {
            word := calldataload(4)
        }
        // The word read from byte 4 is the 28-byte payload followed by 4 zero bytes (past the end of
        // the calldata): listingId in its top 40 bits, quantity in the next 40, maxTotal in the
        // next 144, then 32 zero bits.
        // (Truncating casts, not masks built as `(uint256(1) << n) - 1`: a typed constant expression
        // with checked arithmetic is evaluated on every call.)
        uint256 listingId = word >> 216;
        uint64 quantity = uint40(word >> 176);
        uint256 maxTotal = uint144(word >> 32);
        address seller;
        uint128 unitPrice;
        (seller, unitPrice, net, tax) = _buy(listingId, quantity, maxTotal);
        emit Purchased(listingId, msg.sender, seller, quantity, unitPrice, net, tax);
    }

    // ================================================================== internal

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    function _listing(MarketplaceStorage storage $, uint256 listingId) private view returns (StoredListing storage s) {
        s = $.listings[listingId];
        if (s.head == 0) revert MarketplaceUnknownListing(listingId);
    }

    /// @dev A listing's first word; refuses a price above {MAX_UNIT_PRICE}.
    function _head(address seller, uint256 unitPrice, bool active, uint64 available) private pure returns (uint256) {
        if (unitPrice > MAX_UNIT_PRICE) revert MarketplacePriceTooHigh(unitPrice, MAX_UNIT_PRICE);
        return uint160(seller) | (unitPrice << PRICE_SHIFT) | (active ? ACTIVE_BIT : 0)
            | (available != UNLIMITED ? LIMITED_BIT : 0);
    }

    /// @dev A purchase by the caller (a buyer here, or the Bridge for a buyer of another region):
    /// takes `quantity` units off the listing and debits the caller once — the price to the seller
    /// (`Purchase`), then the sales tax the token computes at the rate in force to the capital pool
    /// (`SalesTax`) — refusing a total above `maxTotal` (the whole purchase reverts: nothing moved).
    function _buy(uint256 listingId, uint64 quantity, uint256 maxTotal)
        private
        returns (address seller, uint128 unitPrice, uint256 net, uint256 tax)
    {
        (seller, unitPrice) = _takeUnits(listingId, quantity);
        (net, tax) = rsc.moveTaxed(
            Action.Purchase, msg.sender, seller, uint256(unitPrice) * quantity, capitalPool, bytes32(listingId)
        );
        if (net + tax > maxTotal) revert MarketplaceAboveMaximum(listingId, net + tax, maxTotal);
    }

    /// @dev Checks that the caller may buy `quantity` units of `listingId` and takes them off the
    /// listing; returns its seller and unit price.
    function _takeUnits(uint256 listingId, uint64 quantity) private returns (address seller, uint128 unitPrice) {
        StoredListing storage s = _s().listings[listingId];
        uint256 head = s.head;
        seller = address(uint160(head));
        if (seller == address(0)) revert MarketplaceUnknownListing(listingId);
        if (head & ACTIVE_BIT == 0) revert MarketplaceListingInactive(listingId);
        if (quantity == 0) revert MarketplaceZeroQuantity(listingId);
        if (seller == msg.sender) revert MarketplaceSelfPurchase(listingId, seller);
        if (head & LIMITED_BIT != 0) {
            uint64 available = s.available;
            if (quantity > available) revert MarketplaceInsufficientQuantity(listingId, quantity, available);
            // Cannot underflow: quantity <= available.
            unchecked {
                s.available = available - quantity;
            }
        }
        unitPrice = uint128((head >> PRICE_SHIFT) & MAX_UNIT_PRICE);
    }

    // ================================================================== cross-region purchases

    /// @inheritdoc IMarketplace
    function purchaseFromBridge(
        uint256 listingId,
        uint64 quantity,
        uint256 maxTotal,
        uint64 buyerChainId,
        address buyer,
        bytes32 messageId
    ) external returns (address seller, uint256 net, uint256 tax) {
        _onlyBridge();
        uint128 unitPrice;
        (seller, unitPrice, net, tax) = _buy(listingId, quantity, maxTotal);
        emit PurchasedAcrossRegions(listingId, buyerChainId, buyer, seller, quantity, unitPrice, net, tax, messageId);
    }

    /// @dev Only the region's Bridge account may buy for a buyer of another region.
    function _onlyBridge() private view {
        Kind callerKind = rsc.kindOf(msg.sender);
        if (callerKind != Kind.Bridge) revert MarketplaceNotABridge(msg.sender, callerKind);
    }
}
