/** The issuance functions' fixed settings and the defaults of the optional config fields. */
export const issuanceDefaults: {
  readonly queueName: 'chainops-mint'
  readonly batchSize: 10
  readonly maxReceiveCount: 10
  readonly invoiceApiTimeoutSeconds: 10
  readonly consumerTimeoutSeconds: 30
  readonly watcherTimeoutSeconds: 60
  readonly visibilityTimeoutSeconds: 180
  readonly watcherSchedule: 'rate(1 minute)'
} = {
  queueName: 'chainops-mint',
  // SQS FIFO event sources take at most 10 records a batch.
  batchSize: 10,
  maxReceiveCount: 10,
  invoiceApiTimeoutSeconds: 10,
  consumerTimeoutSeconds: 30,
  // The watcher runs its rounds until 5 s before its deadline, then the next minute's run resumes.
  watcherTimeoutSeconds: 60,
  // AWS advises a visibility timeout of six times the function timeout for an SQS event source.
  visibilityTimeoutSeconds: 180,
  watcherSchedule: 'rate(1 minute)',
}
