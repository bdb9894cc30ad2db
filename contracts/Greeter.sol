// SPDX-License-Identifier: MIT
pragma solidity ^0.8.23;

/// @notice The smallest contract that proves a deploy, a call and a state change on the Clique
/// test network.
contract Greeter {
    string private greeting;

    event GreetingChanged(string previous, string next);

    constructor(string memory initialGreeting) {
        greeting = initialGreeting;
    }

    function greet() external view returns (string memory) {
        return greeting;
    }

    function setGreeting(string calldata next) external {
        emit GreetingChanged(greeting, next);
        greeting = next;
    }
}
