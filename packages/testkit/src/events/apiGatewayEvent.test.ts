import assert from 'node:assert/strict'
import { apiGatewayEvent } from './apiGatewayEvent.ts'

describe('apiGatewayEvent', () => {
  it('builds a payload 2.0 event for the $default route and stage, JSON content type, no body', () => {
    const event = apiGatewayEvent({ method: 'GET', rawPath: '/invoices/ab' })
    assert.equal(event.version, '2.0')
    assert.equal(event.routeKey, '$default')
    assert.equal(event.rawPath, '/invoices/ab')
    assert.deepEqual(event.headers, { 'content-type': 'application/json' })
    assert.deepEqual(event.requestContext.http, {
      method: 'GET',
      path: '/invoices/ab',
      protocol: 'HTTP/1.1',
      sourceIp: '192.0.2.1',
      userAgent: 'agent',
    })
    assert.equal(event.requestContext.stage, '$default')
    assert.equal(event.isBase64Encoded, false)
    assert.equal('body' in event, false)
  })

  it('carries a named stage, a base64 body and other headers as given', () => {
    const event = apiGatewayEvent({
      method: 'POST',
      rawPath: '/prod/invoices',
      body: 'e30=',
      stage: 'prod',
      isBase64Encoded: true,
      headers: { 'content-type': 'text/plain' },
    })
    assert.equal(event.requestContext.stage, 'prod')
    assert.equal(event.body, 'e30=')
    assert.equal(event.isBase64Encoded, true)
    assert.deepEqual(event.headers, { 'content-type': 'text/plain' })
  })
})
