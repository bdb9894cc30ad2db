import type { IssuanceConfig } from './IssuanceConfig.ts'

export type IssuanceSettingsEnvironmentParameters = {
  config: IssuanceConfig
  /** The store's DynamoDB table name. */
  tableName: string
  /** The chain's public RPC URL. */
  rpcUrl: string
}

/**
 * The block of variables every issuance function reads (examples/lambda/environment/
 * readIssuanceSettings.ts and the store): `CHAINOPS_TABLE`, `CHAINOPS_RPC_URL`, `CHAINOPS_CHAIN_ID`,
 * and `CHAINOPS_RATE`, `CHAINOPS_MIN_SATS`, `CHAINOPS_MAX_SATS`,
 * `CHAINOPS_MAX_INVOICE_EXPIRY_SECONDS` when set (absent, the functions take their defaults). The
 * same block on all three functions, so they agree on the rate and the bounds.
 */
export function issuanceSettingsEnvironment(parameters: IssuanceSettingsEnvironmentParameters): Record<string, string> {
  const { config, tableName, rpcUrl } = parameters
  const environment: Record<string, string> = {
    CHAINOPS_TABLE: tableName,
    CHAINOPS_RPC_URL: rpcUrl,
    CHAINOPS_CHAIN_ID: String(config.chainId),
  }
  if (config.rate !== undefined) environment.CHAINOPS_RATE = config.rate
  if (config.minSats !== undefined) environment.CHAINOPS_MIN_SATS = String(config.minSats)
  if (config.maxSats !== undefined) environment.CHAINOPS_MAX_SATS = String(config.maxSats)
  if (config.maxInvoiceExpirySeconds !== undefined)
    environment.CHAINOPS_MAX_INVOICE_EXPIRY_SECONDS = String(config.maxInvoiceExpirySeconds)
  return environment
}
