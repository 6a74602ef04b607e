// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @notice The kind of every address that may hold RSC. An address of kind `None` is unregistered:
/// it holds nothing and moves nothing. `None` also stands for the zero address in mints and burns.
enum Kind {
    None,
    Person,
    Company,
    RegionalCompany,
    ExternalCompany,
    Region,
    Module,
    Bridge
}

/// @notice Every movement of RSC is one of these. `Transfer` is the direct Person→Person transfer
/// (ERC-20 `transfer`/`transferFrom`); every other action is performed by a module through
/// {IRSC-move} and emits {IRSC-ActionPerformed} besides the ERC-20 `Transfer`.
enum Action {
    Transfer,
    Purchase,
    Rent,
    Wage,
    IncomeTax,
    SalesTax,
    ProfitAtRestTax,
    Ubi,
    Subsidy,
    LoanDisbursement,
    LoanRepayment,
    Deposit,
    Redemption,
    BridgeOut,
    BridgeIn,
    Pooling,
    Recovery,
    Refund
}
