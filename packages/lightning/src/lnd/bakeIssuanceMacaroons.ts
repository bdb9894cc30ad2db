import { Secret } from '@chainops/core'
import { type AuthenticatedLnd, grantAccess } from 'lightning'
import { type LndRetryOptions, withLndRetry } from '../errors/withLndRetry.ts'
import { issuanceMacaroonPermissions } from './issuanceMacaroonPermissions.ts'

export type BakeIssuanceMacaroonsParameters = {
  /** lnd with a macaroon that may bake macaroons (the admin macaroon); used for nothing else. */
  lnd: AuthenticatedLnd
  retry?: LndRetryOptions | undefined
}

export type BakeIssuanceMacaroonsReturnType = {
  /** `invoices:read`, `invoices:write` (base64). */
  invoice: Secret<string>
  /** `info:read`, `invoices:read`, `offchain:read` (base64). */
  readOnly: Secret<string>
}

/**
 * Bakes the two least-privilege macaroons the issuance service runs on (base64, as
 * `authenticatedLndGrpc` takes them). lnd keeps their root key in its macaroon database, so they
 * stay valid across restarts of the node: bake once, store them as secrets. Failures are
 * `LND_UNREACHABLE` / `LND_REQUEST_FAILED` (see `withLndRetry`: codes and gRPC details only).
 */
export async function bakeIssuanceMacaroons(
  parameters: BakeIssuanceMacaroonsParameters,
): Promise<BakeIssuanceMacaroonsReturnType> {
  const { lnd, retry } = parameters
  const bake = (permissions: readonly string[]) =>
    withLndRetry(() => grantAccess({ lnd, permissions: [...permissions] }), {
      ...retry,
      what: 'bake the issuance macaroons',
    })
  const [invoice, readOnly] = await Promise.all([
    bake(issuanceMacaroonPermissions.invoice),
    bake(issuanceMacaroonPermissions.readOnly),
  ])
  return { invoice: new Secret(invoice.macaroon), readOnly: new Secret(readOnly.macaroon) }
}
