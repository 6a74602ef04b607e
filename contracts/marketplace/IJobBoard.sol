// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Kind} from "../core/ConductorTypes.sol";

/// @title IJobBoard — job openings of the region's companies
/// @notice A Company or RegionalCompany (its treasury is the caller) posts openings and closes
/// them. The board stores the occupation id; the wage shown comes from the region's wage
/// schedule for that occupation (computed by readers: the SDK's wage calculator), so an opening
/// never shows a stale wage. Federation publishes open postings across regions.
interface IJobBoard {
    /// @notice A job opening.
    /// @param company The posting company's treasury.
    /// @param occupationId The occupation in the region's wage schedule.
    /// @param hoursPerWeek Hours of work per week offered.
    /// @param open Whether the opening is still open.
    /// @param postedAt When it was posted.
    /// @param closedAt When it was closed (0 while open).
    /// @param location Where the work happens (free text, e.g. "Northside workshop" or "remote").
    struct Job {
        address company;
        uint32 occupationId;
        uint16 hoursPerWeek;
        bool open;
        uint48 postedAt;
        uint48 closedAt;
        string location;
    }

    /// @notice Emitted when `company` posts opening `jobId`.
    event JobPosted(
        uint256 indexed jobId, address indexed company, uint32 indexed occupationId, uint16 hoursPerWeek, string location
    );

    /// @notice Emitted when an opening is closed.
    event JobClosed(uint256 indexed jobId, address indexed company);

    /// @notice Thrown when an account that is not a Company or RegionalCompany posts.
    error JobBoardNotACompany(address account, Kind kind);

    /// @notice Thrown when `caller` closes an opening of `company`.
    error JobBoardNotPoster(uint256 jobId, address caller, address company);

    /// @notice Thrown when a job id does not exist.
    error JobBoardUnknownJob(uint256 jobId);

    /// @notice Thrown when an opening that is already closed is closed again.
    error JobBoardAlreadyClosed(uint256 jobId);

    /// @notice Thrown when hours per week are 0 or above {MAX_HOURS_PER_WEEK}.
    error JobBoardInvalidHours(uint16 hoursPerWeek, uint16 max);

    /// @notice Thrown when the location is empty or longer than {MAX_LOCATION_LENGTH} bytes.
    error JobBoardInvalidLocation(uint256 length);

    /// @notice The most hours per week an opening may offer.
    function MAX_HOURS_PER_WEEK() external view returns (uint16);

    /// @notice The longest location, in bytes.
    function MAX_LOCATION_LENGTH() external view returns (uint256);

    /// @notice How many openings were ever posted; ids run from 1.
    function jobCount() external view returns (uint256);

    /// @notice Opening `jobId`. Reverts with {JobBoardUnknownJob} if it does not exist.
    function jobOf(uint256 jobId) external view returns (Job memory);

    /// @notice Posts an opening. Requirements: the caller is a Company or RegionalCompany;
    /// 1 <= `hoursPerWeek` <= {MAX_HOURS_PER_WEEK}; location 1..{MAX_LOCATION_LENGTH} bytes.
    /// Emits {JobPosted}.
    function postJob(uint32 occupationId, uint16 hoursPerWeek, string calldata location)
        external
        returns (uint256 jobId);

    /// @notice Closes the caller's open opening `jobId`. Emits {JobClosed}.
    function closeJob(uint256 jobId) external;
}
