import type { APIGatewayProxyEventV2 } from 'aws-lambda'

/**
 * An API Gateway HTTP API (payload format 2.0) event, as AWS documents it, for the `$default`
 * route. `rawPath` is what the client asked for: with a named stage it starts with `/<stage>`.
 */
export function apiGatewayEvent(
  method: string,
  rawPath: string,
  options: { body?: string | undefined; stage?: string | undefined; isBase64Encoded?: boolean | undefined } = {},
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api-id',
      domainName: 'id.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'id',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'agent' },
      requestId: 'id',
      routeKey: '$default',
      stage: options.stage ?? '$default',
      time: '12/Mar/2020:19:03:58 +0000',
      timeEpoch: 1583348638390,
    },
    isBase64Encoded: options.isBase64Encoded ?? false,
    ...(options.body === undefined ? {} : { body: options.body }),
  }
}
