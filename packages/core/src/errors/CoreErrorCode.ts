import type { EthersAdapterErrorCode } from '../ethers/EthersAdapterError.ts'
import type { LoggerErrorCode } from '../logger/LoggerError.ts'
import type { QueueErrorCode } from '../queue/QueueError.ts'
import type { RpcProbeErrorCode } from '../rpc/RpcProbeError.ts'
import type { SecretErrorCode } from '../secrets/SecretError.ts'
import type { StoreErrorCode } from '../store/StoreError.ts'
import type { RationalErrorCode } from '../units/RationalError.ts'
import type { UnitsErrorCode } from '../units/UnitsError.ts'

/** Every stable code `@chainops/core` throws, registered in {@link ChainopsErrorCodes} as `core`. */
export type CoreErrorCode =
  | EthersAdapterErrorCode
  | LoggerErrorCode
  | QueueErrorCode
  | RpcProbeErrorCode
  | SecretErrorCode
  | StoreErrorCode
  | RationalErrorCode
  | UnitsErrorCode
