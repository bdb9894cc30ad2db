/**
 * The `issuance` section of the stack config: what the three issuance functions (invoice API, mint
 * consumer, receipt watcher) need, as plain JSON. Every secret is an SSM parameter NAME: the
 * functions read the values at cold start, so no key or macaroon is ever in the template.
 */
export type IssuanceConfig = {
  /** The chain id the mints are signed for (`CHAINOPS_CHAIN_ID`). */
  chainId: number
  /**
   * SSM SecureString parameter names, one per sending key, 1 to 32: the consumer reads them all
   * (`CHAINOPS_OPERATOR_KEY_PARAMETER`, or `CHAINOPS_OPERATOR_KEY_PARAMETERS` with K > 1), each
   * key's watcher its own. In the order the settle subscriber lists the keys' addresses.
   */
  operatorKeyParameters: readonly string[]
  /** SSM SecureString parameter name: lnd's invoice macaroon (`invoices:read/write`). */
  invoiceMacaroonParameter: string
  /** SSM SecureString parameter name: lnd's read-only macaroon (the inbound-liquidity check). */
  readOnlyMacaroonParameter: string
  /**
   * SSM String parameter name holding the base64 of lnd's `tls.cert` PEM (public, so a plain
   * String): resolved by CloudFormation at deploy into `CHAINOPS_LND_CERT`.
   */
  lndCertParameter: string
  /** The directory `examples/lambda/build.ts --out DIR` wrote: `invoice-api.zip`, `mint-consumer.zip`, `mint-watcher.zip`. */
  bundlesDir: string
  /** Wei per sat, `n` or `n/d` (`CHAINOPS_RATE`; the functions' default 10^10 when absent). */
  rate?: string | undefined
  /** Invoice bounds in whole sats (`CHAINOPS_MIN_SATS`, `CHAINOPS_MAX_SATS`; defaults 100 and 10,000,000). */
  minSats?: number | undefined
  maxSats?: number | undefined
  /** The longest invoice expiry in seconds (`CHAINOPS_MAX_INVOICE_EXPIRY_SECONDS`; default 604800, at most lnd's 31536000). */
  maxInvoiceExpirySeconds?: number | undefined
  /** The customer managed KMS key of the SecureString parameters; absent: the AWS managed `aws/ssm` key. */
  parameterKeyArn?: string | undefined
  /** The mint queue's name without `.fifo` (default `chainops-mint`): `<name>.fifo` and `<name>-dlq.fifo`. */
  queueName?: string | undefined
  /** Records per mint-consumer invocation, 1 to 10 (SQS FIFO's limit; default 10). */
  batchSize?: number | undefined
  /** Deliveries before SQS moves a mint message to the dead-letter queue (default 10). */
  maxReceiveCount?: number | undefined
  /** The mint queue's visibility timeout in seconds, above the consumer's 30 s timeout (default 180: six times it, as AWS advises). */
  visibilityTimeoutSeconds?: number | undefined
}
