import type { APIGatewayProxyEventV2 } from 'aws-lambda'

export type ApiGatewayEventParameters = {
  method: string
  /** The path the client asked for: with a named stage it starts with `/<stage>`. */
  rawPath: string
  body?: string | undefined
  /** Default `$default`. */
  stage?: string | undefined
  isBase64Encoded?: boolean | undefined
  /** Default `content-type: application/json`. */
  headers?: Record<string, string> | undefined
}

/**
 * An API Gateway HTTP API event (payload format 2.0) for the `$default` route, shaped as AWS
 * documents it (the example event of "Working with AWS Lambda proxy integrations for HTTP APIs").
 */
export function apiGatewayEvent(parameters: ApiGatewayEventParameters): APIGatewayProxyEventV2 {
  const { method, rawPath, body, stage = '$default', isBase64Encoded = false } = parameters
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    headers: parameters.headers ?? { 'content-type': 'application/json' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api-id',
      domainName: 'id.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'id',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'agent' },
      requestId: 'id',
      routeKey: '$default',
      stage,
      time: '12/Mar/2020:19:03:58 +0000',
      timeEpoch: 1583348638390,
    },
    isBase64Encoded,
    ...(body === undefined ? {} : { body }),
  }
}
