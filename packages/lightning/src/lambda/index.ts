// @chainops/lightning/lambda: the Lambda handler factories (API Gateway invoice API, SQS mint
// consumer, scheduled receipt watcher) and a local stand-in for Lambda's SQS event source mapping. Types only from
// `aws-lambda`: no AWS SDK is loaded.
export type { InvoiceApiDependencies } from '../api/InvoiceApiDependencies.ts'
export { createInvoiceApiHandler, type InvoiceApiHandler } from './createInvoiceApiHandler.ts'
export {
  createMintConsumerHandler,
  type MintConsumerHandler,
  type MintConsumerHandlerDeps,
} from './createMintConsumerHandler.ts'
export {
  createMintWatcherHandler,
  type MintWatcherHandler,
  type MintWatcherHandlerDeps,
  type MintWatcherHandlerResult,
} from './createMintWatcherHandler.ts'
export { type RunSqsEventSourceParameters, runSqsEventSource, type SqsEventSource } from './runSqsEventSource.ts'
export { type ToSqsEventParameters, toSqsEvent } from './toSqsEvent.ts'
