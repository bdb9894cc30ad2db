// SPDX-License-Identifier: MIT
pragma solidity ^0.8.23;

/*
 * ============================================================================================
 *  TEST DOUBLE: NOT the SSV token. For local chains and tests only.
 * ============================================================================================
 *
 * An ERC-20 standing in for the SSV token (an OpenZeppelin 4 ERC-20, 18 decimals) that
 * SSVNetworkDouble takes cluster balances in. It keeps OpenZeppelin's revert strings for the
 * checks chainops meets ("ERC20: insufficient allowance", "ERC20: transfer amount exceeds
 * balance"). Anyone can mint: never deploy it where tokens mean value.
 */
contract SSVTokenDouble {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    string public constant name = "SSV Token";
    string public constant symbol = "SSV";
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    /// Double only: the real token is minted by its owner (the DAO) alone.
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
            require(allowed >= amount, "ERC20: insufficient allowance");
            allowance[from][msg.sender] = allowed - amount;
        }
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) internal {
        uint256 balance = balanceOf[from];
        require(balance >= amount, "ERC20: transfer amount exceeds balance");
        balanceOf[from] = balance - amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}
