import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

// Importing a package's root entry (or its /testing or /lambda entry) loads no AWS SDK module: the adapters live behind the `/aws`
// (and `/lambda`) subpaths, so a clique user neither installs nor loads @aws-sdk. Each import runs in
// a fresh Node with a resolve hook that records every resolved URL; the hook is proven to see the
// SDK by importing @chainops/core/aws. (Before the redesign, importing @chainops/clique resolved 14
// @aws-sdk modules from 11 packages.)

const root = fileURLToPath(new URL('..', import.meta.url))

type Loaded = { urls: number; packages: string[] }

// The entry is imported by a file of its own package (self-reference through its exports map), so
// that it resolves whoever depends on it.
const child = `
import { registerHooks } from 'node:module'
const [specifier, parentURL] = process.argv.slice(1)
const urls = new Set()
registerHooks({
  resolve(spec, context, next) {
    const result = next(spec, context.parentURL?.includes('[eval') ? { ...context, parentURL } : context)
    if (result.url.includes('/@aws-sdk/')) urls.add(result.url)
    return result
  },
})
await import(specifier)
const packages = new Set([...urls].map((url) => /\\/(@aws-sdk\\/[^/]+)\\//.exec(url)?.[1]))
process.stdout.write(JSON.stringify({ urls: urls.size, packages: [...packages].sort() }))
`

async function awsSdkLoadedBy(specifier: string): Promise<Loaded> {
  const name = /^@chainops\/([^/]+)/.exec(specifier)?.[1] as string
  const parentURL = pathToFileURL(join(root, 'packages', name, 'importer.js')).href
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--disable-warning=DEP0123', '--input-type=module', '--eval', child, specifier, parentURL],
    { cwd: root, maxBuffer: 1 << 24 },
  )
  return JSON.parse(stdout) as Loaded
}

describe('no @aws-sdk module for users of the root, testing and lambda entries', function () {
  this.timeout(120_000)

  for (const specifier of [
    '@chainops/clique',
    '@chainops/core',
    '@chainops/treasury',
    '@chainops/lightning',
    '@chainops/dvt',
    '@chainops/core/testing',
    '@chainops/lightning/lambda',
    '@chainops/lightning/testing',
    '@chainops/treasury/testing',
  ]) {
    it(`importing ${specifier} resolves no @aws-sdk module`, async () => {
      const loaded = await awsSdkLoadedBy(specifier)
      assert.deepEqual(loaded, { urls: 0, packages: [] }, `${specifier} loads ${loaded.packages.join(', ')}`)
    })
  }

  // The hook sees the SDK where it is meant to be loaded.
  for (const specifier of ['@chainops/core/aws', '@chainops/lightning/aws']) {
    it(`importing ${specifier} resolves @aws-sdk modules`, async () => {
      const loaded = await awsSdkLoadedBy(specifier)
      assert.ok(loaded.urls > 0, 'no @aws-sdk module resolved: the hook does not see them')
      assert.ok(loaded.packages.includes('@aws-sdk/client-dynamodb'), loaded.packages.join(', '))
    })
  }
})
