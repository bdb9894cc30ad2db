import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { CliqueCommandError } from './CliqueCommandError.ts'

describe('CliqueCommandError', () => {
  it('is a ChainopsError with its code, short message, details and cause in the message', () => {
    const cause = new Error('ENOENT')
    const error = new CliqueCommandError({
      code: 'CLI_FILE_UNREADABLE',
      shortMessage: 'cannot read genesis.json',
      details: 'ENOENT',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.ok(isChainopsError(error))
    assert.equal(error.name, 'CliqueCommandError')
    assert.equal(error.code, 'CLI_FILE_UNREADABLE')
    assert.equal(error.shortMessage, 'cannot read genesis.json')
    assert.equal(error.message, 'cannot read genesis.json [CLI_FILE_UNREADABLE]\n\nDetails: ENOENT')
    assert.equal(error.cause, cause)
  })
})
