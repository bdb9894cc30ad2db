import { ChainopsError } from '../errors/ChainopsError.ts'

/** Stable codes of {@link RpcProbeError}: the first is thrown, the others are why an endpoint is `down`. */
export type RpcProbeErrorCode =
  /** `urls`, `calls`, `timeoutMs` or `ca` is not acceptable (thrown before any request). */
  | 'RPC_PROBE_INVALID_INPUT'
  /** The host name did not resolve. */
  | 'RPC_PROBE_DNS_FAILED'
  /** Nothing listens on the port (ECONNREFUSED). */
  | 'RPC_PROBE_REFUSED'
  /** The TCP connection failed or broke for another reason (unreachable, reset before the answer). */
  | 'RPC_PROBE_CONNECT_FAILED'
  /** The TCP connection was made but the TLS handshake failed (an untrusted or mismatched certificate). */
  | 'RPC_PROBE_TLS_FAILED'
  /** The call did not complete within `timeoutMs`. */
  | 'RPC_PROBE_TIMEOUT'
  /** The answer's HTTP status was not 2xx. */
  | 'RPC_PROBE_HTTP_STATUS'
  /** The answer was not a JSON-RPC 2.0 response to the call (not JSON, another id, too large). */
  | 'RPC_PROBE_NOT_JSON'
  /** The endpoint answered with a JSON-RPC error object. */
  | 'RPC_PROBE_RPC_ERROR'
  /** The JSON-RPC result is not what the method returns (`eth_blockNumber` not a hex quantity). */
  | 'RPC_PROBE_INVALID_RESULT'

export type RpcProbeErrorParameters = {
  code: RpcProbeErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/**
 * Raised by `probeRpcEndpoints`: thrown for bad input, and otherwise kept as the `reason` of an
 * endpoint reported `down`. Messages name the endpoint without its user:password part.
 */
export class RpcProbeError extends ChainopsError {
  override name = 'RpcProbeError'
  declare readonly code: RpcProbeErrorCode

  constructor(parameters: RpcProbeErrorParameters) {
    super(parameters)
  }
}
