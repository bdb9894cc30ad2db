import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { handleApiRequest } from '../api/handleApiRequest.ts'
import type { InvoiceApiDependencies } from '../api/InvoiceApiDependencies.ts'

export type InvoiceApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>

/**
 * The API Gateway (HTTP API, payload 2.0) handler for `POST /invoices` and `GET /invoices/{hash}`,
 * answering exactly as `handleApiRequest` does. A named stage's prefix (`/prod/invoices`) is
 * removed from the path. `deps` may be a promise (e.g. macaroons read from SSM at cold start),
 * awaited once.
 */
export function createInvoiceApiHandler(
  deps: InvoiceApiDependencies | Promise<InvoiceApiDependencies>,
): InvoiceApiHandler {
  const ready = Promise.resolve(deps)
  return async (event) => {
    const resolved = await ready
    const stage = event.requestContext.stage
    let path = event.rawPath
    if (stage && stage !== '$default' && path.startsWith(`/${stage}/`)) path = path.slice(stage.length + 1)
    const body =
      event.body === undefined
        ? undefined
        : event.isBase64Encoded
          ? Buffer.from(event.body, 'base64').toString('utf8')
          : event.body
    const response = await handleApiRequest({ method: event.requestContext.http.method, path, body }, resolved)
    return { statusCode: response.status, headers: response.headers, body: response.body }
  }
}
