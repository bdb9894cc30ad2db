export { ChainopsError, type ChainopsErrorParameters } from './errors/ChainopsError.ts'
export type { ChainopsErrorCode, ChainopsErrorCodes } from './errors/ChainopsErrorCodes.ts'
export type { CoreErrorCode } from './errors/CoreErrorCode.ts'
export { isChainopsError } from './errors/isChainopsError.ts'
export {
  type CreateLoggerParameters,
  createLogger,
  type LogFields,
  type Logger,
} from './logger/createLogger.ts'
export { LoggerError, type LoggerErrorCode, type LoggerErrorParameters } from './logger/LoggerError.ts'
export type { LogLevel } from './logger/LogLevel.ts'
export { type RedactedValue, redact } from './logger/redact.ts'
export { redactForeignText } from './logger/redactForeignText.ts'
export type {
  DeadLetter,
  Queue,
  ReceivedMessage,
  ReceiveMessagesParameters,
  SendMessageParameters,
  SendMessageResult,
} from './queue/Queue.ts'
export { QueueError, type QueueErrorCode, type QueueErrorParameters } from './queue/QueueError.ts'
export { SqliteQueue, type SqliteQueueParameters } from './queue/SqliteQueue.ts'
export {
  type ProbeRpcEndpointsErrorType,
  type ProbeRpcEndpointsParameters,
  type ProbeRpcEndpointsReturnType,
  probeRpcEndpoints,
  type RpcProbeProgress,
} from './rpc/probeRpcEndpoints.ts'
export type { RpcCallTimings } from './rpc/RpcCallTimings.ts'
export type {
  RpcEndpointDown,
  RpcEndpointProbe,
  RpcEndpointTimings,
  RpcEndpointUp,
  RpcSyncStatus,
  RpcTimingSummary,
} from './rpc/RpcEndpointProbe.ts'
export { RpcProbeError, type RpcProbeErrorCode, type RpcProbeErrorParameters } from './rpc/RpcProbeError.ts'
export { addressSchema } from './schema/addressSchema.ts'
export { bigintStringSchema } from './schema/bigintStringSchema.ts'
export { hexSchema } from './schema/hexSchema.ts'
export { type ParseWithOptions, parseWith } from './schema/parseWith.ts'
export {
  type SchemaIssue,
  SchemaValidationError,
  type SchemaValidationErrorParameters,
} from './schema/SchemaValidationError.ts'
export { type EnvSecretSourceParameters, envSecretSource } from './secrets/envSecretSource.ts'
export { type FileSecretSourceParameters, fileSecretSource } from './secrets/fileSecretSource.ts'
export { isSecret } from './secrets/isSecret.ts'
export { Secret } from './secrets/Secret.ts'
export { SecretError, type SecretErrorCode, type SecretErrorParameters } from './secrets/SecretError.ts'
export type { SecretSource } from './secrets/SecretSource.ts'
export { SqliteStore, type SqliteStoreParameters } from './store/SqliteStore.ts'
export type {
  ListOptions,
  ListResult,
  Store,
  StoredRecord,
  StoreKey,
  StoreOperations,
  StoreTransaction,
} from './store/Store.ts'
export { StoreError, type StoreErrorCode, type StoreErrorParameters } from './store/StoreError.ts'
export { formatBtc } from './units/formatBtc.ts'
export { formatExactEther } from './units/formatExactEther.ts'
export { formatExactGwei } from './units/formatExactGwei.ts'
export { formatExactUnits } from './units/formatExactUnits.ts'
export { formatSats } from './units/formatSats.ts'
export { type MsatToSatsReturnType, msatToSats } from './units/msatToSats.ts'
export { parseBtc } from './units/parseBtc.ts'
export { parseExactEther } from './units/parseExactEther.ts'
export { parseExactGwei } from './units/parseExactGwei.ts'
export { type ParseExactUnitsOptions, parseExactUnits } from './units/parseExactUnits.ts'
export { parseSats } from './units/parseSats.ts'
export { Rational } from './units/Rational.ts'
export { RationalError, type RationalErrorCode, type RationalErrorParameters } from './units/RationalError.ts'
export type { Rounding } from './units/Rounding.ts'
export { satsToMsat } from './units/satsToMsat.ts'
export { UnitsError, type UnitsErrorCode, type UnitsErrorParameters } from './units/UnitsError.ts'
export { WEI_PER_COIN } from './units/WEI_PER_COIN.ts'
