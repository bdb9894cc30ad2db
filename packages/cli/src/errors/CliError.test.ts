import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '@chainops/core'
import { CliError, type CliErrorCode } from './CliError.ts'
import { usageError } from './usageError.ts'

describe('CliError', () => {
  it('is a ChainopsError with its name, code, short message, details and cause', () => {
    const cause = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })
    const error = new CliError({
      code: 'CLI_FILE_UNREADABLE',
      shortMessage: 'cannot read genesis.json',
      details: 'ENOENT',
      cause,
    })
    assert.ok(error instanceof ChainopsError)
    assert.ok(error instanceof Error)
    assert.ok(isChainopsError(error, 'CLI_FILE_UNREADABLE'))
    assert.equal(error.name, 'CliError')
    assert.equal(error.code, 'CLI_FILE_UNREADABLE')
    assert.equal(error.shortMessage, 'cannot read genesis.json')
    assert.equal(error.details, 'ENOENT')
    assert.equal(error.message, 'cannot read genesis.json [CLI_FILE_UNREADABLE]\n\nDetails: ENOENT')
    assert.equal(error.cause, cause)
    assert.equal(error.walk(), cause)
  })

  it('has no cause when none is given, and shows meta messages above the details', () => {
    const error = new CliError({
      code: 'CLI_CHAIN_MISMATCH',
      shortMessage: 'TX.json is for chain 1',
      metaMessages: ['the RPC serves chain 2789'],
      details: 'check --rpc',
    })
    assert.equal('cause' in error, false)
    assert.equal(
      error.message,
      'TX.json is for chain 1 [CLI_CHAIN_MISMATCH]\n\nthe RPC serves chain 2789\n\nDetails: check --rpc',
    )
  })

  it('serializes to { name, code, shortMessage, details } without the cause', () => {
    const error = new CliError({
      code: 'CLI_CHAIN_CALL_FAILED',
      shortMessage: 'a call to the chain failed',
      details: 'HTTP request failed',
      cause: new Error('fetch failed'),
    })
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'CliError',
      code: 'CLI_CHAIN_CALL_FAILED',
      shortMessage: 'a call to the chain failed',
      details: 'HTTP request failed',
    })
  })

  it('maps CLI_USAGE to exit code 2 and every other code to 1', () => {
    const codes: CliErrorCode[] = [
      'CLI_FILE_UNREADABLE',
      'CLI_FILE_EXISTS',
      'CLI_FILE_INVALID',
      'CLI_RPC_UNREACHABLE',
      'CLI_CHAIN_CALL_FAILED',
      'CLI_CHAIN_MISMATCH',
      'CLI_SAFE_CONTRACTS_MISSING',
      'CLI_SETTING_MISSING',
      'CLI_API_UNREACHABLE',
      'CLI_API_ERROR',
      'CLI_TIMEOUT',
      'CLI_STACK_INCOMPLETE',
      'CLI_PROMPT_INTERRUPTED',
    ]
    for (const code of codes) assert.equal(new CliError({ code, shortMessage: 'x' }).exitCode, 1, code)
    assert.equal(new CliError({ code: 'CLI_USAGE', shortMessage: 'x' }).exitCode, 2)
  })
})

describe('usageError', () => {
  it('is a CLI_USAGE CliError (exit 2) with the message as its short message, and keeps a cause', () => {
    const cause = new TypeError("Unknown option '--nope'")
    const error = usageError('--tolerate must be a number', { cause })
    assert.ok(error instanceof CliError)
    assert.equal(error.code, 'CLI_USAGE')
    assert.equal(error.shortMessage, '--tolerate must be a number')
    assert.equal(error.exitCode, 2)
    assert.equal(error.cause, cause)
  })
})
