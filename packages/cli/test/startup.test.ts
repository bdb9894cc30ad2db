import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { WEI_PER_COIN } from '@chainops/core'
import { clusterVersions } from '@chainops/dvt'
import { MONTHLY_FLOAT_WEI } from '@chainops/lightning'
import { commands } from '../src/commands/index.ts'

const run = promisify(execFile)
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))
const recorder = fileURLToPath(new URL('./support/recordLoadedModules.ts', import.meta.url))
const seedPath = fileURLToPath(new URL('../../clique/test/fixtures/seed-genesis.json', import.meta.url))

/** The SDK and its heavy dependencies: none of them belongs in the process of a `--help`. */
const HEAVY =
  /\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(viem|ox|abitype|lightning|@aws-sdk\/[^/]+|@chainsafe\/[^/]+|valibot|aws-cdk-lib|constructs)\/|\/packages\/(core|clique|lightning|treasury|dvt|devnet|aws-stack)\/(src|dist)\//

let dir: string

/** Runs `chainops ARGS` from the source in a fresh Node with the recorder preloaded; the URLs it loaded. */
async function loadedBy(args: string[]): Promise<{ code: number; stdout: string; modules: string[] }> {
  const file = join(dir, `loaded-${args.join('-').replaceAll('/', '_')}.txt`)
  const env = { ...process.env, CHAINOPS_LOADED_MODULES: file }
  const argv = ['--disable-warning=ExperimentalWarning', '--import', recorder, main, ...args]
  const { code, stdout } = await run(process.execPath, argv, { env, encoding: 'utf8' }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  )
  const modules = (await readFile(file, 'utf8')).split('\n').filter(Boolean)
  return { code, stdout, modules }
}

describe('chainops starts without loading the SDK it does not run', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-startup-'))
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('--help lists every command and loads no SDK package, viem, lightning or AWS SDK module', async () => {
    const { code, stdout, modules } = await loadedBy(['--help'])
    assert.equal(code, 0)
    for (const command of commands) assert.ok(stdout.includes(`  ${command.path.join(' ')} `), command.path.join(' '))
    assert.ok(
      modules.some((url) => url.endsWith('/packages/cli/src/commands/index.ts')),
      'the recorder saw the command table',
    )
    assert.deepEqual(
      modules.filter((url) => HEAVY.test(url)),
      [],
    )
  })

  for (const path of [
    ['devnet', 'up'],
    ['invoice', 'create'],
    ['safe', 'sign'],
    ['ssv', 'register'],
    ['float'],
    ['aws', 'synth'],
  ]) {
    it(`chainops ${path.join(' ')} --help shows its options and loads none of them either`, async () => {
      const { code, stdout, modules } = await loadedBy([...path, '--help'])
      assert.equal(code, 0)
      assert.match(stdout, new RegExp(`^Usage: chainops ${path.join(' ')}`, 'm'))
      assert.deepEqual(
        modules.filter((url) => HEAVY.test(url)),
        [],
      )
    })
  }

  it('genesis lint loads @chainops/clique when it runs (the recorder sees what a command imports)', async () => {
    const { code, stdout, modules } = await loadedBy(['genesis', 'lint', seedPath, '--json'])
    assert.equal(code, 1)
    assert.ok((JSON.parse(stdout) as { code: string }[]).some((finding) => finding.code === 'SEALER_QUORUM'))
    assert.ok(modules.some((url) => /\/packages\/clique\/src\/index\.ts$/.test(url)))
    assert.ok(modules.some((url) => /\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?viem\//.test(url)))
    assert.ok(!modules.some((url) => /\/packages\/lightning\/src\//.test(url)), 'genesis lint loads no lightning')
  })

  it('aws synth loads @chainops/aws-stack and aws-cdk-lib when it runs (the lazy import is the only way in)', async () => {
    const { code, modules } = await loadedBy(['aws', 'synth', '--config', join(dir, 'missing.json')])
    assert.equal(code, 1)
    assert.ok(modules.some((url) => /\/packages\/aws-stack\/src\/index\.ts$/.test(url)))
    assert.ok(modules.some((url) => /\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?aws-cdk-lib\//.test(url)))
  })

  it('the SDK figures that --help writes out match the SDK constants they stand for', () => {
    const float = commands.find((c) => c.path.join(' ') === 'float')
    assert.equal(float?.options?.['target-coins']?.default, `${MONTHLY_FLOAT_WEI / WEI_PER_COIN}, the monthly float`)
    const create = commands.find((c) => c.path.join(' ') === 'obol definition create')
    assert.equal(create?.options?.version?.description, `definition version, one of ${clusterVersions.join(', ')}`)
  })
})
