// SPDX-License-Identifier: MIT
pragma solidity ^0.8.23;

/*
 * ============================================================================================
 *  TEST DOUBLE: NOT the 0xSplits contracts. For local chains and tests only.
 * ============================================================================================
 *
 * 0xSplits publishes no bytecode in any package registry, so tests run the treasury code against
 * this stand-in. It is written from the behaviour of the real SplitsV2 (v2.2, PushSplit and
 * PushSplitFactory in github.com/0xSplits/splits-contracts-monorepo, packages/splits-v2, read at
 * commit 71f09d3) and keeps, for the surface chainops uses:
 *
 *  - the same function signatures and events as the ABIs `@0xsplits/splits-sdk` 6.6 ships
 *    (`splitV2o2FactoryAbi` for the factory; `splitV2o1Abi`, the split as deployed since v2.1,
 *    for a split, whose calls chainops makes are identical in `splitV2ABI`); a test compares them;
 *  - the same distribution arithmetic: the distributor's reward is
 *    `amount * distributionIncentive / 1e6` (PERCENTAGE_SCALE), and recipient i receives
 *    `(amount - reward) * allocations[i] / totalAllocation`, each rounded down; what rounding
 *    leaves stays in the split for a later distribution;
 *  - `distribute(split, token, distributor)` distributes the split's balance minus 1 wei (the
 *    real contract keeps 1 wei behind to keep the storage slot warm for the next distribution);
 *    `distribute(split, token, amount, performWarehouseTransfer, distributor)` distributes
 *    exactly `amount`;
 *  - the split hash check (`keccak256(abi.encode(split))`), owner-only `updateSplit`,
 *    `transferOwnership`, `setPaused` and `execCalls`, the `pausable` rule for distribute, the
 *    nonce-salted `createSplit` and salted `createSplitDeterministic`.
 *
 * What it leaves out, on purpose:
 *  - the SplitsWarehouse: `SPLITS_WAREHOUSE` is address(0) and the warehouse balance is always 0;
 *    where the real PushSplit falls back to a warehouse deposit for a recipient that refuses
 *    ETH, the double reverts with `RecipientRefusedEth` instead; `performWarehouseTransfer` is
 *    ignored; `depositToWarehouse` (v2.0 only) is absent;
 *  - ERC-1271 (`isValidSignature`, `replaySafeHash`, `eip712Domain`), ERC-165 and the
 *    ERC-721/1155 receiver hooks;
 *  - the real SplitProxy clone: splits are EIP-1167 minimal proxies here, so addresses differ
 *    from the real factory's (they are still CREATE2 and predictable through the same calls).
 */

/// Same layout as SplitV2Lib.Split, so the ABI tuple is identical.
struct SplitV2 {
    address[] recipients;
    uint256[] allocations;
    uint256 totalAllocation;
    uint16 distributionIncentive;
}

/// Same layout as Wallet.Call.
struct SplitCall {
    address to;
    uint256 value;
    bytes data;
}

interface IERC20ForSplitDouble {
    function balanceOf(address account) external view returns (uint256);

    function transfer(address to, uint256 amount) external returns (bool);
}

/// The split wallet: the implementation every split created by the factory delegates to.
contract PushSplitDouble {
    error InvalidSplit_TotalAllocationMismatch();
    error InvalidSplit_LengthMismatch();
    error UnauthorizedInitializer();
    error InvalidSplit();
    error Unauthorized();
    error Paused();
    error InvalidCalldataForEOA(SplitCall call);
    /// Double only: where the real split would deposit into the warehouse.
    error RecipientRefusedEth(address recipient, uint256 amount);
    /// Double only: an ERC-20 transfer that returned false or reverted.
    error TokenTransferFailed(address token, address to, uint256 amount);

    event SplitUpdated(SplitV2 _split);
    event SplitDistributed(address indexed token, address indexed distributor, uint256 amount);
    event OwnershipTransferred(address indexed oldOwner, address indexed newOwner);
    event SetPaused(bool paused);
    event ExecCalls(SplitCall[] calls);

    uint256 internal constant PERCENTAGE_SCALE = 1e6;
    /// Gas forwarded with each ETH payout (the real contract's GAS_STIPEND_NO_GRIEF).
    uint256 internal constant ETH_PAYOUT_GAS = 100_000;

    address public constant NATIVE_TOKEN = 0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE;
    address public constant SPLITS_WAREHOUSE = address(0);
    address public immutable FACTORY;

    address public owner;
    bool public paused;
    bytes32 public splitHash;
    uint256 public updateBlockNumber;

    constructor() {
        FACTORY = msg.sender;
    }

    receive() external payable { }

    modifier onlyOwner() {
        if (msg.sender != owner && msg.sender != address(this)) revert Unauthorized();
        _;
    }

    modifier pausable() {
        if (paused && msg.sender != owner && tx.origin != owner && msg.sender != address(this)) revert Paused();
        _;
    }

    function initialize(SplitV2 calldata _split, address _owner) external {
        if (msg.sender != FACTORY) revert UnauthorizedInitializer();
        _validate(_split);
        splitHash = keccak256(abi.encode(_split));
        updateBlockNumber = block.number;
        emit SplitUpdated(_split);
        emit OwnershipTransferred(address(0), _owner);
        owner = _owner;
        paused = false;
    }

    function updateSplit(SplitV2 calldata _split) external onlyOwner {
        _validate(_split);
        splitHash = keccak256(abi.encode(_split));
        updateBlockNumber = block.number;
        emit SplitUpdated(_split);
    }

    function transferOwnership(address _owner) external onlyOwner {
        emit OwnershipTransferred(owner, _owner);
        owner = _owner;
    }

    function setPaused(bool _paused) external onlyOwner {
        paused = _paused;
        emit SetPaused(_paused);
    }

    function getSplitBalance(address _token) public view returns (uint256 splitBalance, uint256 warehouseBalance) {
        splitBalance = _token == NATIVE_TOKEN ? address(this).balance : IERC20ForSplitDouble(_token).balanceOf(address(this));
        warehouseBalance = 0;
    }

    function distribute(SplitV2 calldata _split, address _token, address _distributor) external pausable {
        if (splitHash != keccak256(abi.encode(_split))) revert InvalidSplit();
        (uint256 splitBalance,) = getSplitBalance(_token);
        // Like the real split: one wei stays behind.
        if (splitBalance > 0) splitBalance -= 1;
        _distribute(_split, _token, splitBalance, _distributor);
    }

    function distribute(
        SplitV2 calldata _split,
        address _token,
        uint256 _distributeAmount,
        bool, /* _performWarehouseTransfer: no warehouse in the double */
        address _distributor
    )
        external
        pausable
    {
        if (splitHash != keccak256(abi.encode(_split))) revert InvalidSplit();
        _distribute(_split, _token, _distributeAmount, _distributor);
    }

    function execCalls(SplitCall[] calldata _calls)
        external
        payable
        returns (uint256 blockNumber, bytes[] memory returnData)
    {
        blockNumber = block.number;
        returnData = new bytes[](_calls.length);
        for (uint256 i; i < _calls.length; ++i) {
            if (msg.sender != owner) revert Unauthorized();
            SplitCall calldata call = _calls[i];
            if (call.to.code.length == 0 && call.data.length > 0) revert InvalidCalldataForEOA(call);
            bool success;
            (success, returnData[i]) = call.to.call{ value: call.value }(call.data);
            require(success, string(returnData[i]));
        }
        emit ExecCalls(_calls);
    }

    function _validate(SplitV2 calldata _split) internal pure {
        uint256 count = _split.recipients.length;
        if (_split.allocations.length != count) revert InvalidSplit_LengthMismatch();
        uint256 total;
        for (uint256 i; i < count; ++i) {
            total += _split.allocations[i];
        }
        if (total != _split.totalAllocation) revert InvalidSplit_TotalAllocationMismatch();
    }

    function _distribute(SplitV2 calldata _split, address _token, uint256 _amount, address _distributor) internal {
        uint256 reward = _amount * _split.distributionIncentive / PERCENTAGE_SCALE;
        uint256 toRecipients = _amount - reward;
        uint256 count = _split.recipients.length;
        for (uint256 i; i < count; ++i) {
            uint256 share = toRecipients * _split.allocations[i] / _split.totalAllocation;
            _pay(_token, _split.recipients[i], share);
        }
        if (reward > 0) _pay(_token, _distributor, reward);
        emit SplitDistributed(_token, _distributor, _amount);
    }

    function _pay(address _token, address _to, uint256 _amount) internal {
        if (_token == NATIVE_TOKEN) {
            (bool sent,) = _to.call{ value: _amount, gas: ETH_PAYOUT_GAS }("");
            if (!sent) revert RecipientRefusedEth(_to, _amount);
        } else {
            (bool ok, bytes memory data) =
                _token.call(abi.encodeCall(IERC20ForSplitDouble.transfer, (_to, _amount)));
            if (!ok || (data.length > 0 && !abi.decode(data, (bool))) || (data.length == 0 && _token.code.length == 0)) {
                revert TokenTransferFailed(_token, _to, _amount);
            }
        }
    }
}

/// The push-split factory: clones `PushSplitDouble` with CREATE2, like PushSplitFactory.
contract PushSplitFactoryDouble {
    error CloneFailed();

    event SplitCreated(address indexed split, SplitV2 splitParams, address owner, address creator, bytes32 salt);
    event SplitCreated(address indexed split, SplitV2 splitParams, address owner, address creator, uint256 nonce);

    address public immutable SPLIT_WALLET_IMPLEMENTATION;

    mapping(bytes32 => uint256) private _nonces;

    constructor() {
        SPLIT_WALLET_IMPLEMENTATION = address(new PushSplitDouble());
    }

    function nonces(bytes32 _hash) public view returns (uint256) {
        return _nonces[_hash];
    }

    function createSplit(SplitV2 calldata _splitParams, address _owner, address _creator) external returns (address split) {
        bytes32 hash = keccak256(abi.encode(_splitParams, _owner));
        uint256 nonce = _nonces[hash]++;
        split = _clone(keccak256(bytes.concat(hash, abi.encode(nonce))));
        PushSplitDouble(payable(split)).initialize(_splitParams, _owner);
        emit SplitCreated(split, _splitParams, _owner, _creator, nonce);
    }

    function createSplitDeterministic(
        SplitV2 calldata _splitParams,
        address _owner,
        address _creator,
        bytes32 _salt
    )
        external
        returns (address split)
    {
        bytes32 salt = _saltOf(_splitParams, _owner, _salt);
        split = _predict(salt);
        if (split.code.length > 0) return split;
        split = _clone(salt);
        PushSplitDouble(payable(split)).initialize(_splitParams, _owner);
        emit SplitCreated(split, _splitParams, _owner, _creator, _salt);
    }

    function predictDeterministicAddress(
        SplitV2 calldata _splitParams,
        address _owner,
        bytes32 _salt
    )
        external
        view
        returns (address)
    {
        return _predict(_saltOf(_splitParams, _owner, _salt));
    }

    function predictDeterministicAddress(SplitV2 calldata _splitParams, address _owner) external view returns (address) {
        bytes32 hash = keccak256(abi.encode(_splitParams, _owner));
        return _predict(keccak256(bytes.concat(hash, abi.encode(_nonces[hash]))));
    }

    function isDeployed(
        SplitV2 calldata _splitParams,
        address _owner,
        bytes32 _salt
    )
        external
        view
        returns (address split, bool exists)
    {
        split = _predict(_saltOf(_splitParams, _owner, _salt));
        exists = split.code.length > 0;
    }

    function _saltOf(SplitV2 calldata _splitParams, address _owner, bytes32 _salt) internal pure returns (bytes32) {
        return keccak256(bytes.concat(abi.encode(_splitParams, _owner), _salt));
    }

    /// EIP-1167 minimal proxy creation code for the implementation.
    function _cloneCode() internal view returns (bytes memory) {
        return abi.encodePacked(
            hex"3d602d80600a3d3981f3363d3d373d3d3d363d73",
            SPLIT_WALLET_IMPLEMENTATION,
            hex"5af43d82803e903d91602b57fd5bf3"
        );
    }

    function _clone(bytes32 _salt) internal returns (address instance) {
        bytes memory code = _cloneCode();
        assembly {
            instance := create2(0, add(code, 0x20), mload(code), _salt)
        }
        if (instance == address(0)) revert CloneFailed();
    }

    function _predict(bytes32 _salt) internal view returns (address) {
        return address(
            uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), _salt, keccak256(_cloneCode())))))
        );
    }
}
