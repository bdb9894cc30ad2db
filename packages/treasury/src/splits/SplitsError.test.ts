import assert from 'node:assert/strict'
import { ChainopsError } from '@chainops/core'
import { SplitsError } from './SplitsError.ts'

describe('SplitsError', () => {
  it('is a ChainopsError with its stable code and short message', () => {
    const error = new SplitsError({ code: 'SPLITS_INVALID_SPLIT', shortMessage: 'a split needs recipients' })
    assert.ok(error instanceof ChainopsError)
    assert.equal(error.name, 'SplitsError')
    assert.equal(error.code, 'SPLITS_INVALID_SPLIT')
    assert.equal(error.message, 'a split needs recipients [SPLITS_INVALID_SPLIT]')
  })
})
