import type { ClientRequest, IncomingMessage } from 'node:http'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP } from 'node:net'
import { performance } from 'node:perf_hooks'
import { displayUrl } from './displayUrl.ts'
import type { RpcCallTimings } from './RpcCallTimings.ts'
import { RpcProbeError } from './RpcProbeError.ts'
import { readRpcAnswer } from './readRpcAnswer.ts'
import { requestFailureReason } from './requestFailureReason.ts'
import { type RequestMarks, requestPhase } from './requestPhase.ts'

export type TimeRpcCallParameters = {
  url: URL
  method: string
  timeoutMs: number
  /** The certificates (PEM) to trust for https instead of the default roots, as curl's `--cacert`. */
  ca?: string | Uint8Array | undefined
}

export type TimeRpcCallReturnType = { timings: RpcCallTimings; result: unknown }

/** A JSON-RPC answer is small; more than this is not one. */
const MAX_BODY_BYTES = 1 << 20

/**
 * One JSON-RPC call over a fresh connection (`agent: false`, so every call pays for DNS, TCP and
 * TLS, as curl does), timed from the socket's own events. Resolves with the timings and the
 * `result`; rejects with an {@link RpcProbeError} saying why the endpoint is down.
 */
export function timeRpcCall(parameters: TimeRpcCallParameters): Promise<TimeRpcCallReturnType> {
  const { url, method, timeoutMs, ca } = parameters
  const shown = displayUrl(url)
  const tls = url.protocol === 'https:'
  const id = 1
  const body = JSON.stringify({ jsonrpc: '2.0', id, method, params: [] })
  const marks: RequestMarks = {}
  return new Promise<TimeRpcCallReturnType>((resolve, reject) => {
    let timedOut = false
    let settled = false
    const start = performance.now()
    const since = () => performance.now() - start
    const fail = (error: RpcProbeError) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      request.destroy()
      reject(error)
    }
    const options = {
      method: 'POST',
      agent: false as const,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      ...(tls && ca !== undefined ? { ca: typeof ca === 'string' ? ca : Buffer.from(ca) } : {}),
    }
    const request: ClientRequest = (tls ? httpsRequest : httpRequest)(url, options)
    const timer = setTimeout(() => {
      timedOut = true
      fail(
        new RpcProbeError({
          code: 'RPC_PROBE_TIMEOUT',
          shortMessage: `${method} on ${shown} took longer than ${timeoutMs} ms`,
          details: `still ${requestPhase(marks, tls)} after ${timeoutMs} ms`,
        }),
      )
    }, timeoutMs)
    request.on('socket', (socket) => {
      socket.once('lookup', () => {
        marks.lookup ??= since()
      })
      socket.once('connect', () => {
        marks.connect ??= since()
      })
      if (tls)
        socket.once('secureConnect', () => {
          marks.secure ??= since()
        })
    })
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (timedOut) return
      fail(requestFailureReason(error, { method, shown, tls, marks, host: url.hostname }))
    })
    request.on('response', (response: IncomingMessage) => {
      marks.firstByte = since()
      const chunks: Buffer[] = []
      let size = 0
      response.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_BODY_BYTES) {
          fail(
            new RpcProbeError({
              code: 'RPC_PROBE_NOT_JSON',
              shortMessage: `${method} on ${shown} answered more than ${MAX_BODY_BYTES} bytes`,
              details: 'a JSON-RPC answer to this call is a few hundred bytes',
            }),
          )
          return
        }
        chunks.push(chunk)
      })
      response.on('error', (error: NodeJS.ErrnoException) => {
        if (timedOut) return
        fail(requestFailureReason(error, { method, shown, tls, marks, host: url.hostname }))
      })
      response.on('end', () => {
        if (settled) return
        const totalMs = since()
        const text = Buffer.concat(chunks).toString('utf8')
        const outcome = readRpcAnswer({ text, status: response.statusCode ?? 0, method, shown, id })
        if (outcome instanceof RpcProbeError) {
          fail(outcome)
          return
        }
        settled = true
        clearTimeout(timer)
        const firstByteMs = marks.firstByte as number
        // no 'lookup' for an IP address; a missing mark (a socket reused by Node, never here) is the next one
        const connectMs = marks.connect ?? marks.secure ?? firstByteMs
        const dnsMs = marks.lookup ?? (isIP(url.hostname.replace(/^\[|\]$/g, '')) ? 0 : connectMs)
        resolve({
          timings: {
            dnsMs,
            connectMs,
            tlsMs: tls ? (marks.secure ?? connectMs) : null,
            firstByteMs,
            totalMs,
          },
          result: outcome.result,
        })
      })
    })
    request.end(body)
  })
}
