import type { APIGatewayProxyEventV2 } from 'aws-lambda'

/** An API Gateway HTTP API (payload 2.0) event as the `prod` stage delivers it. */
export function apiGatewayEvent(method: string, path: string, body?: string): APIGatewayProxyEventV2 {
  const rawPath = `/prod${path}`
  return {
    version: '2.0',
    routeKey: `${method} ${path.startsWith('/invoices/') ? '/invoices/{hash}' : '/invoices'}`,
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api-id',
      domainName: 'id.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'id',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'id',
      routeKey: '$default',
      stage: 'prod',
      time: '12/Mar/2020:19:03:58 +0000',
      timeEpoch: 1583348638390,
    },
    isBase64Encoded: false,
    ...(body === undefined ? {} : { body }),
  }
}
