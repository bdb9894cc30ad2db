import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

// The ethers v6 interop (@chainops/core/ethers) types the ethers side structurally and calls only
// the methods of the objects it is handed, so a program that never uses ethers neither installs nor
// loads it: no published source file imports 'ethers', and importing any entry point resolves no
// module of the ethers package. The resolve hook is proven to see ethers by importing it.

const root = fileURLToPath(new URL('..', import.meta.url))

const child = `
import { registerHooks } from 'node:module'
const [specifier, parentURL] = process.argv.slice(1)
const urls = new Set()
registerHooks({
  resolve(spec, context, next) {
    const result = next(spec, context.parentURL?.includes('[eval') ? { ...context, parentURL } : context)
    if (/\\/node_modules\\/(\\.pnpm\\/ethers@[^/]+\\/node_modules\\/)?ethers\\//.test(result.url)) urls.add(result.url)
    return result
  },
})
await import(specifier)
process.stdout.write(JSON.stringify({ urls: urls.size }))
`

async function ethersModulesLoadedBy(specifier: string, importer: string): Promise<number> {
  const parentURL = pathToFileURL(join(root, importer, 'importer.js')).href
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--disable-warning=DEP0123', '--input-type=module', '--eval', child, specifier, parentURL],
    { cwd: root, maxBuffer: 1 << 24 },
  )
  return (JSON.parse(stdout) as { urls: number }).urls
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !/\.test\.ts$|\.fixture\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('ethers is neither imported nor loaded unless the caller brings it', function () {
  this.timeout(120_000)

  it("no source file of a published package imports 'ethers' (the adapters are structural)", async () => {
    const offenders: string[] = []
    for (const name of ['core', 'clique', 'lightning', 'treasury', 'dvt', 'cli', 'devnet', 'testkit']) {
      for (const file of await sourceFiles(join(root, 'packages', name, 'src'))) {
        const text = await readFile(file, 'utf8')
        if (/from ['"]ethers(\/[^'"]*)?['"]|import\(['"]ethers/.test(text)) offenders.push(file.slice(root.length))
      }
    }
    assert.deepEqual(offenders, [])
  })

  for (const specifier of [
    '@chainops/core',
    '@chainops/core/ethers',
    '@chainops/clique',
    '@chainops/treasury',
    '@chainops/lightning',
    '@chainops/dvt',
  ]) {
    it(`importing ${specifier} resolves no ethers module`, async () => {
      const name = /^@chainops\/([^/]+)/.exec(specifier)?.[1] as string
      assert.equal(await ethersModulesLoadedBy(specifier, join('packages', name)), 0)
    })
  }

  it('the hook sees ethers where it is imported', async () => {
    assert.ok((await ethersModulesLoadedBy('ethers', 'packages/core')) > 0)
  })
})
