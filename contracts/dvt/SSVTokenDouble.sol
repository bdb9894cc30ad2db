// SPDX-License-Identifier: MIT
pragma solidity ^0.8.23;

import {ERC20Double} from "../test-doubles/ERC20Double.sol";

/*
 * ============================================================================================
 *  TEST DOUBLE: NOT the SSV token. For local chains and tests only.
 * ============================================================================================
 *
 * An ERC-20 standing in for the SSV token (an OpenZeppelin 4 ERC-20, 18 decimals) that
 * SSVNetworkDouble takes cluster balances in: ERC20Double named "SSV Token" / "SSV", with
 * OpenZeppelin's revert strings for the checks chainops meets ("ERC20: insufficient allowance",
 * "ERC20: transfer amount exceeds balance") instead of ERC20Double's custom errors. Anyone can
 * mint (the real token is minted by its owner, the DAO, alone): never deploy it where tokens mean
 * value.
 */
contract SSVTokenDouble is ERC20Double {
    constructor() ERC20Double("SSV Token", "SSV", 18) {}

    function _revertInsufficientAllowance(uint256, uint256) internal pure override {
        revert("ERC20: insufficient allowance");
    }

    function _revertInsufficientBalance(address, uint256, uint256) internal pure override {
        revert("ERC20: transfer amount exceeds balance");
    }
}
