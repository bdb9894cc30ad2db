import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { describe, it } from 'mocha'
import { LightningError } from './LightningError.ts'

describe('LightningError', () => {
  it('is a ChainopsError with its stable code, message and details', () => {
    const error = new LightningError({
      code: 'INVOICE_ZERO_ADDRESS',
      shortMessage: 'The zero address cannot receive a mint',
      details: 'd',
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'INVOICE_ZERO_ADDRESS'), true)
    assert.equal(error.name, 'LightningError')
    assert.equal(error.message, 'The zero address cannot receive a mint [INVOICE_ZERO_ADDRESS]\n\nDetails: d')
    assert.deepEqual(error.toJSON(), {
      name: 'LightningError',
      code: 'INVOICE_ZERO_ADDRESS',
      shortMessage: 'The zero address cannot receive a mint',
      details: 'd',
    })
  })
})
