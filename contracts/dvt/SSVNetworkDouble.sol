// SPDX-License-Identifier: MIT
pragma solidity ^0.8.23;

/*
 * ============================================================================================
 *  TEST DOUBLE: NOT the SSV Network contract. For local chains and tests only.
 * ============================================================================================
 *
 * No package registry ships SSVNetwork's bytecode, so chainops's registration code runs against
 * this stand-in. It is written from the behaviour of the real SSVNetwork (v1.x, ClusterLib and
 * SSVClusters in github.com/ssvlabs/ssv-network) and keeps, for the surface chainops uses:
 *
 *  - the same function signatures, events and custom errors as the SSVNetwork ABI the
 *    `ssv-scanner` npm package ships (src/shared/abi/prod.v4.mainnet.abi.json); a test compares
 *    them: registerOperator, registerValidator, bulkRegisterValidator, removeValidator, deposit,
 *    and the events OperatorAdded, ValidatorAdded, ValidatorRemoved, ClusterDeposited;
 *  - the cluster bookkeeping: only `keccak256(abi.encodePacked(validatorCount, networkFeeIndex,
 *    index, balance, active))` is stored, per `keccak256(abi.encodePacked(owner, operatorIds))`,
 *    and every call must pass the struct that hashes to it (`IncorrectClusterState()`); a cluster
 *    with no hash yet takes only the empty struct {0, 0, 0, true, 0} on registration and is
 *    `ClusterDoesNotExists()` for removeValidator and deposit;
 *  - the checks and their error names: 4, 7, 10 or 13 operator ids (`InvalidOperatorIdsLength`),
 *    strictly ascending (`UnsortedOperatorsList`, `OperatorsListNotUnique`), registered
 *    (`OperatorDoesNotExist`), 48-byte public keys (`InvalidPublicKeyLength`), one registration
 *    per (public key, owner) (`ValidatorAlreadyExistsWithData`), bulk lists of equal, non-zero
 *    length (`EmptyPublicKeysList`, `PublicKeysSharesLengthMismatch`), a liquidated cluster
 *    refused (`ClusterIsLiquidated`), a removal only by the owner with the validator's own
 *    operators (`ValidatorDoesNotExist`, `IncorrectValidatorStateWithData`);
 *  - the SSV amount pulled from the sender with `transferFrom` (`TokenTransferFailed` when the
 *    token returns false), and in bulk the cluster updated once and one ValidatorAdded per
 *    validator, each carrying the final struct.
 *
 * What it leaves out, on purpose:
 *  - fees: operator and network fees are never accrued, so `index` and `networkFeeIndex` stay 0
 *    and `balance` only grows by deposits; operator fee limits (FeeTooLow/FeeTooHigh) and the
 *    fee declaration flow are absent;
 *  - liquidation math: no liquidation threshold or minimum collateral (`InsufficientBalance` is
 *    never raised), no liquidate/reactivate/withdraw, so ClusterLiquidated, ClusterReactivated
 *    and ClusterWithdrawn are never emitted;
 *  - whitelisting, private operators (`setPrivate` is stored and ignored), per-operator validator
 *    limits, exits, the DAO and module/proxy machinery (it is one plain contract).
 *
 * Double-only views (not in the real ABI; the real contract keeps no owner nonce at all, the
 * nonce is the count of the owner's ValidatorAdded events): `ownerNonce(owner)`,
 * `clusterHash(owner, operatorIds)`, `token()`.
 */

interface ISSVTokenForDouble {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract SSVNetworkDouble {
    /// Same layout as ISSVNetworkCore.Cluster, so the ABI tuple is identical.
    struct Cluster {
        uint32 validatorCount;
        uint64 networkFeeIndex;
        uint64 index;
        bool active;
        uint256 balance;
    }

    struct OperatorRecord {
        address owner;
        uint256 fee;
        bool setPrivate;
        uint32 validatorCount;
    }

    event OperatorAdded(uint64 indexed operatorId, address indexed owner, bytes publicKey, uint256 fee);
    event ValidatorAdded(address indexed owner, uint64[] operatorIds, bytes publicKey, bytes shares, Cluster cluster);
    event ValidatorRemoved(address indexed owner, uint64[] operatorIds, bytes publicKey, Cluster cluster);
    event ClusterDeposited(address indexed owner, uint64[] operatorIds, uint256 value, Cluster cluster);

    error ClusterDoesNotExists();
    error ClusterIsLiquidated();
    error EmptyPublicKeysList();
    error IncorrectClusterState();
    error IncorrectValidatorStateWithData(bytes publicKey);
    error InvalidOperatorIdsLength();
    error InvalidPublicKeyLength();
    error OperatorAlreadyExists();
    error OperatorDoesNotExist();
    error OperatorsListNotUnique();
    error PublicKeysSharesLengthMismatch();
    error TokenTransferFailed();
    error UnsortedOperatorsList();
    error ValidatorAlreadyExistsWithData(bytes publicKey);
    error ValidatorDoesNotExist();

    uint256 private constant PUBLIC_KEY_LENGTH = 48;

    ISSVTokenForDouble public immutable token;
    uint64 private lastOperatorId;
    mapping(uint64 => OperatorRecord) private operators;
    mapping(bytes32 => uint64) private operatorsPKs;
    mapping(bytes32 => bytes32) private clusters;
    mapping(bytes32 => bytes32) private validatorPKs;
    mapping(address => uint256) private nonces;

    constructor(address ssvToken) {
        token = ISSVTokenForDouble(ssvToken);
    }

    function registerOperator(bytes calldata publicKey, uint256 fee, bool setPrivate) external returns (uint64 id) {
        bytes32 hashedPk = keccak256(publicKey);
        if (operatorsPKs[hashedPk] != 0) revert OperatorAlreadyExists();
        id = ++lastOperatorId;
        operators[id] = OperatorRecord({owner: msg.sender, fee: fee, setPrivate: setPrivate, validatorCount: 0});
        operatorsPKs[hashedPk] = id;
        emit OperatorAdded(id, msg.sender, publicKey, fee);
    }

    function registerValidator(
        bytes calldata publicKey,
        uint64[] memory operatorIds,
        bytes calldata sharesData,
        uint256 amount,
        Cluster memory cluster
    ) external {
        bytes[] memory publicKeys = new bytes[](1);
        publicKeys[0] = publicKey;
        bytes[] memory shares = new bytes[](1);
        shares[0] = sharesData;
        _registerValidators(publicKeys, operatorIds, shares, amount, cluster);
    }

    function bulkRegisterValidator(
        bytes[] memory publicKeys,
        uint64[] memory operatorIds,
        bytes[] memory sharesData,
        uint256 amount,
        Cluster memory cluster
    ) external {
        if (publicKeys.length == 0) revert EmptyPublicKeysList();
        if (publicKeys.length != sharesData.length) revert PublicKeysSharesLengthMismatch();
        _registerValidators(publicKeys, operatorIds, sharesData, amount, cluster);
    }

    function removeValidator(bytes calldata publicKey, uint64[] memory operatorIds, Cluster memory cluster) external {
        bytes32 hashedValidator = keccak256(abi.encodePacked(publicKey, msg.sender));
        bytes32 stored = validatorPKs[hashedValidator];
        if (stored == bytes32(0)) revert ValidatorDoesNotExist();
        if (stored != _validatorData(operatorIds)) revert IncorrectValidatorStateWithData(publicKey);
        bytes32 hashedCluster = _validateHashedCluster(cluster, msg.sender, operatorIds);
        if (cluster.active) {
            for (uint256 i; i < operatorIds.length; ++i) {
                operators[operatorIds[i]].validatorCount -= 1;
            }
        }
        cluster.validatorCount -= 1;
        delete validatorPKs[hashedValidator];
        clusters[hashedCluster] = _hashClusterData(cluster);
        emit ValidatorRemoved(msg.sender, operatorIds, publicKey, cluster);
    }

    function deposit(address clusterOwner, uint64[] memory operatorIds, uint256 amount, Cluster memory cluster) external {
        bytes32 hashedCluster = _validateHashedCluster(cluster, clusterOwner, operatorIds);
        cluster.balance += amount;
        clusters[hashedCluster] = _hashClusterData(cluster);
        _pull(amount);
        emit ClusterDeposited(clusterOwner, operatorIds, amount, cluster);
    }

    /// Double only: how many validators `owner` has added (the real nonce is counted from logs).
    function ownerNonce(address owner) external view returns (uint256) {
        return nonces[owner];
    }

    /// Double only: the stored cluster hash (bytes32(0) for a cluster that has none).
    function clusterHash(address owner, uint64[] memory operatorIds) external view returns (bytes32) {
        return clusters[keccak256(abi.encodePacked(owner, operatorIds))];
    }

    function _registerValidators(
        bytes[] memory publicKeys,
        uint64[] memory operatorIds,
        bytes[] memory sharesData,
        uint256 amount,
        Cluster memory cluster
    ) internal {
        uint256 count = publicKeys.length;
        _validateOperatorIds(operatorIds);
        bytes32 hashedCluster = _validateClusterOnRegistration(cluster, msg.sender, operatorIds);
        bytes32 validatorData = _validatorData(operatorIds);
        for (uint256 i; i < count; ++i) {
            bytes memory publicKey = publicKeys[i];
            if (publicKey.length != PUBLIC_KEY_LENGTH) revert InvalidPublicKeyLength();
            bytes32 hashedValidator = keccak256(abi.encodePacked(publicKey, msg.sender));
            if (validatorPKs[hashedValidator] != bytes32(0)) revert ValidatorAlreadyExistsWithData(publicKey);
            validatorPKs[hashedValidator] = validatorData;
        }
        for (uint256 i; i < operatorIds.length; ++i) {
            operators[operatorIds[i]].validatorCount += uint32(count);
        }
        cluster.validatorCount += uint32(count);
        cluster.balance += amount;
        clusters[hashedCluster] = _hashClusterData(cluster);
        nonces[msg.sender] += count;
        _pull(amount);
        for (uint256 i; i < count; ++i) {
            emit ValidatorAdded(msg.sender, operatorIds, publicKeys[i], sharesData[i], cluster);
        }
    }

    function _validateOperatorIds(uint64[] memory operatorIds) internal view {
        uint256 length = operatorIds.length;
        if (length < 4 || length > 13 || length % 3 != 1) revert InvalidOperatorIdsLength();
        for (uint256 i; i < length; ++i) {
            if (i + 1 < length) {
                if (operatorIds[i] == operatorIds[i + 1]) revert OperatorsListNotUnique();
                if (operatorIds[i] > operatorIds[i + 1]) revert UnsortedOperatorsList();
            }
            if (operators[operatorIds[i]].owner == address(0)) revert OperatorDoesNotExist();
        }
    }

    function _validateClusterOnRegistration(Cluster memory cluster, address owner, uint64[] memory operatorIds)
        internal
        view
        returns (bytes32 hashedCluster)
    {
        hashedCluster = keccak256(abi.encodePacked(owner, operatorIds));
        bytes32 stored = clusters[hashedCluster];
        if (stored == bytes32(0)) {
            if (
                cluster.validatorCount != 0 || cluster.networkFeeIndex != 0 || cluster.index != 0
                    || cluster.balance != 0 || !cluster.active
            ) revert IncorrectClusterState();
        } else if (stored != _hashClusterData(cluster)) {
            revert IncorrectClusterState();
        } else if (!cluster.active) {
            revert ClusterIsLiquidated();
        }
    }

    function _validateHashedCluster(Cluster memory cluster, address owner, uint64[] memory operatorIds)
        internal
        view
        returns (bytes32 hashedCluster)
    {
        hashedCluster = keccak256(abi.encodePacked(owner, operatorIds));
        bytes32 stored = clusters[hashedCluster];
        if (stored == bytes32(0)) revert ClusterDoesNotExists();
        if (stored != _hashClusterData(cluster)) revert IncorrectClusterState();
    }

    function _hashClusterData(Cluster memory cluster) internal pure returns (bytes32) {
        return keccak256(
            abi.encodePacked(cluster.validatorCount, cluster.networkFeeIndex, cluster.index, cluster.balance, cluster.active)
        );
    }

    /// The real contract flags an active validator in the low bit of its operator-ids hash.
    function _validatorData(uint64[] memory operatorIds) internal pure returns (bytes32) {
        return bytes32(uint256(keccak256(abi.encodePacked(operatorIds))) | uint256(0x01));
    }

    function _pull(uint256 amount) internal {
        if (amount != 0 && !token.transferFrom(msg.sender, address(this), amount)) revert TokenTransferFailed();
    }
}
