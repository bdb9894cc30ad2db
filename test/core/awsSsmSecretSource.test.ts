import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { type CoreErrorCode, createLogger, isChainopsError, isSecret } from '@chainops/core'
import { ssmSecretSource } from '@chainops/core/aws'
import { type MotoServer, startMoto } from '@chainops/devnet'

function failsWith(code: CoreErrorCode, details?: string) {
  return (error: unknown) => isChainopsError(error, code) && (details === undefined || error.details === details)
}

const OPERATOR_KEY = `0x${'4c'.repeat(32)}`

describe('ssmSecretSource @integration', () => {
  let moto: MotoServer
  let ssm: SSMClient

  before(async () => {
    moto = await startMoto()
    ssm = new SSMClient(moto.clientConfig)
    await ssm.send(
      new PutParameterCommand({ Name: '/chainops/test/operator-key', Type: 'SecureString', Value: OPERATOR_KEY }),
    )
    await ssm.send(new PutParameterCommand({ Name: '/chainops/test/rpc-url', Type: 'String', Value: 'http://x' }))
  })
  after(async () => {
    ssm?.destroy()
    await moto?.stop()
  })

  it('reads a SecureString decrypted into a Secret, through the prefix', async () => {
    const source = ssmSecretSource({ client: ssm, prefix: '/chainops/test/' })
    const secret = await source.get('operator-key')
    assert.ok(isSecret(secret))
    assert.equal(secret.reveal(), OPERATOR_KEY)
    assert.equal(inspect({ secret }), '{ secret: Secret([redacted]) }')
    assert.equal((await source.get('rpc-url')).reveal(), 'http://x')
    // with its own client from a config
    const own = ssmSecretSource({ clientConfig: moto.clientConfig })
    assert.equal((await own.get('/chainops/test/operator-key')).reveal(), OPERATOR_KEY)
  })

  it('names a missing parameter with SECRET_NOT_FOUND and refuses a bad name', async () => {
    const source = ssmSecretSource({ client: ssm, prefix: '/chainops/test/' })
    await assert.rejects(
      source.get('minter-key'),
      failsWith('SECRET_NOT_FOUND', 'SSM parameter /chainops/test/minter-key does not exist'),
    )
    await assert.rejects(source.get(''), failsWith('SECRET_INVALID_NAME'))
    await assert.rejects(source.get('has space'), failsWith('SECRET_INVALID_NAME'))
  })

  it('reports an unreachable SSM as SECRET_UNAVAILABLE naming the parameter', async () => {
    const source = ssmSecretSource({
      clientConfig: { ...moto.clientConfig, endpoint: 'http://127.0.0.1:1', maxAttempts: 1 },
    })
    await assert.rejects(source.get('/chainops/test/operator-key'), (error: unknown) => {
      assert.ok(isChainopsError(error, 'SECRET_UNAVAILABLE'), inspect(error))
      assert.match(error.details ?? '', /^SSM parameter \/chainops\/test\/operator-key: /)
      return true
    })
  })

  it('never lets the value reach an error, its causes or a log line', async () => {
    const source = ssmSecretSource({ client: ssm, prefix: '/chainops/test/' })
    const secret = await source.get('operator-key')
    const errors: unknown[] = []
    await source.get('missing').catch((error) => errors.push(error))
    await ssmSecretSource({ clientConfig: { ...moto.clientConfig, endpoint: 'http://127.0.0.1:1', maxAttempts: 1 } })
      .get('/chainops/test/operator-key')
      .catch((error) => errors.push(error))
    const lines: string[] = []
    const logger = createLogger({ sink: (line) => lines.push(line) })
    logger.info(`operator key ${secret} loaded`, { secret, privateKey: secret.reveal() })
    for (const error of errors) {
      logger.error('secret failed', { error })
      assert.ok(!inspect(error, { depth: 20 }).includes('4c4c4c'))
    }
    assert.equal(errors.length, 2)
    assert.equal(lines.length, 3)
    for (const line of lines) assert.ok(!line.includes('4c4c4c'), line)
  })
})
