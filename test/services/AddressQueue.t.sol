// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {AddressQueue} from "../../contracts/services/AddressQueue.sol";

/// @notice Fuzzed: a random sequence of push / remove / pop on {AddressQueue} matches a plain
/// array model (FIFO, removal from anywhere keeps the others' order) after every operation.
contract AddressQueueFuzzTest {
    using AddressQueue for AddressQueue.Queue;

    error PropertyViolated(string property, uint256 step, uint256 value);

    AddressQueue.Queue private queue;
    address[] private model;

    function _check(bool ok, string memory property, uint256 step, uint256 value) private pure {
        if (!ok) revert PropertyViolated(property, step, value);
    }

    function _modelIndex(address who) private view returns (uint256) {
        for (uint256 i = 0; i < model.length; ++i) {
            if (model[i] == who) return i;
        }
        return type(uint256).max;
    }

    function _modelRemove(uint256 index) private {
        for (uint256 i = index; i + 1 < model.length; ++i) {
            model[i] = model[i + 1];
        }
        model.pop();
    }

    function testFuzz_queueMatchesArrayModel(uint256 seed) public {
        for (uint256 step = 0; step < 48; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            address who = address(uint160(1 + (r >> 8) % 6)); // six members, so collisions happen
            uint256 op = r % 3;
            uint256 at = _modelIndex(who);
            if (op == 0) {
                _check(queue.contains(who) == (at != type(uint256).max), "contains", step, at);
                if (at == type(uint256).max) {
                    queue.push(who);
                    model.push(who);
                }
            } else if (op == 1) {
                if (at != type(uint256).max) {
                    queue.remove(who);
                    _modelRemove(at);
                }
            } else {
                address head = queue.pop();
                if (model.length == 0) {
                    _check(head == address(0), "pop of empty", step, uint160(head));
                } else {
                    _check(head == model[0], "pop returns the head", step, uint160(head));
                    _modelRemove(0);
                }
            }
            address[] memory list = queue.toArray();
            _check(list.length == model.length && queue.length == model.length, "length", step, list.length);
            for (uint256 i = 0; i < list.length; ++i) {
                _check(list[i] == model[i], "order", step, i);
            }
            _check(queue.tail == (model.length == 0 ? address(0) : model[model.length - 1]), "tail", step, 0);
        }
    }
}
