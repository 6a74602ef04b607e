// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {CapitalPool} from "../../contracts/core/CapitalPool.sol";
import {Action, Kind} from "../../contracts/core/ConductorTypes.sol";
import {IRSC} from "../../contracts/core/IRSC.sol";
import {Registry} from "../../contracts/core/Registry.sol";
import {Reserve} from "../../contracts/core/Reserve.sol";
import {RSC} from "../../contracts/core/RSC.sol";
import {IRegionParameters} from "../../contracts/governance/IRegionParameters.sol";
import {RegionParameters} from "../../contracts/governance/RegionParameters.sol";

/// @notice Deploys a region's real core (implementations behind ERC1967 proxies) with this contract
/// as governance and registrar, and `CUSTODIAN` as the reserve custodians, wired like the Ignition module.
abstract contract RegionSetup {
    address internal constant CUSTODIAN = address(0xC057);

    RSC internal rsc;
    Registry internal registry;
    RegionParameters internal params;
    Reserve internal reserve;
    CapitalPool internal pool;

    function _deployRegion() internal {
        RSC rscImpl = new RSC();
        rsc = RSC(address(new ERC1967Proxy(address(rscImpl), abi.encodeCall(RSC.initialize, ("Fuzz Region", address(this))))));
        Registry registryImpl = new Registry();
        registry = Registry(
            address(new ERC1967Proxy(address(registryImpl), abi.encodeCall(Registry.initialize, (address(this), IRSC(address(rsc))))))
        );
        RegionParameters paramsImpl = new RegionParameters();
        params = RegionParameters(
            address(new ERC1967Proxy(address(paramsImpl), abi.encodeCall(RegionParameters.initialize, (address(this), _defaults()))))
        );
        Reserve reserveImpl = new Reserve();
        reserve = Reserve(
            address(
                new ERC1967Proxy(
                    address(reserveImpl),
                    abi.encodeCall(Reserve.initialize, (address(this), CUSTODIAN, IRSC(address(rsc)), IRegionParameters(address(params))))
                )
            )
        );
        CapitalPool poolImpl = new CapitalPool();
        pool = CapitalPool(
            address(
                new ERC1967Proxy(
                    address(poolImpl),
                    abi.encodeCall(CapitalPool.initialize, (address(this), IRSC(address(rsc)), IRegionParameters(address(params))))
                )
            )
        );
        rsc.setRegistry(address(registry));
        rsc.registerModule(address(reserve), Kind.Module, _mask3(Action.Deposit, Action.Redemption, Action.Refund));
        rsc.registerModule(address(pool), Kind.Region, _mask3(Action.Ubi, Action.Subsidy, Action.Pooling));
        registry.grantRole(registry.REGISTRAR_ROLE(), address(this));
    }

    function _mask3(Action a, Action b, Action c) internal pure returns (uint56) {
        return uint56((1 << uint8(a)) | (1 << uint8(b)) | (1 << uint8(c)));
    }

    /// @dev sdk/src/governance/defaults.ts, in `Param` order.
    function _defaults() internal pure returns (uint256[] memory v) {
        v = new uint256[](19);
        v[0] = 0.08e18; // SalesTaxRate
        v[1] = 0.15e18; // IncomeTaxRate
        v[2] = 30 days; // ProfitAtRestDelay
        v[3] = 0.02e18; // ProfitAtRestRate
        v[4] = 90 days; // RegionalProfitAtRestDelay
        v[5] = 0; // RegionalProfitAtRestRate
        v[6] = 0; // ProductivityMin
        v[7] = 1e18; // ProductivityMax
        v[8] = 30 days; // WageReductionDelay
        v[9] = 90 days; // WageReductionDecay
        v[10] = 0.75e18; // HealthcareSubsidy
        v[11] = 0.5e18; // HigherEducationSubsidy
        v[12] = 5; // HigherEducationPriorityYears
        v[13] = 0.05e18; // ApartmentAboveCost
        v[14] = 0.1e18; // HouseRentalAboveCost
        v[15] = 200e18; // UbiAmount
        v[16] = 30 days; // UbiPeriod
        v[17] = 1e18; // ExchangeRate
        v[18] = 20e18; // StartingWage
    }
}
