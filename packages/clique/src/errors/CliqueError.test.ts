import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { CliqueError } from './CliqueError.ts'

describe('CliqueError', () => {
  it('is a ChainopsError named CliqueError with a stable code, the JSON path and the path in its details', () => {
    const error = new CliqueError({
      code: 'CLIQUE_QUANTITY_INVALID',
      shortMessage: 'bad',
      path: 'alloc.0x01.balance',
      details: 'why',
    })
    assert.ok(error instanceof ChainopsError)
    assert.ok(error instanceof Error)
    assert.equal(isChainopsError(error, 'CLIQUE_QUANTITY_INVALID'), true)
    assert.equal(isChainopsError(error, 'CLIQUE_RPC_FAILED'), false)
    assert.equal(error.name, 'CliqueError')
    assert.equal(error.code, 'CLIQUE_QUANTITY_INVALID')
    assert.equal(error.shortMessage, 'bad')
    assert.equal(error.path, 'alloc.0x01.balance')
    assert.equal(error.details, 'at alloc.0x01.balance: why')
    assert.equal(error.message, 'bad [CLIQUE_QUANTITY_INVALID]\n\nDetails: at alloc.0x01.balance: why')
    assert.equal(error.cause, undefined)
  })

  it('writes the path alone as details when there are none', () => {
    const error = new CliqueError({ code: 'CLIQUE_SEAL_INVALID', shortMessage: 'no seal', path: 'extraData' })
    assert.equal(error.details, 'at extraData')
    assert.equal(error.message, 'no seal [CLIQUE_SEAL_INVALID]\n\nDetails: at extraData')
  })

  it('keeps details untouched when there is no path, and keeps the cause for walk()', () => {
    const cause = new Error('inner')
    const error = new CliqueError({
      code: 'CLIQUE_PLAN_INVALID',
      shortMessage: 'bad plan',
      details: 'd',
      metaMessages: ['try this'],
      cause,
    })
    assert.equal(error.path, undefined)
    assert.equal(error.details, 'd')
    assert.equal(error.cause, cause)
    assert.equal(error.walk(), cause)
    assert.equal(
      error.walk((e) => e instanceof CliqueError),
      error,
    )
    assert.equal(error.message, 'bad plan [CLIQUE_PLAN_INVALID]\n\ntry this\n\nDetails: d')
  })

  it('serialises to JSON as name, code, shortMessage and details, without the cause', () => {
    const error = new CliqueError({
      code: 'CLIQUE_RPC_FAILED',
      shortMessage: 'clique_getSigners failed',
      details: 'method not found',
      cause: new Error('inner'),
    })
    assert.deepEqual(error.toJSON(), {
      name: 'CliqueError',
      code: 'CLIQUE_RPC_FAILED',
      shortMessage: 'clique_getSigners failed',
      details: 'method not found',
    })
    assert.equal(
      JSON.stringify({ error }),
      '{"error":{"name":"CliqueError","code":"CLIQUE_RPC_FAILED","shortMessage":"clique_getSigners failed","details":"method not found"}}',
    )
  })
})
