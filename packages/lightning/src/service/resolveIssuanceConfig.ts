import { Rational } from '@chainops/core'
import { LightningError } from '../errors/LightningError.ts'
import { resolveMaxInvoiceExpirySeconds } from '../invoices/resolveMaxInvoiceExpirySeconds.ts'
import type { InvoiceBounds } from '../invoices/validateInvoiceRequest.ts'
import type { IssuanceMode } from './startIssuance.ts'

/** The service's settings as text (flags, environment variables, a config file); absent ones take the defaults. */
export type ResolveIssuanceConfigParameters = {
  /** `embedded` (default) or `aws`. */
  mode?: string | undefined
  /** Wei per sat, an exact rational `n` or `n/d` above 0: default 10^10 (1 BTC -> 1 coin). */
  rate?: string | undefined
  /** Invoice bounds, whole sats: default 100 and 10,000,000. */
  minSats?: string | undefined
  maxSats?: string | undefined
  /**
   * The longest invoice expiry, whole seconds: default 604800 (7 days), at most 31536000 (one
   * year, lnd's own limit). The reconciler lists only invoices created within it before its window.
   */
  maxInvoiceExpirySeconds?: string | undefined
  /** The chain's public RPC (eth_ only). */
  rpcUrl: string
  chainId: string | number
  /**
   * Where the sending keys are, one entry per key (K sharded keys): SSM parameter names in `aws`
   * mode, key files in `embedded` mode. Checked as names (K >= 1, none empty, none listed twice);
   * the keys themselves are read and compared by `openAwsIssuanceResources` and `startIssuance`.
   */
  operatorKeys?: string | readonly string[] | undefined
}

export type ResolveIssuanceConfigReturnType = {
  mode: IssuanceMode
  rate: Rational
  bounds: InvoiceBounds & { maxInvoiceExpirySeconds: number }
  chain: { rpcUrl: string; chainId: number }
  /** The sending keys' parameter names or files, in order; present when `operatorKeys` was given. */
  operatorKeys?: readonly string[]
}

/** The default rate: 10^10 wei per sat, so 1 BTC (10^8 sats) mints 1 coin (10^18 wei). */
const DEFAULT_RATE = '10000000000'
const WHOLE = /^[1-9][0-9]*$/

function invalid(details: string): LightningError {
  return new LightningError({ code: 'ISSUANCE_CONFIG_INVALID', shortMessage: 'Invalid issuance setting', details })
}

function wholeSats(value: string | undefined, name: string, fallback: bigint): bigint {
  if (value === undefined) return fallback
  if (!WHOLE.test(value)) throw invalid(`${name} must be a positive whole number of sats, got "${value}"`)
  return BigInt(value)
}

/**
 * The issuance service's settings from text, checked once with the defaults filled in: the mode,
 * the rate, the invoice bounds and the chain. Every refusal is `ISSUANCE_CONFIG_INVALID`, its
 * details naming the setting (`rate`, `minSats`, `maxSats`, `maxInvoiceExpirySeconds`, `chainId`, `mode`,
 * `rpcUrl`, `operatorKeys`).
 */
export function resolveIssuanceConfig(parameters: ResolveIssuanceConfigParameters): ResolveIssuanceConfigReturnType {
  const mode = parameters.mode ?? 'embedded'
  if (mode !== 'embedded' && mode !== 'aws') throw invalid(`mode must be embedded or aws, got "${mode}"`)

  const rateText = parameters.rate ?? DEFAULT_RATE
  let rate: Rational
  try {
    rate = Rational.fromString(rateText)
  } catch (cause) {
    throw new LightningError({
      code: 'ISSUANCE_CONFIG_INVALID',
      shortMessage: 'Invalid issuance setting',
      details: `rate must be "n" or "n/d" wei per sat, got "${rateText}"`,
      cause,
    })
  }
  if (rate.compare(new Rational(0n)) <= 0) throw invalid('rate must be above 0')

  const bounds = {
    minSats: wholeSats(parameters.minSats, 'minSats', 100n),
    maxSats: wholeSats(parameters.maxSats, 'maxSats', 10_000_000n),
  }
  if (bounds.minSats > bounds.maxSats) throw invalid('minSats is above maxSats')
  const expiryText = parameters.maxInvoiceExpirySeconds
  if (expiryText !== undefined && !WHOLE.test(expiryText))
    throw invalid(`maxInvoiceExpirySeconds must be a positive whole number of seconds, got "${expiryText}"`)
  const maxInvoiceExpirySeconds = resolveMaxInvoiceExpirySeconds(
    expiryText === undefined ? undefined : Number(expiryText),
    'ISSUANCE_CONFIG_INVALID',
  )

  const { rpcUrl } = parameters
  if (typeof rpcUrl !== 'string' || rpcUrl === '') throw invalid('rpcUrl is required')
  const chainIdText = String(parameters.chainId)
  const chainId = Number(chainIdText)
  if (!/^[0-9]+$/.test(chainIdText) || !Number.isSafeInteger(chainId) || chainId < 1)
    throw invalid(`chainId must be a positive integer, got "${chainIdText}"`)

  const config: ResolveIssuanceConfigReturnType = {
    mode,
    rate,
    bounds: { ...bounds, maxInvoiceExpirySeconds },
    chain: { rpcUrl, chainId },
  }
  if (parameters.operatorKeys === undefined) return config
  const operatorKeys: readonly string[] =
    typeof parameters.operatorKeys === 'string' ? [parameters.operatorKeys] : parameters.operatorKeys
  if (!Array.isArray(operatorKeys) || operatorKeys.length === 0)
    throw invalid('operatorKeys: at least one sending key is needed (K = 0)')
  for (const [index, name] of operatorKeys.entries()) {
    if (typeof name !== 'string' || name.trim() === '') throw invalid(`operatorKeys: entry ${index} is empty`)
    const earlier = operatorKeys.indexOf(name)
    if (earlier !== index) throw invalid(`operatorKeys: ${name} is listed twice (entries ${earlier} and ${index})`)
  }
  return { ...config, operatorKeys: [...operatorKeys] }
}
