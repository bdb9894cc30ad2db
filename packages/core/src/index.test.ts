import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

/** Imports `entry` in a fresh process and returns the `@aws-sdk` modules it resolved on the way. */
function awsSdkModulesLoadedBy(entry: string): string[] {
  const script = `
    import { registerHooks } from 'node:module'
    const urls = new Set()
    registerHooks({
      resolve(specifier, context, nextResolve) {
        const result = nextResolve(specifier, context)
        if (result.url.includes('@aws-sdk')) urls.add(result.url)
        return result
      },
    })
    await import(${JSON.stringify(entry)})
    process.stdout.write(JSON.stringify([...urls]))
  `
  const output = execFileSync(process.execPath, ['--input-type=module', '--eval', script], {
    cwd: packageDir,
    encoding: 'utf8',
  })
  return JSON.parse(output) as string[]
}

describe('@chainops/core entry points', () => {
  it('the root exports the public API and nothing else', async () => {
    assert.deepEqual(Object.keys(await import('@chainops/core')).sort(), [
      'ChainopsError',
      'LoggerError',
      'QueueError',
      'Rational',
      'RationalError',
      'SchemaValidationError',
      'Secret',
      'SecretError',
      'SqliteQueue',
      'SqliteStore',
      'StoreError',
      'UnitsError',
      'WEI_PER_COIN',
      'addressSchema',
      'bigintStringSchema',
      'createLogger',
      'envSecretSource',
      'fileSecretSource',
      'formatBtc',
      'formatExactEther',
      'formatExactGwei',
      'formatExactUnits',
      'formatSats',
      'hexSchema',
      'isChainopsError',
      'isSecret',
      'msatToSats',
      'parseBtc',
      'parseExactEther',
      'parseExactGwei',
      'parseExactUnits',
      'parseSats',
      'parseWith',
      'redact',
      'redactForeignText',
      'satsToMsat',
    ])
  })

  it('@chainops/core/aws exports the AWS adapters', async () => {
    assert.deepEqual(Object.keys(await import('@chainops/core/aws')).sort(), [
      'DynamoDbStore',
      'SqsQueue',
      'ssmSecretSource',
    ])
  })

  it('@chainops/core/testing exports the Store and Queue contract suites', async () => {
    assert.deepEqual(Object.keys(await import('@chainops/core/testing')).sort(), ['queueContract', 'storeContract'])
  })

  it('importing the root or the testing entry loads no @aws-sdk module; the aws entry does', () => {
    assert.deepEqual(awsSdkModulesLoadedBy('@chainops/core'), [])
    assert.deepEqual(awsSdkModulesLoadedBy('@chainops/core/testing'), [])
    assert.ok(awsSdkModulesLoadedBy('@chainops/core/aws').length > 0)
  })
})
