// SPDX-License-Identifier: MIT
pragma solidity ^0.8.23;

/*
 * TEST DOUBLE: a minimal ERC-20 for local chains and tests only (rewards paid in a token such as
 * stETH or RPL stand in as this). Anyone can mint: never deploy it where tokens mean value.
 */
contract ERC20Double {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    error InsufficientBalance(address account, uint256 balance, uint256 needed);
    error InsufficientAllowance(address spender, uint256 allowance, uint256 needed);

    string public name;
    string public symbol;
    uint8 public immutable decimals;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    constructor(string memory _name, string memory _symbol, uint8 _decimals) {
        name = _name;
        symbol = _symbol;
        decimals = _decimals;
    }

    function mint(address to, uint256 amount) external {
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < amount) _revertInsufficientAllowance(allowed, amount);
            allowance[from][msg.sender] = allowed - amount;
        }
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) internal {
        uint256 balance = balanceOf[from];
        if (balance < amount) _revertInsufficientBalance(from, balance, amount);
        balanceOf[from] = balance - amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }

    /// How a short allowance reverts; a double of a particular token overrides it with that token's.
    function _revertInsufficientAllowance(uint256 allowed, uint256 needed) internal view virtual {
        revert InsufficientAllowance(msg.sender, allowed, needed);
    }

    /// How a short balance reverts; a double of a particular token overrides it with that token's.
    function _revertInsufficientBalance(address account, uint256 balance, uint256 needed) internal pure virtual {
        revert InsufficientBalance(account, balance, needed);
    }
}
