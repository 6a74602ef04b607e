// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Kind} from "../core/ConductorTypes.sol";
import {IRSC} from "../core/IRSC.sol";
import {IJobBoard} from "./IJobBoard.sol";

/// @title JobBoard
/// @notice See {IJobBoard}. Moves no money: not a token module.
contract JobBoard is IJobBoard, Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    /// @inheritdoc IJobBoard
    uint16 public constant MAX_HOURS_PER_WEEK = 80;
    /// @inheritdoc IJobBoard
    uint256 public constant MAX_LOCATION_LENGTH = 128;

    /// @custom:storage-location erc7201:conductor.storage.JobBoard
    struct JobBoardStorage {
        IRSC rsc;
        uint256 jobCount;
        mapping(uint256 jobId => Job) jobs;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.JobBoard")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x5eb0d8251e6966845b0769fc73456c23394d34bc5d06e925484161e4dc0aa500;

    function _s() private pure returns (JobBoardStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Initializes the proxy. `admin` is the governance executor (upgrades only).
    function initialize(address admin, IRSC rsc_) external initializer {
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _s().rsc = rsc_;
    }

    /// @inheritdoc IJobBoard
    function jobCount() external view returns (uint256) {
        return _s().jobCount;
    }

    /// @inheritdoc IJobBoard
    function jobOf(uint256 jobId) external view returns (Job memory) {
        return _job(_s(), jobId);
    }

    /// @inheritdoc IJobBoard
    function postJob(uint32 occupationId, uint16 hoursPerWeek, string calldata location)
        external
        returns (uint256 jobId)
    {
        JobBoardStorage storage $ = _s();
        Kind kind = $.rsc.kindOf(msg.sender);
        if (kind != Kind.Company && kind != Kind.RegionalCompany) revert JobBoardNotACompany(msg.sender, kind);
        if (hoursPerWeek == 0 || hoursPerWeek > MAX_HOURS_PER_WEEK) {
            revert JobBoardInvalidHours(hoursPerWeek, MAX_HOURS_PER_WEEK);
        }
        if (bytes(location).length == 0 || bytes(location).length > MAX_LOCATION_LENGTH) {
            revert JobBoardInvalidLocation(bytes(location).length);
        }
        jobId = ++$.jobCount;
        $.jobs[jobId] = Job(msg.sender, occupationId, hoursPerWeek, true, uint48(block.timestamp), 0, location);
        emit JobPosted(jobId, msg.sender, occupationId, hoursPerWeek, location);
    }

    /// @inheritdoc IJobBoard
    function closeJob(uint256 jobId) external {
        Job storage job = _job(_s(), jobId);
        if (job.company != msg.sender) revert JobBoardNotPoster(jobId, msg.sender, job.company);
        if (!job.open) revert JobBoardAlreadyClosed(jobId);
        job.open = false;
        job.closedAt = uint48(block.timestamp);
        emit JobClosed(jobId, msg.sender);
    }

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}

    function _job(JobBoardStorage storage $, uint256 jobId) private view returns (Job storage job) {
        job = $.jobs[jobId];
        if (job.company == address(0)) revert JobBoardUnknownJob(jobId);
    }
}
