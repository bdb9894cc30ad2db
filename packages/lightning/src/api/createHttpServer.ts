import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { LightningError } from '../errors/LightningError.ts'
import type { ApiResponse } from './ApiRequest.ts'
import { apiErrorResponse } from './apiErrorResponse.ts'
import { handleApiRequest } from './handleApiRequest.ts'
import type { InvoiceApiDependencies } from './InvoiceApiDependencies.ts'

export type CreateHttpServerOptions = {
  /** Larger bodies get 413 (default 16 KiB). */
  maxBodyBytes?: number | undefined
}

/**
 * The invoice API on node:http for embedded mode (`chainops serve` listens on it). Not listening
 * yet: call `server.listen(port, '127.0.0.1')`. Routes and responses are `handleApiRequest`'s.
 */
export function createHttpServer(deps: InvoiceApiDependencies, options: CreateHttpServerOptions = {}): Server {
  const { maxBodyBytes = 16_384 } = options
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const send = (response: ApiResponse) => {
      if (res.headersSent) return
      res.writeHead(response.status, response.headers).end(response.body)
    }
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return
      size += chunk.length
      if (size > maxBodyBytes) {
        tooLarge = true
        send(
          apiErrorResponse(
            new LightningError({
              code: 'API_BODY_TOO_LARGE',
              shortMessage: 'Request body too large',
              details: `at most ${maxBodyBytes} bytes`,
            }),
          ),
        )
        req.resume()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (tooLarge) return
      const path = new URL(req.url ?? '/', 'http://localhost').pathname
      const body = Buffer.concat(chunks).toString('utf8')
      handleApiRequest({ method: req.method ?? 'GET', path, body }, deps).then(send, (error: unknown) =>
        send(apiErrorResponse(error, deps.logger)),
      )
    })
  })
}
