import type { Secret } from '@chainops/core'
import { type AuthenticatedLnd, authenticatedLndGrpc, getIdentity } from 'lightning'
import { type LndRetryOptions, withLndRetry } from '../errors/withLndRetry.ts'

/** Where lnd is and the two least-privilege macaroons (see `bakeIssuanceMacaroons`). */
export type IssuanceLndConnection = {
  /** lnd's gRPC `host:port`. */
  socket: string
  /** lnd's TLS certificate, base64 (of the PEM file, as `authenticatedLndGrpc` takes it). */
  cert: string
  invoiceMacaroon: Secret<string>
  readOnlyMacaroon: Secret<string>
  /** The node's identity key when known; otherwise asked of lnd (`info:read`). */
  nodeKey?: string | undefined
  /** Retries of the identity lookup while lnd starts. */
  retry?: LndRetryOptions | undefined
}

export type ConnectIssuanceLndReturnType = {
  /** Invoice macaroon: creates invoices. */
  invoice: AuthenticatedLnd
  /** Read-only macaroon: subscriber, reconciler, sweep, liquidity. */
  readOnly: AuthenticatedLnd
  nodeKey: string
}

/**
 * The two lnd clients of the issuance service, one per least-privilege macaroon (`startIssuance`'s
 * `lnd`), and the node's identity key. The admin macaroon is never needed here. A failed identity
 * lookup is `LND_UNREACHABLE` / `LND_REQUEST_FAILED` (see `withLndRetry`).
 */
export async function connectIssuanceLnd(connection: IssuanceLndConnection): Promise<ConnectIssuanceLndReturnType> {
  const { socket, cert } = connection
  const connect = (macaroon: Secret<string>): AuthenticatedLnd =>
    authenticatedLndGrpc({ cert, macaroon: macaroon.reveal(), socket }).lnd
  const invoice = connect(connection.invoiceMacaroon)
  const readOnly = connect(connection.readOnlyMacaroon)
  const nodeKey =
    connection.nodeKey ??
    (await withLndRetry(() => getIdentity({ lnd: readOnly }), { ...connection.retry, what: 'give its identity key' }))
      .public_key
  return { invoice, readOnly, nodeKey }
}
