import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { AwsStackError } from './AwsStackError.ts'

describe('AwsStackError', () => {
  it('is a ChainopsError with its code, the field in details and the cause', () => {
    const cause = new Error('inner')
    const error = new AwsStackError({
      code: 'AWS_STACK_ZONES_TOO_FEW',
      shortMessage: '2 zones for 3 sealers',
      field: 'availabilityZones',
      details: 'one per sealer',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.ok(isChainopsError(error, 'AWS_STACK_ZONES_TOO_FEW'))
    assert.equal(error.name, 'AwsStackError')
    assert.equal(error.field, 'availabilityZones')
    assert.equal(error.details, 'at availabilityZones: one per sealer')
    assert.equal(
      error.message,
      '2 zones for 3 sealers [AWS_STACK_ZONES_TOO_FEW]\n\nDetails: at availabilityZones: one per sealer',
    )
    assert.equal(error.cause, cause)
    assert.deepEqual(error.toJSON(), {
      name: 'AwsStackError',
      code: 'AWS_STACK_ZONES_TOO_FEW',
      shortMessage: '2 zones for 3 sealers',
      details: 'at availabilityZones: one per sealer',
    })
  })
  it('without a field keeps the details as they are', () => {
    const error = new AwsStackError({ code: 'AWS_STACK_SYNTH_FAILED', shortMessage: 'no', details: 'why' })
    assert.equal(error.field, undefined)
    assert.equal(error.details, 'why')
  })
})
