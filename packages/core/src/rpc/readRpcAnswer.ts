import { redactForeignText } from '../logger/redactForeignText.ts'
import { RpcProbeError } from './RpcProbeError.ts'

export type ReadRpcAnswerParameters = {
  text: string
  /** The HTTP status. */
  status: number
  method: string
  /** The endpoint as shown (no user:password). */
  shown: string
  /** The id the call was sent with. */
  id: number
}

const start = (text: string) => `"${redactForeignText(text.slice(0, 60))}"`

/**
 * The `result` of a JSON-RPC answer, or the typed reason it is not one: a JSON-RPC error object
 * (whatever the HTTP status), a non-2xx status, a body that is not JSON, or JSON that does not
 * answer this call. The body is quoted only as its first 60 characters, redacted.
 */
export function readRpcAnswer(parameters: ReadRpcAnswerParameters): { result: unknown } | RpcProbeError {
  const { text, status, method, shown, id } = parameters
  const ok = status >= 200 && status <= 299
  let answer: unknown
  try {
    answer = JSON.parse(text)
  } catch (cause) {
    return ok
      ? new RpcProbeError({
          code: 'RPC_PROBE_NOT_JSON',
          shortMessage: `${method} on ${shown} did not answer JSON`,
          details: `HTTP ${status}, ${text.length} characters, starting ${start(text)}`,
          cause,
        })
      : new RpcProbeError({
          code: 'RPC_PROBE_HTTP_STATUS',
          shortMessage: `${method} on ${shown} answered HTTP ${status}`,
          details: `the body starts ${start(text)}`,
        })
  }
  const object =
    typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? (answer as Record<string, unknown>) : null
  const rpcError = object?.error as { code?: unknown; message?: unknown } | null | undefined
  if (typeof rpcError === 'object' && rpcError !== null) {
    return new RpcProbeError({
      code: 'RPC_PROBE_RPC_ERROR',
      shortMessage: `${method} on ${shown} answered JSON-RPC error ${String(rpcError.code)}`,
      details: `HTTP ${status}: ${redactForeignText(String(rpcError.message))}`,
    })
  }
  if (!ok) {
    return new RpcProbeError({
      code: 'RPC_PROBE_HTTP_STATUS',
      shortMessage: `${method} on ${shown} answered HTTP ${status}`,
      details: `the body starts ${start(text)}`,
    })
  }
  if (object === null || object.id !== id || !('result' in object)) {
    return new RpcProbeError({
      code: 'RPC_PROBE_NOT_JSON',
      shortMessage: `${method} on ${shown} answered JSON that is not a JSON-RPC response to it`,
      details: `expected an object with "id": ${id} and a "result", got ${start(text)}`,
    })
  }
  return { result: object.result }
}
