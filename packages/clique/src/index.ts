export type { BlockParameter } from './actions/blockParameter.ts'
export { type CliqueHeader, cliqueSealHash } from './actions/cliqueSealHash.ts'
export { type DiscardParameters, discard } from './actions/discard.ts'
export { type GetSignersParameters, getSigners } from './actions/getSigners.ts'
export { type CliqueSnapshot, type GetSnapshotParameters, getSnapshot } from './actions/getSnapshot.ts'
export { type ProposeParameters, propose } from './actions/propose.ts'
export { recoverSealer } from './actions/recoverSealer.ts'
export {
  type SealerHealthParameters,
  type SealerHealthReturnType,
  type SignerHealth,
  sealerHealth,
} from './actions/sealerHealth.ts'
export { enodeIdFromNodeKey } from './config/enodeIdFromNodeKey.ts'
export {
  FORBIDDEN_RPC_MODULES,
  type GethConfigParameters,
  type GethConfigReturnType,
  type GethNodeConfig,
  type GethNodeSpec,
  gethConfig,
  PUBLIC_RPC_MODULES,
  type TxPoolLimits,
} from './config/gethConfig.ts'
export { CliqueError, type CliqueErrorCode, type CliqueErrorParameters } from './errors/CliqueError.ts'
export { EXTRA_SEAL_BYTES, EXTRA_VANITY_BYTES, SIGNER_BYTES } from './extraData/constants.ts'
export {
  type DecodeExtraDataErrorType,
  type DecodeExtraDataOptions,
  type DecodeExtraDataReturnType,
  decodeExtraData,
} from './extraData/decodeExtraData.ts'
export {
  type EncodeExtraDataErrorType,
  type EncodeExtraDataParameters,
  type EncodeExtraDataReturnType,
  encodeExtraData,
} from './extraData/encodeExtraData.ts'
export { type BuildGenesisErrorType, type BuildGenesisParameters, buildGenesis } from './genesis/buildGenesis.ts'
export {
  BLOCK_FORKS,
  type BlockForkName,
  HARDFORKS,
  type Hardfork,
  UNSUPPORTED_FORKS,
  type UnsupportedForkName,
} from './genesis/forks.ts'
export type { Genesis, GenesisAccount, GenesisConfig } from './genesis/Genesis.ts'
export {
  EMPTY_UNCLE_HASH,
  type GenesisHashReturnType,
  genesisHash,
  INITIAL_BASE_FEE,
} from './genesis/genesisHash.ts'
export { EMPTY_CODE_HASH, genesisStateRoot } from './genesis/genesisStateRoot.ts'
export { GENESIS_DEFAULT_GAS_LIMIT, type ParseGenesisErrorType, parseGenesis } from './genesis/parseGenesis.ts'
export { deterministicDeploymentProxy } from './genesis/predeploys/deterministicDeploymentProxy.ts'
export type { Predeploy } from './genesis/predeploys/Predeploy.ts'
export { type GenesisJson, toGenesisJson } from './genesis/toGenesisJson.ts'
export { type ParseHexBytesOptions, parseHexBytes } from './hex/parseHexBytes.ts'
export { type ParseQuantityErrorType, type ParseQuantityOptions, parseQuantity } from './hex/parseQuantity.ts'
export { parseStorageWord } from './hex/parseStorageWord.ts'
export type { LintCode, LintFinding } from './lint/LintFinding.ts'
export { type LintGenesisOptions, lintGenesis } from './lint/lintGenesis.ts'
export { cliqueQuorum } from './planners/cliqueQuorum.ts'
export { type PlanCapacityParameters, type PlanCapacityReturnType, planCapacity } from './planners/planCapacity.ts'
export { type PlanSealersParameters, type PlanSealersReturnType, planSealers } from './planners/planSealers.ts'
export {
  type PlanSupplyParameters,
  type PlanSupplyReturnType,
  planSupply,
  type SupplyFinding,
} from './planners/planSupply.ts'
export { EMPTY_TRIE_ROOT, type TrieEntry, trieRoot } from './trie/trieRoot.ts'
export { formatCoins } from './units/formatCoins.ts'
export { formatRatio } from './units/formatRatio.ts'
