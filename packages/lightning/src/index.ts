// The public API of @chainops/lightning. AWS adapters: `@chainops/lightning/aws`; Lambda handler
// factories: `@chainops/lightning/lambda`. Everything else is internal.
export type { InvoiceApiDependencies } from './api/InvoiceApiDependencies.ts'
export { LightningError, type LightningErrorCode, type LightningErrorParameters } from './errors/LightningError.ts'
export type { LndRetryOptions } from './errors/withLndRetry.ts'
export { MONTHLY_FLOAT_WEI, PLAN_MONTH_SECONDS } from './float/floatPlan.ts'
export { type GetOperatorFloatParameters, getOperatorFloat, type OperatorFloat } from './float/getOperatorFloat.ts'
export { type GetOperatorFloatsParameters, getOperatorFloats, type OperatorFloats } from './float/getOperatorFloats.ts'
export {
  type FloatRefillProposal,
  type PlanFloatRefillParameters,
  type PlanFloatRefillReturnType,
  planFloatRefill,
} from './float/planFloatRefill.ts'
export {
  type PlanFloatRefillsParameters,
  type PlanFloatRefillsReturnType,
  planFloatRefills,
} from './float/planFloatRefills.ts'
export { type CreateInvoiceParameters, type CreateInvoiceReturnType, createInvoice } from './invoices/createInvoice.ts'
export { getInvoiceStatus, type InvoiceStatus } from './invoices/getInvoiceStatus.ts'
export type { InvoiceRecord, InvoiceState } from './invoices/InvoiceRecord.ts'
export type { InvoiceBounds } from './invoices/validateInvoiceRequest.ts'
export {
  type BakeIssuanceMacaroonsParameters,
  type BakeIssuanceMacaroonsReturnType,
  bakeIssuanceMacaroons,
} from './lnd/bakeIssuanceMacaroons.ts'
export {
  type ConnectIssuanceLndReturnType,
  connectIssuanceLnd,
  type IssuanceLndConnection,
} from './lnd/connectIssuanceLnd.ts'
export { issuanceMacaroonPermissions } from './lnd/issuanceMacaroonPermissions.ts'
export { type CreateMinterParameters, createMinter } from './minter/createMinter.ts'
export type {
  Minter,
  MinterHooks,
  MinterRecovery,
  MinterStats,
  MintOutcome,
  MintSubmission,
} from './minter/Minter.ts'
export type { MinterGasSettings, MintFees } from './minter/MinterGasSettings.ts'
export type { MintJournalOutcome, MintJournalRow, MintTxVariant } from './minter/MintJournalRow.ts'
export { type MintWeiOfParameters, mintWeiOf } from './minter/mintWeiOf.ts'
export { minterTxPoolArgs } from './pipeline/minterTxPoolArgs.ts'
export { type MinterTxPoolLimits, minterTxPoolLimits } from './pipeline/minterTxPoolLimits.ts'
export {
  type MintPipeline,
  type MintPipelineStats,
  type RunMintPipelineParameters,
  runMintPipeline,
} from './pipeline/runMintPipeline.ts'
export type { IssuanceResources } from './service/IssuanceResources.ts'
export {
  type EmbeddedIssuanceResources,
  type OpenEmbeddedIssuanceResourcesParameters,
  openEmbeddedIssuanceResources,
} from './service/openEmbeddedIssuanceResources.ts'
export { type OpenedIssuance, type OpenIssuanceParameters, openIssuance } from './service/openIssuance.ts'
export { type ParseOperatorKeyParameters, parseOperatorKey } from './service/parseOperatorKey.ts'
export {
  type ResolveIssuanceConfigParameters,
  type ResolveIssuanceConfigReturnType,
  resolveIssuanceConfig,
} from './service/resolveIssuanceConfig.ts'
export type { IssuanceSignerKey } from './service/resolveIssuanceSignerKeys.ts'
export {
  type Issuance,
  type IssuanceMode,
  type StartIssuanceParameters,
  startIssuance,
} from './service/startIssuance.ts'
export type { RecordSettlementReturnType } from './settle/recordSettlement.ts'
export type { SettledInvoice } from './settle/SettledInvoice.ts'
export type { SettleEvent } from './settle/SettleEvent.ts'
export {
  type SettleLeaseOptions,
  type SettleSubscriber,
  type StartSettleSubscriberParameters,
  startSettleSubscriber,
} from './settle/startSettleSubscriber.ts'
export { type CreateMintWatcherParameters, createMintWatcher } from './watcher/createMintWatcher.ts'
export type { MintWatcher, MintWatcherRunOptions, MintWatcherStats } from './watcher/MintWatcher.ts'
export {
  type RunningMintWatcher,
  type StartMintWatcherParameters,
  startMintWatcher,
} from './watcher/startMintWatcher.ts'
