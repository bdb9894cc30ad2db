import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { describeLndError } from './describeLndError.ts'

describe('describeLndError', () => {
  it('keeps the code, message, gRPC status and details of a lightning error and drops its metadata', () => {
    const error = [
      503,
      'AddInvoiceError',
      { err: { code: 2, details: 'permission denied', metadata: { macaroon: ['0201abcdef'] } } },
    ]
    assert.equal(describeLndError(error), '503 AddInvoiceError (grpc 2): permission denied')
  })
  it('describes a bare lightning error, an Error and anything else', () => {
    assert.equal(describeLndError([400, 'ExpectedLnd']), '400 ExpectedLnd')
    assert.equal(describeLndError(new Error('boom')), 'boom')
    assert.equal(describeLndError(42), '42')
  })
})
