import { redactForeignText } from '../logger/redactForeignText.ts'
import { RpcProbeError } from './RpcProbeError.ts'
import { type RequestMarks, requestPhase } from './requestPhase.ts'

export type RequestFailureContext = {
  method: string
  /** The endpoint as shown (no user:password). */
  shown: string
  tls: boolean
  marks: RequestMarks
  host: string
}

/** The typed reason for a socket or request error, from its errno code and how far the call got. */
export function requestFailureReason(error: NodeJS.ErrnoException, context: RequestFailureContext): RpcProbeError {
  const { method, shown, tls, marks, host } = context
  const message = redactForeignText(error.message)
  const withCode = error.code ? `${error.code}: ${message}` : message
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN' || error.code === 'EAI_FAIL') {
    return new RpcProbeError({
      code: 'RPC_PROBE_DNS_FAILED',
      shortMessage: `${host} did not resolve (${method} on ${shown})`,
      details: withCode,
      cause: error,
    })
  }
  if (error.code === 'ECONNREFUSED') {
    return new RpcProbeError({
      code: 'RPC_PROBE_REFUSED',
      shortMessage: `${shown} refused the connection`,
      details: withCode,
      cause: error,
    })
  }
  // connected but not secured: whatever broke, it broke in the handshake
  if (tls && marks.connect !== undefined && marks.secure === undefined) {
    return new RpcProbeError({
      code: 'RPC_PROBE_TLS_FAILED',
      shortMessage: `the TLS handshake with ${shown} failed`,
      details: withCode,
      cause: error,
    })
  }
  return new RpcProbeError({
    code: 'RPC_PROBE_CONNECT_FAILED',
    shortMessage: `${method} on ${shown} failed while ${requestPhase(marks, tls)}`,
    details: withCode,
    cause: error,
  })
}
