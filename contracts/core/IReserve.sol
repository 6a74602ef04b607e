// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title IReserve — RSC is backed 1:1 by USD
/// @notice The only minter of RSC against USD. The reserve custodians (a multi-signer account
/// holding `CUSTODIAN_ROLE`) publish the attested USD reserves, attest each USD deposit (which
/// mints RSC to the depositor) and settle redemptions. A mint that would take `totalSupply` past
/// `attestedReserves × exchangeRate` is refused. Amounts in USD use 18 decimals like RSC.
interface IReserve {
    enum RedemptionStatus {
        None,
        Pending,
        Paid,
        Refunded
    }

    /// @notice A request to turn RSC back into USD; the RSC waits in escrow here.
    struct Redemption {
        // slot 0
        address holder;
        uint48 requestedAt;
        RedemptionStatus status;
        // slot 1
        uint128 amount; // RSC wei escrowed
        uint128 usdAmount; // USD (18 decimals) owed at the rate of the request
    }

    /// @notice Emitted when custodians publish the USD held in reserve.
    event ReservesAttested(uint256 usdReserves, uint48 asOf, bytes32 indexed reportHash);

    /// @notice Emitted with {ReservesAttested} when the published reserves, at the exchange rate,
    /// do not cover the supply: the region is under-backed, and no deposit mints until a later
    /// attestation covers it again. Auditors report it (`reserve-backing`).
    event ReserveShortfall(uint256 usdReserves, uint256 totalSupply, uint256 exchangeRate);

    /// @notice Emitted when a USD deposit is attested and `rscAmount` is minted to `depositor`.
    event DepositAttested(bytes32 indexed depositRef, address indexed depositor, uint256 usdAmount, uint256 rscAmount);

    /// @notice Emitted when `holder` asks to redeem `amount` RSC wei for `usdAmount` USD.
    event RedemptionRequested(uint256 indexed redemptionId, address indexed holder, uint256 amount, uint256 usdAmount);

    /// @notice Emitted when custodians paid out a redemption; its RSC is burned.
    event RedemptionPaid(uint256 indexed redemptionId, bytes32 indexed payoutRef);

    /// @notice Emitted when custodians refuse a redemption; its RSC returns to the holder.
    event RedemptionRefunded(uint256 indexed redemptionId, string reason);

    /// @notice Thrown when a mint would exceed the attested reserves at the exchange rate.
    error ReserveInsufficientBacking(uint256 totalSupplyAfter, uint256 backing);

    /// @notice Thrown when a deposit reference was already attested.
    error ReserveDepositAlreadyAttested(bytes32 depositRef);

    /// @notice Thrown when an amount is zero.
    error ReserveZeroAmount();

    /// @notice Thrown when a redemption is not pending.
    error ReserveRedemptionNotPending(uint256 redemptionId, RedemptionStatus status);


    /// @notice Thrown when the attestation date is in the future.
    error ReserveFutureAttestation(uint48 asOf);

    function attestedReserves() external view returns (uint256 usdReserves, uint48 asOf, bytes32 reportHash);

    /// @notice RSC wei that can still be minted: `attestedReserves × rate − totalSupply`.
    function mintable() external view returns (uint256);

    function redemptionOf(uint256 redemptionId) external view returns (Redemption memory);

    function redemptionCount() external view returns (uint256);

    function isDepositAttested(bytes32 depositRef) external view returns (bool);

    /// @notice Publishes the attested USD reserves. Only custodians. Emits {ReservesAttested}, and
    /// {ReserveShortfall} when they do not cover the supply: the chain records what the custodians
    /// attest, a shortfall included (refusing it would leave a higher, stale figure on the chain).
    function attestReserves(uint256 usdReserves, uint48 asOf, bytes32 reportHash) external;

    /// @notice Mints `usdAmount × rate` RSC to `depositor` for the USD deposit `depositRef`.
    /// Only custodians; each `depositRef` once. Emits {DepositAttested}.
    function attestDeposit(bytes32 depositRef, address depositor, uint256 usdAmount) external returns (uint256 rscAmount);

    /// @notice Escrows `amount` RSC wei of the caller for redemption. Emits {RedemptionRequested}.
    function requestRedemption(uint256 amount) external returns (uint256 redemptionId);

    /// @notice Marks a redemption paid in USD and burns its RSC. Only custodians. Emits {RedemptionPaid}.
    function markRedemptionPaid(uint256 redemptionId, bytes32 payoutRef) external;

    /// @notice Refuses a redemption and returns its RSC to the holder: to her current key when the
    /// Registry recovered her account meanwhile ({IRegistry-successorOf}). Only custodians.
    /// Emits {RedemptionRefunded}.
    function refundRedemption(uint256 redemptionId, string calldata reason) external;
}
