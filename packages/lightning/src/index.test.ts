import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'mocha'

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
  const output = execFileSync(
    process.execPath,
    ['--disable-warning=DEP0123', '--input-type=module', '--eval', script],
    {
      cwd: packageDir,
      encoding: 'utf8',
    },
  )
  return JSON.parse(output) as string[]
}

describe('@chainops/lightning entry points', () => {
  it('the root exports the public API and nothing else', async () => {
    assert.deepEqual(Object.keys(await import('@chainops/lightning')).sort(), [
      'LightningError',
      'MONTHLY_FLOAT_WEI',
      'PLAN_MONTH_SECONDS',
      'bakeIssuanceMacaroons',
      'connectIssuanceLnd',
      'createInvoice',
      'createMinter',
      'getInvoiceStatus',
      'getOperatorFloat',
      'issuanceMacaroonPermissions',
      'mintWeiOf',
      'minterTxPoolArgs',
      'minterTxPoolLimits',
      'openEmbeddedIssuanceResources',
      'openIssuance',
      'parseOperatorKey',
      'planFloatRefill',
      'resolveIssuanceConfig',
      'runMintPipeline',
      'startIssuance',
      'startSettleSubscriber',
    ])
  })

  it('@chainops/lightning/aws exports the AWS mode resources', async () => {
    assert.deepEqual(Object.keys(await import('@chainops/lightning/aws')).sort(), ['openAwsIssuanceResources'])
  })

  it('@chainops/lightning/lambda exports the Lambda handler factories and the local event source', async () => {
    assert.deepEqual(Object.keys(await import('@chainops/lightning/lambda')).sort(), [
      'createInvoiceApiHandler',
      'createMintConsumerHandler',
      'runSqsEventSource',
      'toSqsEvent',
    ])
  })

  it('@chainops/lightning/testing exports the fixtures', async () => {
    assert.deepEqual(Object.keys(await import('@chainops/lightning/testing')).sort(), ['putPaidInvoices'])
  })

  it('importing the root, the lambda or the testing entry loads no @aws-sdk module; the aws entry does', () => {
    assert.deepEqual(awsSdkModulesLoadedBy('@chainops/lightning'), [])
    assert.deepEqual(awsSdkModulesLoadedBy('@chainops/lightning/lambda'), [])
    assert.deepEqual(awsSdkModulesLoadedBy('@chainops/lightning/testing'), [])
    assert.ok(awsSdkModulesLoadedBy('@chainops/lightning/aws').length > 0)
  })
})
