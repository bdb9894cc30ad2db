import type { Secret } from '@chainops/core'
import type { AuthenticatedLnd } from 'lightning'

/** One running lnd of a regtest devnet. */
export type LndNode = {
  readonly name: string
  /** The authenticated `lightning` client (admin macaroon); replaced by `restart()`. */
  readonly lnd: AuthenticatedLnd
  /** gRPC `127.0.0.1:<port>`. */
  readonly socket: string
  /** Lightning p2p `127.0.0.1:<port>`, for `addPeer`. */
  readonly p2pSocket: string
  /** lnd's TLS certificate, base64 of the PEM file (what `authenticatedLndGrpc` takes). */
  readonly cert: string
  /** The admin macaroon, base64. */
  readonly macaroon: Secret<string>
  /** The node's identity key, hex. */
  readonly publicKey: string
  readonly lnddir: string
  /** stdout/stderr of the daemon (appended to across restarts). */
  readonly logPath: string
  /** The current PID; changes on `restart()`. */
  readonly pid: number
  /** True when the chain backend is neutrino (compact filters from btcd's p2p port). */
  readonly neutrino: boolean
  /** Stops this lnd by its PID and starts it again on the same dir and ports; resolves once synced (and, in a `startLightningRegtest` network, reconnected to its channel peers). */
  restart(): Promise<void>
  /** Stops this lnd by its PID. */
  stop(): Promise<void>
}
