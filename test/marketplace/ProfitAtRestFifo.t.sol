// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {CapitalPool} from "../../contracts/core/CapitalPool.sol";
import {Action, Kind} from "../../contracts/core/ConductorTypes.sol";
import {IRSC} from "../../contracts/core/IRSC.sol";
import {Registry} from "../../contracts/core/Registry.sol";
import {RSC} from "../../contracts/core/RSC.sol";
import {IRegionParameters, Param} from "../../contracts/governance/IRegionParameters.sol";
import {RegionParameters} from "../../contracts/governance/RegionParameters.sol";
import {IProfitAtRest} from "../../contracts/marketplace/IProfitAtRest.sol";
import {ProfitAtRest} from "../../contracts/marketplace/ProfitAtRest.sol";

/// @dev The Foundry cheatcodes this suite uses (served by Hardhat's EDR at Foundry's address).
interface Vm {
    function warp(uint256 timestamp) external;
}

/// @dev A company treasury stand-in (the registry wants a contract).
contract Treasury {}

/// @notice Fuzzes the profit-at-rest ledger through the real token: random sequences of taxable
/// inflows, exempt deposits, purchases and wages out, time passing and collections. After every
/// step: Σ open parts of a company's lots == its balance, and the cursor never passes a lot that
/// is not yet due.
contract ProfitAtRestFifoTest {
    Vm private constant VM = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);
    uint256 private constant PARAM_COUNT = uint256(type(Param).max) + 1;

    /// @dev Thrown when the invariant breaks.
    error InvariantBroken(address company, uint256 sumOpen, uint256 balance);

    /// @dev Thrown when a collected lot was not due.
    error CollectedBeforeDue(address company, uint256 lotIndex, uint256 dueAt, uint256 now_);

    RSC private _rsc;
    ProfitAtRest private _ledger;
    address private _a;
    address private _b;
    address private constant PERSON = address(0xA11CE);
    uint256 private _now;

    function setUp() public {
        _now = 1_700_000_000;
        VM.warp(_now);
        _rsc = RSC(address(new ERC1967Proxy(address(new RSC()), abi.encodeCall(RSC.initialize, ("Test", address(this))))));
        Registry registry = Registry(
            address(
                new ERC1967Proxy(
                    address(new Registry()), abi.encodeCall(Registry.initialize, (address(this), IRSC(address(_rsc))))
                )
            )
        );
        _rsc.setRegistry(address(registry));
        registry.grantRole(registry.REGISTRAR_ROLE(), address(this));

        RegionParameters paramsImpl = new RegionParameters();
        uint256[] memory initial = new uint256[](PARAM_COUNT);
        for (uint256 i = 0; i < PARAM_COUNT; ++i) {
            (uint256 min, uint256 max,) = paramsImpl.boundsOf(Param(i));
            initial[i] = i == uint256(Param.ProductivityMax) ? max : min;
        }
        initial[uint256(Param.ProfitAtRestDelay)] = 30 days;
        initial[uint256(Param.ProfitAtRestRate)] = 5e16;
        IRegionParameters params = IRegionParameters(
            address(new ERC1967Proxy(address(paramsImpl), abi.encodeCall(RegionParameters.initialize, (address(this), initial))))
        );
        CapitalPool pool = CapitalPool(
            address(
                new ERC1967Proxy(
                    address(new CapitalPool()),
                    abi.encodeCall(CapitalPool.initialize, (address(this), IRSC(address(_rsc)), params))
                )
            )
        );
        _rsc.registerModule(address(pool), Kind.Region, 0);
        _ledger = ProfitAtRest(
            address(
                new ERC1967Proxy(
                    address(new ProfitAtRest(IRSC(address(_rsc)), params, address(pool))),
                    abi.encodeCall(ProfitAtRest.initialize, (address(this)))
                )
            )
        );
        _rsc.registerModule(address(_ledger), Kind.Module, uint56(1 << uint8(Action.ProfitAtRestTax)));
        _rsc.setLotLedger(address(_ledger));
        _rsc.registerModule(
            address(this),
            Kind.Module,
            uint56((1 << uint8(Action.Deposit)) | (1 << uint8(Action.Purchase)) | (1 << uint8(Action.Wage)))
        );
        _a = address(new Treasury());
        _b = address(new Treasury());
        registry.registerCompany(_a, Kind.Company, 1, "A");
        registry.registerCompany(_b, Kind.Company, 1, "B");
        registry.onboardMember(PERSON);
        _rsc.move(Action.Deposit, address(0), PERSON, 1e30, bytes32(0));
    }

    function testFuzz_openLotsSumToBalance(uint256 seed) public {
        for (uint256 step = 0; step < 32; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            uint256 op = r % 6;
            uint256 amount = (r >> 8) % 1e21 + 1;
            if (op == 0) {
                _rsc.move(Action.Purchase, PERSON, _a, amount, bytes32(0));
            } else if (op == 1) {
                _rsc.move(Action.Deposit, address(0), _a, amount, bytes32(0));
            } else if (op == 2 || op == 3) {
                uint256 balance = _rsc.balanceOf(_a);
                uint256 out = balance == 0 ? 0 : amount % (balance + 1);
                if (out != 0) {
                    // May be refused when it would leave less than the tax due: that is the rule.
                    try _rsc.move(op == 2 ? Action.Purchase : Action.Wage, _a, op == 2 ? _b : PERSON, out, bytes32(0)) {}
                    catch {}
                }
            } else if (op == 4) {
                _now += (r >> 100) % 20 days;
                VM.warp(_now);
            } else {
                _ledger.collect(_a, (r >> 100) % 8 + 1);
            }
            _check(_a);
            _check(_b);
        }
    }

    function _check(address company) private view {
        IProfitAtRest.Book memory book = _ledger.bookOf(company);
        IProfitAtRest.LotView[] memory lots = _ledger.lotsOf(company, 0, book.lotCount);
        uint256 sum;
        for (uint256 i = 0; i < lots.length; ++i) {
            sum += lots[i].open;
            if (lots[i].collected && lots[i].dueAt > block.timestamp) {
                revert CollectedBeforeDue(company, i, lots[i].dueAt, block.timestamp);
            }
        }
        uint256 balance = _rsc.balanceOf(company);
        if (sum != balance) revert InvariantBroken(company, sum, balance);
    }
}
