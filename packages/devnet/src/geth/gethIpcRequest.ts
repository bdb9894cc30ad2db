import { connect } from 'node:net'
import { DevnetError } from '../DevnetError.ts'
import { GethRpcError } from './GethRpcError.ts'

/**
 * One JSON-RPC call over geth's IPC socket. The IPC endpoint serves every namespace, which is how
 * the harness reaches `miner_start` without putting `miner` on a node's HTTP API.
 */
export function gethIpcRequest<T>(socketPath: string, method: string, params: readonly unknown[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath)
    let buffer = ''
    const fail = (shortMessage: string, cause?: Error): void => {
      socket.destroy()
      reject(
        new DevnetError({
          code: 'DEVNET_RPC_FAILED',
          shortMessage,
          details: `socket ${socketPath}${cause ? `: ${cause.message}` : ''}`,
          ...(cause ? { cause } : {}),
        }),
      )
    }
    socket.setTimeout(10_000, () => fail(`no answer to ${method} over IPC in 10 s`))
    socket.on('error', (error) => fail(`geth ${method} over IPC failed`, error))
    socket.on('connect', () => socket.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method, params })}\n`))
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      let body: { result?: T; error?: { code: number; message: string } }
      try {
        body = JSON.parse(buffer)
      } catch {
        return // an answer split over several chunks
      }
      socket.end()
      if (body.error) reject(new GethRpcError({ method, rpcCode: body.error.code, message: body.error.message }))
      else resolve(body.result as T)
    })
  })
}
