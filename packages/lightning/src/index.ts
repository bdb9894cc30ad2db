export type { ApiRequest, ApiResponse } from './api/ApiRequest.ts'
export { apiErrorResponse } from './api/apiErrorResponse.ts'
export { type CreateHttpServerOptions, createHttpServer } from './api/createHttpServer.ts'
export { createInvoiceBodySchema } from './api/createInvoiceBodySchema.ts'
export { handleApiRequest } from './api/handleApiRequest.ts'
export type { InvoiceApiDependencies } from './api/InvoiceApiDependencies.ts'
export { describeLndError } from './errors/describeLndError.ts'
export { isLndUnavailableError } from './errors/isLndUnavailableError.ts'
export { LightningError, type LightningErrorCode, type LightningErrorParameters } from './errors/LightningError.ts'
export { type LndRetryOptions, type WithLndRetryParameters, withLndRetry } from './errors/withLndRetry.ts'
export { MONTHLY_FLOAT_WEI, PLAN_MONTH_SECONDS } from './float/floatPlan.ts'
export { type GetOperatorFloatParameters, getOperatorFloat, type OperatorFloat } from './float/getOperatorFloat.ts'
export {
  type FloatRefillProposal,
  type PlanFloatRefillParameters,
  type PlanFloatRefillReturnType,
  planFloatRefill,
} from './float/planFloatRefill.ts'
export { type CreateInvoiceParameters, type CreateInvoiceReturnType, createInvoice } from './invoices/createInvoice.ts'
export { getInvoiceStatus, type InvoiceStatus } from './invoices/getInvoiceStatus.ts'
export { INVOICES_TABLE, type InvoiceRecord, type InvoiceState } from './invoices/InvoiceRecord.ts'
export {
  type InvoiceBounds,
  type ValidateInvoiceRequestParameters,
  type ValidateInvoiceRequestReturnType,
  validateInvoiceRequest,
} from './invoices/validateInvoiceRequest.ts'
export { createInvoiceApiHandler, type InvoiceApiHandler } from './lambda/createInvoiceApiHandler.ts'
export {
  type RunSqsEventSourceParameters,
  runSqsEventSource,
  type SqsEventSource,
} from './lambda/runSqsEventSource.ts'
export { type ToSqsEventParameters, toSqsEvent } from './lambda/toSqsEvent.ts'
export { type GetLiquidityParameters, type GetLiquidityReturnType, getLiquidity } from './liquidity/getLiquidity.ts'
export { acquireMinterLease, MINTER_LEASES_TABLE, type MinterLease } from './minter/acquireMinterLease.ts'
export { bumpedFees } from './minter/bumpedFees.ts'
export { type BroadcastFailure, classifyBroadcastError } from './minter/classifyBroadcastError.ts'
export {
  type CreateMinterParameters,
  createMinter,
  type Minter,
  type MinterHooks,
  type MinterRecovery,
  type MinterStats,
  type MintOutcome,
  type MintSubmission,
} from './minter/createMinter.ts'
export {
  type CreateTransactionSignerParameters,
  createTransactionSigner,
  type TransactionSigner,
} from './minter/createTransactionSigner.ts'
export { feesFor } from './minter/feesFor.ts'
export { listMintJournal } from './minter/listMintJournal.ts'
export { GWEI, type MinterGasSettings, type MintFees } from './minter/MinterGasSettings.ts'
export {
  MINT_JOURNAL_TABLE,
  type MintJournalOutcome,
  type MintJournalRow,
  type MintTxVariant,
  NONCES_TABLE,
} from './minter/MintJournalRow.ts'
export { type MintWeiOfParameters, mintWeiOf } from './minter/mintWeiOf.ts'
export { type PlanNextNonceParameters, type PlanNextNonceReturnType, planNextNonce } from './minter/planNextNonce.ts'
export { type MintableInvoice, readMintableInvoice } from './minter/readMintableInvoice.ts'
export {
  createMintConsumerHandler,
  type MintConsumerHandler,
  type MintConsumerHandlerDeps,
} from './pipeline/createMintConsumerHandler.ts'
export { minterTxPoolArgs } from './pipeline/minterTxPoolArgs.ts'
export { type MinterTxPoolLimits, minterTxPoolLimits } from './pipeline/minterTxPoolLimits.ts'
export { type MintMessage, type ParseMintMessageReturnType, parseMintMessage } from './pipeline/parseMintMessage.ts'
export {
  type MintPipeline,
  type MintPipelineStats,
  type RunMintPipelineParameters,
  runMintPipeline,
} from './pipeline/runMintPipeline.ts'
export {
  type AwsIssuanceResources,
  type OpenAwsIssuanceResourcesParameters,
  openAwsIssuanceResources,
} from './service/openAwsIssuanceResources.ts'
export {
  type EmbeddedIssuanceResources,
  type OpenEmbeddedIssuanceResourcesParameters,
  openEmbeddedIssuanceResources,
} from './service/openEmbeddedIssuanceResources.ts'
export {
  type Issuance,
  type IssuanceMode,
  type StartIssuanceParameters,
  startIssuance,
} from './service/startIssuance.ts'
export { advanceSettleCursor } from './settle/advanceSettleCursor.ts'
export { buildMintJobMessage } from './settle/buildMintJobMessage.ts'
export { listSettledSince } from './settle/listSettledSince.ts'
export { readSettleCursor, type SettleCursorValue } from './settle/readSettleCursor.ts'
export {
  type ReconcileSettledParameters,
  type ReconcileSettledReturnType,
  reconcileSettled,
} from './settle/reconcileSettled.ts'
export {
  type RecordSettlementParameters,
  type RecordSettlementReturnType,
  recordSettlement,
} from './settle/recordSettlement.ts'
export type { SettledInvoice } from './settle/SettledInvoice.ts'
export type { SettleEvent } from './settle/SettleEvent.ts'
export { CURSORS_TABLE, settleCursorKey } from './settle/settleCursorKey.ts'
export {
  type SettleSubscriber,
  type StartSettleSubscriberParameters,
  startSettleSubscriber,
} from './settle/startSettleSubscriber.ts'
export {
  type SweepUnpaidInvoicesParameters,
  type SweepUnpaidInvoicesReturnType,
  sweepUnpaidInvoices,
} from './settle/sweepUnpaidInvoices.ts'
export { type LndInvoiceLike, toSettledInvoice } from './settle/toSettledInvoice.ts'
