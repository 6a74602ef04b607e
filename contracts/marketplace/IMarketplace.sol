// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "../core/ConductorTypes.sol";

/// @notice What a listing sells.
enum ItemKind {
    Product,
    Service
}

/// @title IMarketplace — listings and purchases with the sales tax
/// @notice Companies (Company, RegionalCompany, ExternalCompany — the caller is the company's
/// treasury, usually a Safe) list products and services at prices they choose. Members and
/// companies buy: the buyer pays `net = unitPrice × quantity` to the seller (`Purchase`) and
/// `floor(net × SalesTaxRate / 1e18)` to the capital pool (`SalesTax`), atomically, so the seller
/// never holds the tax. The token computes the tax at the rate in force ({IRSC-moveTaxed}): no
/// module can apply another. The buyer states the most she will pay in total, so a price raised after
/// her purchase was approved (e.g. while a company's Safe collected signatures) can never cost
/// her more.
interface IMarketplace {
    /// @notice A listing as readers see it (stored packed: see Marketplace's `StoredListing`).
    /// @param seller The company treasury that lists and receives the net price.
    /// @param kind Product or service.
    /// @param active Whether it can be bought.
    /// @param available Units left; {UNLIMITED} for no limit.
    /// @param unitPrice RSC wei per unit, before sales tax.
    /// @param name What is sold, e.g. "Steel beam".
    struct Listing {
        address seller;
        ItemKind kind;
        bool active;
        uint64 available;
        uint128 unitPrice;
        string name;
    }

    /// @notice Emitted when `seller` lists `name` as listing `listingId`. Price in RSC wei.
    event ListingCreated(
        uint256 indexed listingId, address indexed seller, ItemKind kind, string name, uint128 unitPrice, uint64 available
    );

    /// @notice Emitted when the seller changes a listing's price, units left or active flag.
    event ListingUpdated(uint256 indexed listingId, uint128 unitPrice, uint64 available, bool active);

    /// @notice Emitted on every purchase. `unitPrice`, `net` (to the seller) and `tax` (to the
    /// capital pool) in RSC wei.
    event Purchased(
        uint256 indexed listingId,
        address indexed buyer,
        address indexed seller,
        uint64 quantity,
        uint128 unitPrice,
        uint256 net,
        uint256 tax
    );

    /// @notice Thrown when an account that is not a Company, RegionalCompany or ExternalCompany lists.
    error MarketplaceNotACompany(address account, Kind kind);

    /// @notice Thrown when `caller` changes a listing it does not own.
    error MarketplaceNotSeller(uint256 listingId, address caller, address seller);

    /// @notice Thrown when a listing id does not exist.
    error MarketplaceUnknownListing(uint256 listingId);

    /// @notice Thrown when a listing is bought while inactive.
    error MarketplaceListingInactive(uint256 listingId);

    /// @notice Thrown when a purchase asks for zero units.
    error MarketplaceZeroQuantity(uint256 listingId);

    /// @notice Thrown when fewer units are left than asked for.
    error MarketplaceInsufficientQuantity(uint256 listingId, uint64 requested, uint64 available);

    /// @notice Thrown when the price plus tax exceeds the buyer's stated maximum (RSC wei).
    error MarketplaceAboveMaximum(uint256 listingId, uint256 total, uint256 maxTotal);

    /// @notice Thrown when a seller would buy its own listing.
    error MarketplaceSelfPurchase(uint256 listingId, address seller);

    /// @notice Thrown when a listing's name is empty or longer than {MAX_NAME_LENGTH} bytes.
    error MarketplaceInvalidName(uint256 length);

    /// @notice Thrown when a unit price is above {MAX_UNIT_PRICE} (2^94 − 1 RSC wei, 19.8 billion RSC).
    error MarketplacePriceTooHigh(uint256 unitPrice, uint256 max);

    /// @notice Thrown when a {purchasePacked} call is not exactly 32 bytes long (selector and
    /// 28-byte payload); `length` is the whole calldata's length in bytes.
    error MarketplacePackedLength(uint256 length);

    /// @notice The `available` value meaning "no limit".
    function UNLIMITED() external view returns (uint64);

    /// @notice The longest listing name, in bytes.
    function MAX_NAME_LENGTH() external view returns (uint256);

    /// @notice How many listings exist; ids run from 1 to this number.
    function listingCount() external view returns (uint256);

    /// @notice Listing `listingId`. Reverts with {MarketplaceUnknownListing} if it does not exist.
    function listingOf(uint256 listingId) external view returns (Listing memory);

    /// @notice The net price and the sales tax of `quantity` units of `listingId` now (RSC wei).
    function quote(uint256 listingId, uint64 quantity) external view returns (uint256 net, uint256 tax);

    /// @notice Lists `name` at `unitPrice` RSC wei with `available` units ({UNLIMITED} for no
    /// limit), active at once. Requirements: the caller is a Company, RegionalCompany or
    /// ExternalCompany; the name is 1..{MAX_NAME_LENGTH} bytes. Emits {ListingCreated}.
    function createListing(ItemKind kind, string calldata name, uint128 unitPrice, uint64 available)
        external
        returns (uint256 listingId);

    /// @notice Changes the price, units left and active flag of the caller's listing.
    /// Emits {ListingUpdated}.
    function setListing(uint256 listingId, uint128 unitPrice, uint64 available, bool active) external;

    /// @notice Buys `quantity` units of `listingId` for at most `maxTotal` RSC wei including tax.
    /// Requirements: the listing exists and is active; `quantity` > 0 and available; net + tax <=
    /// `maxTotal`; the caller is not the seller; the token's transfer rule allows the caller to buy.
    /// Emits {Purchased}, and the token's {IRSC-ActionPerformed} for `Purchase` and `SalesTax`
    /// with `ref = bytes32(listingId)`.
    function purchase(uint256 listingId, uint64 quantity, uint256 maxTotal) external returns (uint256 net, uint256 tax);

    /// @notice {purchase} in 32 bytes of calldata: the 4-byte selector is followed by exactly 28
    /// bytes, big-endian and unpadded,
    /// `listingId (uint40, bytes 4..8) | quantity (uint40, bytes 9..13) | maxTotal (uint144, bytes 14..31)`.
    /// A company buys through its Safe, which copies and hashes the call inside `execTransaction`:
    /// one word instead of four, and no ABI padding of the `bytes data` argument; a member pays
    /// calldata gas for 32 bytes instead of 100. Same requirements, effects and events as
    /// {purchase}(listingId, quantity, maxTotal) (a listing id, quantity or maximum that does not
    /// fit uses {purchase}). Requirements besides: the calldata is exactly 32 bytes long, else
    /// {MarketplacePackedLength}. Emits {Purchased}.
    function purchasePacked() external returns (uint256 net, uint256 tax);

    // ------------------------------------------------------------------ cross-region purchases

    /// @notice Emitted when the region's Bridge bought listing `listingId` for `buyer` of region
    /// `buyerChainId` (bridge message `messageId`). `unitPrice`, `net` (to the seller) and `tax`
    /// (to this region's capital pool, at this region's rate) in RSC wei.
    event PurchasedAcrossRegions(
        uint256 indexed listingId,
        uint64 indexed buyerChainId,
        address indexed buyer,
        address seller,
        uint64 quantity,
        uint128 unitPrice,
        uint256 net,
        uint256 tax,
        bytes32 messageId
    );

    /// @notice Thrown when {purchaseFromBridge} is called by an account that is not a Bridge.
    error MarketplaceNotABridge(address caller, Kind kind);

    /// @notice A cross-region purchase: the caller, the region's Bridge (kind `Bridge` in the
    /// token), pays from its own balance — RSC it just minted against the buyer's burn in region
    /// `buyerChainId` — `net = unitPrice × quantity` to the seller (`Purchase`) and
    /// `floor(net × SalesTaxRate / 1e18)` of this region to the capital pool (`SalesTax`), both with
    /// `ref = bytes32(listingId)`, and takes `quantity` off the listing's units left.
    /// Requirements: the caller is a Bridge; the listing exists and is active; `quantity` > 0 and
    /// available; net + tax <= `maxTotal`. Emits {PurchasedAcrossRegions}.
    function purchaseFromBridge(
        uint256 listingId,
        uint64 quantity,
        uint256 maxTotal,
        uint64 buyerChainId,
        address buyer,
        bytes32 messageId
    ) external returns (address seller, uint256 net, uint256 tax);
}
