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
export { type GetLiquidityParameters, type GetLiquidityReturnType, getLiquidity } from './liquidity/getLiquidity.ts'
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
