// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Kind} from "./ConductorTypes.sol";
import {IRegistry} from "./IRegistry.sol";
import {IRSC} from "./IRSC.sol";

/// @title Registry
/// @notice See {IRegistry}. `REGISTRAR_ROLE` onboards and suspends; `DEFAULT_ADMIN_ROLE` (the
/// governance executor) manages registrars and upgrades.
/// @dev A member's vote at a past timepoint is 1 when she is an active Person now and her vote
/// counts since at or before that timepoint ({IRSC-Account}.votingSince). Suspension takes the vote
/// away at once, also on open proposals; a restored or recovered member votes on proposals created
/// after that moment. This makes a vote cost nothing at onboarding beyond the account word.
contract Registry is IRegistry, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    /// @notice The role of the region's registrars.
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");

    /// @custom:storage-location erc7201:conductor.storage.Registry
    struct RegistryStorage {
        IRSC rsc;
        // one slot: active members (0..63) | last member id issued (64..119)
        uint64 memberCount;
        uint56 lastMemberId;
        mapping(address treasury => Company) companies;
        // a recovered member's lost key => the key it was recovered to
        mapping(address lost => address successor) successors;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.Registry")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0xde3e4b4ab1de499f76282454a50b21e54257b56f31a857ec9f94d164f855f400;

    function _s() private pure returns (RegistryStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address admin, IRSC rsc_) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _s().rsc = rsc_;
    }

    // ================================================================== views

    /// @notice The token whose accounts this registry writes.
    function rsc() external view returns (IRSC) {
        return _s().rsc;
    }

    /// @inheritdoc IRegistry
    function memberCount() external view returns (uint256) {
        return _s().memberCount;
    }

    /// @inheritdoc IRegistry
    function companyOf(address treasury) external view returns (Company memory) {
        return _s().companies[treasury];
    }

    /// @inheritdoc IRegistry
    function isMember(address account) public view returns (bool) {
        IRSC.Account memory a = _s().rsc.accountOf(account);
        return a.kind == Kind.Person && !a.suspended;
    }

    /// @inheritdoc IRegistry
    function clock() public view returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @inheritdoc IRegistry
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }

    /// @inheritdoc IRegistry
    function getVotes(address account) external view returns (uint256) {
        IRSC.Account memory a = _s().rsc.accountOf(account);
        return a.kind == Kind.Person && !a.suspended && a.votingSince != 0 ? 1 : 0;
    }

    /// @inheritdoc IRegistry
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256) {
        uint48 now_ = clock();
        if (timepoint >= now_) revert RegistryFutureLookup(timepoint, now_);
        IRSC.Account memory a = _s().rsc.accountOf(account);
        return a.kind == Kind.Person && !a.suspended && a.votingSince != 0 && a.votingSince <= timepoint ? 1 : 0;
    }

    // ================================================================== registrar writes

    /// @inheritdoc IRegistry
    function onboardMember(address member) external onlyRole(REGISTRAR_ROLE) returns (uint56 memberId) {
        RegistryStorage storage $ = _s();
        memberId = ++$.lastMemberId;
        ++$.memberCount;
        $.rsc.registerAccount(member, Kind.Person, memberId);
        emit MemberOnboarded(member, memberId);
    }

    /// @inheritdoc IRegistry
    function registerCompany(address treasury, Kind kind, uint32 industryId, string calldata name)
        external
        onlyRole(REGISTRAR_ROLE)
    {
        if (kind != Kind.Company && kind != Kind.RegionalCompany && kind != Kind.ExternalCompany) {
            revert RegistryNotACompanyKind(kind);
        }
        if (kind != Kind.ExternalCompany && treasury.code.length == 0) revert RegistryTreasuryNotContract(treasury);
        RegistryStorage storage $ = _s();
        $.rsc.registerAccount(treasury, kind, 0);
        $.companies[treasury] = Company(industryId, uint48(block.timestamp));
        emit CompanyRegistered(treasury, kind, industryId, name);
    }

    /// @inheritdoc IRegistry
    function suspend(address account, string calldata reason) external onlyRole(REGISTRAR_ROLE) {
        RegistryStorage storage $ = _s();
        IRSC.Account memory a = $.rsc.accountOf(account);
        if (a.kind == Kind.Region || a.kind == Kind.Module || a.kind == Kind.Bridge) {
            revert RegistryKindNotSuspendable(account, a.kind);
        }
        if (a.suspended) revert RegistrySuspensionUnchanged(account, true);
        $.rsc.setSuspended(account, true);
        if (a.kind == Kind.Person) --$.memberCount;
        emit AccountSuspended(account, reason);
    }

    /// @inheritdoc IRegistry
    function restore(address account) external onlyRole(REGISTRAR_ROLE) {
        RegistryStorage storage $ = _s();
        IRSC.Account memory a = $.rsc.accountOf(account);
        if (!a.suspended) revert RegistrySuspensionUnchanged(account, false);
        $.rsc.setSuspended(account, false);
        if (a.kind == Kind.Person) ++$.memberCount;
        emit AccountRestored(account);
    }

    /// @inheritdoc IRegistry
    function recoverMember(address lost, address to) external onlyRole(REGISTRAR_ROLE) {
        RegistryStorage storage $ = _s();
        IRSC.Account memory a = $.rsc.accountOf(lost);
        if (a.kind != Kind.Person) revert RegistryNotAMember(lost);
        $.rsc.recoverAccount(lost, to);
        $.successors[lost] = to;
        emit MemberRecovered(lost, to, a.tag);
    }

    /// @inheritdoc IRegistry
    function successorOf(address account) external view returns (address) {
        return _s().successors[account];
    }

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}
}
