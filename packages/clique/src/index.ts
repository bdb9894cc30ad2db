// The public API of @chainops/clique. Internals (hex readers, the trie, seal hashing, extraData
// byte sizes, genesis constants, ratio formatting, the quorum rule) stay inside the package.

export type { CliqueHeader } from './actions/cliqueSealHash.ts'
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
export { CliqueError, type CliqueErrorCode } from './errors/CliqueError.ts'
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
export { type GenesisHashReturnType, genesisHash } from './genesis/genesisHash.ts'
export { type ParseGenesisErrorType, parseGenesis } from './genesis/parseGenesis.ts'
export { deterministicDeploymentProxy } from './genesis/predeploys/deterministicDeploymentProxy.ts'
export type { Predeploy } from './genesis/predeploys/Predeploy.ts'
export { type GenesisJson, toGenesisJson } from './genesis/toGenesisJson.ts'
export {
  type DetectForkStallErrorType,
  type DetectForkStallParameters,
  type DetectForkStallReturnType,
  detectForkStall,
  type SealerHead,
} from './health/detectForkStall.ts'
export type { ForkStall, ForkStallBlock } from './health/ForkStall.ts'
export type { LintCode, LintFinding } from './lint/LintFinding.ts'
export { type LintGenesisOptions, lintGenesis } from './lint/lintGenesis.ts'

export { type PlanCapacityParameters, type PlanCapacityReturnType, planCapacity } from './planners/planCapacity.ts'
export { type PlanSealersParameters, type PlanSealersReturnType, planSealers } from './planners/planSealers.ts'
export {
  type PlanSupplyParameters,
  type PlanSupplyReturnType,
  planSupply,
  type SupplyFinding,
} from './planners/planSupply.ts'

export { formatCoins } from './units/formatCoins.ts'
