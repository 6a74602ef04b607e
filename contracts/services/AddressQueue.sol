// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title AddressQueue
/// @notice A first-in first-out queue of distinct addresses, stored as a doubly linked list so
/// that joining, leaving from anywhere and taking the head each cost O(1). Used for the wait-lists.
library AddressQueue {
    struct Queue {
        address head;
        address tail;
        uint256 length;
        mapping(address member => address) next;
        mapping(address member => address) prev;
        mapping(address member => bool) queued;
    }

    /// @notice Whether `who` waits in `q`.
    function contains(Queue storage q, address who) internal view returns (bool) {
        return q.queued[who];
    }

    /// @notice Appends `who` at the tail. The caller checks `who` is not queued and not zero.
    function push(Queue storage q, address who) internal {
        address tail = q.tail;
        if (tail == address(0)) q.head = who;
        else (q.next[tail], q.prev[who]) = (who, tail);
        q.tail = who;
        q.queued[who] = true;
        ++q.length;
    }

    /// @notice Removes `who` wherever it waits. The caller checks `who` is queued.
    function remove(Queue storage q, address who) internal {
        address before = q.prev[who];
        address after_ = q.next[who];
        if (before == address(0)) q.head = after_;
        else q.next[before] = after_;
        if (after_ == address(0)) q.tail = before;
        else q.prev[after_] = before;
        delete q.next[who];
        delete q.prev[who];
        delete q.queued[who];
        --q.length;
    }

    /// @notice Removes and returns the head (zero when empty).
    function pop(Queue storage q) internal returns (address head) {
        head = q.head;
        if (head != address(0)) remove(q, head);
    }

    /// @notice The queue from head to tail.
    function toArray(Queue storage q) internal view returns (address[] memory list) {
        list = new address[](q.length);
        address at = q.head;
        for (uint256 i = 0; i < list.length; ++i) {
            list[i] = at;
            at = q.next[at];
        }
    }
}
