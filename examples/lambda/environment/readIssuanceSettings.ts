import { type ResolveIssuanceConfigReturnType, resolveIssuanceConfig } from '@chainops/lightning'

/**
 * The issuance settings both functions share, from one block of environment variables (set the
 * same block on both): `CHAINOPS_RATE` (wei per sat, `n` or `n/d`), `CHAINOPS_MIN_SATS`,
 * `CHAINOPS_MAX_SATS`, `CHAINOPS_MAX_INVOICE_EXPIRY_SECONDS`, `CHAINOPS_RPC_URL` (the chain's
 * public RPC) and `CHAINOPS_CHAIN_ID`. Checked once at cold start: a bad value is
 * `ISSUANCE_CONFIG_INVALID` naming the setting.
 */
export function readIssuanceSettings(env: NodeJS.ProcessEnv): ResolveIssuanceConfigReturnType {
  return resolveIssuanceConfig({
    mode: 'aws',
    rate: env.CHAINOPS_RATE || undefined,
    minSats: env.CHAINOPS_MIN_SATS || undefined,
    maxSats: env.CHAINOPS_MAX_SATS || undefined,
    maxInvoiceExpirySeconds: env.CHAINOPS_MAX_INVOICE_EXPIRY_SECONDS || undefined,
    rpcUrl: env.CHAINOPS_RPC_URL ?? '',
    chainId: env.CHAINOPS_CHAIN_ID ?? '',
  })
}
