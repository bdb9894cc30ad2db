export { ChainopsError, type ChainopsErrorParameters, isChainopsError } from './errors/ChainopsError.ts'
export { isSecret, Secret } from './secret/Secret.ts'
