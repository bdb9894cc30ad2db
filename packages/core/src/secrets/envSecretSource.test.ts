import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import type { CoreErrorCode } from '../errors/CoreErrorCode.ts'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { createLogger } from '../logger/createLogger.ts'
import { envSecretSource } from './envSecretSource.ts'
import { isSecret } from './isSecret.ts'
import { SecretError } from './SecretError.ts'

function failsWith(code: CoreErrorCode, details?: string) {
  return (error: unknown) => isChainopsError(error, code) && (details === undefined || error.details === details)
}

const KEY = `0x${'4c'.repeat(32)}`

describe('envSecretSource', () => {
  const env = { CHAINOPS_OPERATOR_KEY: KEY, CHAINOPS_EMPTY: '', OPERATOR_KEY: 'unprefixed' }

  it('reads a variable (with the prefix) into a Secret that prints as [redacted]', async () => {
    const secret = await envSecretSource({ env, prefix: 'CHAINOPS_' }).get('OPERATOR_KEY')
    assert.ok(isSecret(secret))
    assert.equal(secret.reveal(), KEY)
    assert.equal(String(secret), '[redacted]')
    assert.equal(JSON.stringify({ secret }), '{"secret":"[redacted]"}')
    assert.equal(inspect(secret), 'Secret([redacted])')
    assert.equal((await envSecretSource({ env }).get('OPERATOR_KEY')).reveal(), 'unprefixed')
  })

  it('reads process.env by default', async () => {
    process.env.CHAINOPS_TEST_SECRET_SOURCE = 'from process'
    try {
      assert.equal((await envSecretSource().get('CHAINOPS_TEST_SECRET_SOURCE')).reveal(), 'from process')
    } finally {
      delete process.env.CHAINOPS_TEST_SECRET_SOURCE
    }
  })

  it('names a missing or empty variable and refuses a bad name, with typed errors', async () => {
    const source = envSecretSource({ env, prefix: 'CHAINOPS_' })
    await assert.rejects(
      source.get('MISSING'),
      failsWith('SECRET_NOT_FOUND', 'environment variable CHAINOPS_MISSING is not set'),
    )
    await assert.rejects(source.get('EMPTY'), failsWith('SECRET_EMPTY', 'environment variable CHAINOPS_EMPTY is empty'))
    await assert.rejects(source.get('BAD-NAME'), failsWith('SECRET_INVALID_NAME'))
    await assert.rejects(envSecretSource({ env }).get('1ABC'), failsWith('SECRET_INVALID_NAME'))
  })

  it('never lets the value reach a log line', async () => {
    const secret = await envSecretSource({ env, prefix: 'CHAINOPS_' }).get('OPERATOR_KEY')
    const lines: string[] = []
    createLogger({ sink: (line) => lines.push(line) }).info(`loaded ${secret}`, { secret, key: secret })
    assert.equal(lines.length, 1)
    assert.ok(!lines[0]?.includes('4c4c'), lines[0])
    assert.ok(lines[0]?.includes('[redacted]'))
  })

  it('SecretError is a ChainopsError with a stable code', () => {
    const error = new SecretError({ code: 'SECRET_NOT_FOUND', shortMessage: 'Secret not found', details: 'x' })
    assert.equal(error.name, 'SecretError')
    assert.ok(isChainopsError(error, 'SECRET_NOT_FOUND'))
    assert.equal(error.message, 'Secret not found [SECRET_NOT_FOUND]\n\nDetails: x')
  })
})
