import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { TreasuryError } from './TreasuryError.ts'

describe('TreasuryError', () => {
  it('is a ChainopsError with a stable code, short message, details and cause', () => {
    const cause = new Error('inner')
    const error = new TreasuryError({
      code: 'LAYOUT_PATH_OUTSIDE',
      shortMessage: 'path is not in the layout',
      details: 'tier MasterAdminVault',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.equal(isChainopsError(error, 'LAYOUT_PATH_OUTSIDE'), true)
    assert.equal(isChainopsError(error, 'LAYOUT_TIER_UNKNOWN'), false)
    assert.equal(error.name, 'TreasuryError')
    assert.equal(error.message, 'path is not in the layout [LAYOUT_PATH_OUTSIDE]\n\nDetails: tier MasterAdminVault')
    assert.equal(error.walk(), cause)
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'TreasuryError',
      code: 'LAYOUT_PATH_OUTSIDE',
      shortMessage: 'path is not in the layout',
      details: 'tier MasterAdminVault',
    })
  })
})
