import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { installedPackageSize } from './installedPackageSize.ts'
import { startVerdaccio, type Verdaccio } from './startVerdaccio.ts'

type Manifest = {
  name: string
  version: string
  private?: boolean
  exports?: Record<string, string>
  publishConfig?: { exports?: Record<string, unknown> }
}
type Run = { code: number; stdout: string; stderr: string }

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '')
const pnpm = join(root, '.tools', 'node', 'bin', 'pnpm')
const seedGenesis = join(root, 'packages', 'clique', 'test', 'fixtures', 'seed-genesis.json')
// What a team installs; @chainops/core is what their code imports Secret and the stores from.
// @chainops/aws-stack is what a team's CDK app imports (examples/aws-stack); the CLI depends on it too.
const installed = [
  '@chainops/lightning',
  '@chainops/clique',
  '@chainops/treasury',
  '@chainops/dvt',
  '@chainops/aws-stack',
  '@chainops/cli',
]
// The installed packages with entry points to import (the CLI's is its bin).
const libraries = [
  '@chainops/core',
  '@chainops/clique',
  '@chainops/lightning',
  '@chainops/treasury',
  '@chainops/dvt',
  '@chainops/aws-stack',
]

const workspace = new Map<string, { dir: string; manifest: Manifest }>()
for (const dir of readdirSync(join(root, 'packages'))) {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as Manifest
  workspace.set(manifest.name, { dir: join(root, 'packages', dir), manifest })
}
const published = [...workspace.values()].filter(({ manifest }) => !manifest.private).map(({ manifest }) => manifest)
const versionOf = (name: string) =>
  workspace.get(name)?.manifest.version ?? assert.fail(`${name} is no workspace package`)

// A child pnpm reads its settings from the .npmrc files it is given, not from the npm_config_*
// variables that `pnpm exec` (which runs mocha) leaves in the environment.
const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { PATH: `${dirname(process.execPath)}:${process.env.PATH}` }
  for (const [name, value] of Object.entries(process.env))
    if (!/^(npm|pnpm)_/i.test(name) && name !== 'PATH') env[name] = value
  return { ...env, ...extra }
}
const run = (command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? childEnv(), maxBuffer: 64 * 1024 * 1024, timeout: 540_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

describe('publish to a private registry (Verdaccio) and install from it @integration', function () {
  this.timeout(600_000)
  const started = Date.now()
  const timings: Record<string, number> = {}
  let dir: string
  let project: string
  let registry: Verdaccio | undefined
  let devnetState: string | undefined
  let typecheck: Promise<Run>
  const inProject = (args: string[]) => run(process.execPath, args, { cwd: project })
  const installedCli = (args: string[]) =>
    run(join(project, 'node_modules', '.bin', 'chainops'), args, { cwd: project })
  const workspaceCli = (args: string[]) =>
    run(process.execPath, [join(root, 'packages', 'cli', 'src', 'main.ts'), ...args], { cwd: project })

  /**
   * Starts tsc (skipLibCheck false) on a file that imports every entry point of the installed
   * libraries; it runs while the other tests do (one core for tsc, which takes most of this file's time).
   */
  const startTypecheck = (): Promise<Run> => {
    const specifiers = libraries.flatMap((name) => {
      const manifest = JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as Manifest
      return Object.keys(manifest.exports ?? {})
        .filter((subpath) => !subpath.endsWith('.json'))
        .map((subpath) => (subpath === '.' ? name : `${name}${subpath.slice(1)}`))
    })
    writeFileSync(
      join(project, 'entryPoints.mts'),
      [
        ...specifiers.map((specifier, index) => `import * as entry${index} from '${specifier}'`),
        `export const entryPoints = [${specifiers.map((_, index) => `entry${index}`).join(', ')}]`,
        '',
      ].join('\n'),
    )
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          // viem's and ox's own declarations name Web Crypto and WebAuthn types.
          lib: ['ES2023', 'DOM'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          types: ['node'],
        },
        include: ['*.mts'],
      }),
    )
    return run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc')], { cwd: project })
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-publish-'))
    registry = await startVerdaccio({ dir: join(dir, 'registry') })
    const token = await registry.addUser('chainops-ci', `ci-${process.pid}-${Date.now()}`)
    const host = registry.url.replace(/^http:/, '')

    // The publisher's .npmrc: the scope line and the token line (README, "A private registry").
    const publisherNpmrc = join(dir, 'publisher.npmrc')
    writeFileSync(publisherNpmrc, `@chainops:registry=${registry.url}\n${host}:_authToken=${token}\n`)
    let t0 = Date.now()
    const publish = await run(pnpm, ['-r', '--filter', './packages/*', 'publish', '--no-git-checks'], {
      cwd: root,
      env: childEnv({ NPM_CONFIG_USERCONFIG: publisherNpmrc }),
    })
    timings.publish = Date.now() - t0
    assert.equal(publish.code, 0, `pnpm -r publish failed:\n${publish.stdout}\n${publish.stderr}`)

    // A fresh project outside the workspace: @chainops/* from the registry (no token: reading is
    // open), everything else from the default registry through the machine's pnpm store.
    project = join(dir, 'project')
    const store = (await run(pnpm, ['store', 'path'], { cwd: root })).stdout.trim()
    const dependencies = Object.fromEntries(
      [...installed, '@chainops/core'].map((name) => [name, versionOf(name)] as const),
    )
    await run('mkdir', ['-p', project], { cwd: dir })
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({
        name: 'chainops-consumer',
        private: true,
        type: 'module',
        dependencies: {
          ...dependencies,
          '@aws-sdk/client-dynamodb': '^3.1164.0',
          '@aws-sdk/client-sqs': '^3.1169.0',
          '@aws-sdk/client-ssm': '^3.1169.0',
          // A CDK app's own aws-cdk-lib and constructs (peers of @chainops/aws-stack).
          'aws-cdk-lib': '2.276.0',
          constructs: '10.8.1',
          viem: '^2.40.0',
        },
        devDependencies: { '@types/node': '^24.0.0', typescript: '5.9.3' },
      }),
    )
    writeFileSync(join(project, '.npmrc'), `@chainops:registry=${registry.url}\n`)
    for (const file of ['importEntryPoints.mts', 'signWithThreads.mts'])
      copyFileSync(new URL(`consumer/${file}`, import.meta.url), join(project, file))
    t0 = Date.now()
    const install = await run(
      pnpm,
      ['install', '--prefer-offline', '--ignore-workspace', '--store-dir', store, '--reporter=append-only'],
      { cwd: project },
    )
    timings.install = Date.now() - t0
    assert.equal(install.code, 0, `pnpm install failed:\n${install.stdout}\n${install.stderr}`)
    typecheck = startTypecheck()
  })

  after(async () => {
    // A devnet the test started and could not stop itself (an assertion failed in between).
    if (devnetState !== undefined) await installedCli(['devnet', 'down', '--state', devnetState])
    await registry?.stop()
    if (project !== undefined) {
      const sizes = installed.map((name) => {
        const size = installedPackageSize(project, name, ['typescript', '@types/node'])
        return `${name} ${(size.bytes / 1e6).toFixed(1)} MB (${size.packages} packages, ${size.files} files)`
      })
      process.stderr.write(
        `publish-and-install: publish ${seconds(timings.publish ?? 0)}, install ${seconds(timings.install ?? 0)}, ` +
          `whole ${seconds(Date.now() - started)}\npublish-and-install: install sizes: ${sizes.join('; ')}\n`,
      )
    }
    // CHAINOPS_PUBLISH_KEEP=1 leaves the installed project for a look or a benchmark of the installed CLI.
    if (process.env.CHAINOPS_PUBLISH_KEEP === '1' && project !== undefined)
      process.stderr.write(`publish-and-install: kept ${project}\n`)
    else if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  })

  it('publishes every public package at its workspace version, with dist exports and no workspace: ranges', async () => {
    assert.deepEqual(published.map((manifest) => manifest.name).sort(), [
      '@chainops/aws-stack',
      '@chainops/cli',
      '@chainops/clique',
      '@chainops/core',
      '@chainops/devnet',
      '@chainops/dvt',
      '@chainops/lightning',
      '@chainops/treasury',
    ])
    for (const manifest of published) {
      const response = await fetch(`${registry?.url}${manifest.name.replace('/', '%2f')}`)
      assert.equal(response.status, 200, manifest.name)
      const document = (await response.json()) as {
        'dist-tags': Record<string, string>
        versions: Record<string, { exports: unknown; dependencies?: Record<string, string> }>
      }
      assert.equal(document['dist-tags'].latest, manifest.version, manifest.name)
      const version = document.versions[manifest.version]
      assert.ok(version, manifest.name)
      assert.deepEqual(version.exports, manifest.publishConfig?.exports, manifest.name)
      assert.deepEqual(
        Object.entries(version.dependencies ?? {}).filter(([, range]) => range.startsWith('workspace:')),
        [],
        manifest.name,
      )
    }
  })

  it('the project got each @chainops package from the registry: its lockfile integrity is the published tarball', async () => {
    const lockfile = readFileSync(join(project, 'pnpm-lock.yaml'), 'utf8')
    for (const name of [...installed, '@chainops/core', '@chainops/devnet']) {
      const version = versionOf(name)
      const document = (await (await fetch(`${registry?.url}${name.replace('/', '%2f')}`)).json()) as {
        versions: Record<string, { dist: { integrity: string } }>
      }
      const integrity = document.versions[version]?.dist.integrity
      assert.ok(integrity, name)
      const entry = `'${name}@${version}':\n    resolution: {integrity: ${integrity}`
      const at = lockfile.indexOf(entry)
      assert.ok(at >= 0, `${name}: no lockfile entry with the registry's integrity`)
      // pnpm writes the tarball URL too when a setting asks for it; then it is the registry's.
      const rest = lockfile.slice(at + entry.length, lockfile.indexOf('}', at + entry.length))
      if (rest !== '') assert.match(rest, new RegExp(`^, tarball: ${registry?.url.replace(/\./g, '\\.')}`), name)
    }
  })

  it('every entry point imports from the installed packages and exports exactly what the workspace source does', async () => {
    const result = await inProject(['importEntryPoints.mts'])
    assert.equal(result.code, 0, result.stderr)
    const exported = JSON.parse(result.stdout) as Record<string, string[]>
    const expected: Record<string, string[]> = {}
    for (const name of libraries) {
      const { dir: packageDir, manifest } = workspace.get(name) ?? assert.fail(name)
      for (const [subpath, source] of Object.entries(manifest.exports ?? {})) {
        if (subpath.endsWith('.json')) continue
        const specifier = subpath === '.' ? name : `${name}${subpath.slice(1)}`
        expected[specifier] = Object.keys(await import(join(packageDir, source))).sort()
      }
    }
    assert.deepEqual(Object.keys(exported).sort(), Object.keys(expected).sort())
    assert.deepEqual(exported, expected)
    assert.ok((exported['@chainops/lightning']?.length ?? 0) > 10)
  })

  it('the installed chainops runs from dist: --help exits 0 and prints what the workspace CLI prints', async () => {
    const help = await installedCli(['--help'])
    assert.equal(help.code, 0, help.stderr)
    assert.equal(help.stdout, (await workspaceCli(['--help'])).stdout)
    assert.match(help.stdout, /\n {2}genesis lint /)
    assert.equal(help.stderr, '')
  })

  it('the installed chainops genesis lint exits 1 with the seed genesis findings, and 0 on a genesis it made', async () => {
    const json = await installedCli(['genesis', 'lint', seedGenesis, '--json'])
    assert.equal(json.code, 1, json.stderr)
    assert.deepEqual(
      (JSON.parse(json.stdout) as Record<string, string>[]).map((f) => [f.code, f.severity, f.path]),
      [
        ['HEX_LOOKS_DECIMAL', 'error', 'alloc.96676ec1894aa23b9beb5b5cf35795af02c7907a.balance'],
        ['SEALER_QUORUM', 'error', 'extraData'],
        ['MISSING_FORK', 'warning', 'config.berlinBlock'],
        ['MISSING_FORK', 'warning', 'config.londonBlock'],
        ['FUNDED_ACCOUNT_NOT_SEALER', 'info', 'alloc.96676ec1894aa23b9beb5b5cf35795af02c7907a'],
      ],
    )
    const table = await installedCli(['genesis', 'lint', seedGenesis])
    assert.equal(table.code, 1)
    assert.equal(table.stdout, (await workspaceCli(['genesis', 'lint', seedGenesis])).stdout)
    assert.match(table.stdout, /: 2 errors, 2 warnings\n$/)

    const file = join(project, 'genesis.json')
    const sealers = [
      '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf',
      '0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF',
      '0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69',
    ]
    const init = await installedCli([
      'genesis',
      'init',
      '--sealers',
      sealers.join(','),
      '--target-tps',
      '1000',
      '--alloc',
      '0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a=30000000000',
      '--out',
      file,
    ])
    assert.equal(init.code, 0, init.stderr)
    const clean = await installedCli(['genesis', 'lint', file, '--target-tps', '1000', '--json'])
    assert.equal(clean.code, 0, clean.stdout)
    // Only the informational note that the sealers hold no coins (the plan funds a cold wallet).
    assert.deepEqual(
      (JSON.parse(clean.stdout) as Record<string, string>[]).map((f) => f.code),
      ['FUNDED_ACCOUNT_NOT_SEALER'],
    )
  })

  it('the installed chainops aws synth writes the stack template from dist, offline', async () => {
    // The example config, its function zips empty archives (the template is what is checked here).
    const bundles = join(project, 'bundles')
    await run('mkdir', ['-p', bundles], { cwd: project })
    const emptyZip = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])
    for (const name of ['invoice-api.zip', 'mint-consumer.zip', 'mint-watcher.zip'])
      writeFileSync(join(bundles, name), emptyZip)
    const config = JSON.parse(readFileSync(join(root, 'examples', 'aws-stack', 'stack.config.json'), 'utf8'))
    config.issuance.bundlesDir = bundles
    writeFileSync(join(project, 'stack.config.json'), JSON.stringify(config))
    const synth = await installedCli(['aws', 'synth', '--config', 'stack.config.json', '--out', 'cdk.out', '--json'])
    assert.equal(synth.code, 0, synth.stderr)
    const report = JSON.parse(synth.stdout) as { templateFile: string; resources: Record<string, number> }
    assert.equal(report.templateFile, join(project, 'cdk.out', 'Chainops.template.json'))
    assert.equal(report.resources['AWS::EC2::Instance'], 6)
    const fromWorkspace = await workspaceCli(['aws', 'synth', '--config', 'stack.config.json', '--out', 'ws.out'])
    assert.equal(fromWorkspace.code, 0, fromWorkspace.stderr)
    assert.deepEqual(
      JSON.parse(readFileSync(report.templateFile, 'utf8')),
      JSON.parse(readFileSync(join(project, 'ws.out', 'Chainops.template.json'), 'utf8')),
    )
  })

  it('the installed chainops devnet up starts its stack runner from dist (geth, 1 sealer), and down stops it by PID', async () => {
    const state = join(project, 'devnet', 'devnet.json')
    devnetState = state
    const up = await installedCli([
      'devnet',
      'up',
      '--state',
      state,
      '--sealers',
      '1',
      '--no-lightning',
      '--no-moto',
      '--json',
    ])
    assert.equal(up.code, 0, up.stderr)
    const written = JSON.parse(readFileSync(state, 'utf8')) as {
      status: string
      runnerPid: number
      pids: number[]
      endpoints: { geth: { rpcUrl: string } }
    }
    assert.equal(written.status, 'ready')
    const runnerArgs = readFileSync(`/proc/${written.runnerPid}/cmdline`, 'utf8').split('\0')
    assert.match(
      runnerArgs[2] ?? '',
      /\/node_modules\/\.pnpm\/@chainops\+cli@[^/]+\/.*\/dist\/processes\/stackRunner\.js$/,
    )
    const chainId = (await (
      await fetch(written.endpoints.geth.rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      })
    ).json()) as { result: string }
    assert.equal(chainId.result, '0xae5')
    const down = await installedCli(['devnet', 'down', '--state', state])
    assert.equal(down.code, 0, down.stderr)
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    }
    assert.deepEqual(written.pids.filter(alive), [])
  })

  it("the installed lightning signs on worker threads from dist: each raw transaction recovers to the key's address", async () => {
    const result = await inProject(['signWithThreads.mts'])
    assert.equal(result.code, 0, result.stderr)
    const { signerModule, address, raws, senders } = JSON.parse(result.stdout) as Record<string, string | string[]>
    assert.match(String(signerModule), /\/node_modules\/\.pnpm\/@chainops\+lightning@[^/]+\/.*\/dist\/minter\//)
    assert.equal(address, '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')
    assert.deepEqual(senders, Array(4).fill(address))
    assert.equal(new Set(raws).size, 4)
  })

  it('a TypeScript project with skipLibCheck false compiles against every entry point of the installed packages', async () => {
    const result = await typecheck
    const errors = (result.stdout + result.stderr).split('\n').filter((line) => /^\S.*\(\d+,\d+\): error TS/.test(line))
    // The package each error is in (the last node_modules/ segment of its path), or '' for the project's own files.
    const packageOf = (line: string) => {
      const path = line.slice(0, line.indexOf('('))
      const inside = path.split('node_modules/').at(-1) ?? path
      if (inside === path) return ''
      const parts = inside.split('/')
      return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? '')
    }
    const failing = [...new Set(errors.map(packageOf))].sort()
    const ours = errors.filter((line) => packageOf(line) === '' || packageOf(line).startsWith('@chainops/'))
    assert.deepEqual(ours, [], 'errors in the project or in @chainops declarations')
    // Third-party declarations that do not compile under skipLibCheck false whatever imports them
    // (checked on their own): @safe-global/types-kit imports a subpath its exports map lacks, and
    // @trezor packages name WebUSB types and import untyped bn.js and typeforce.
    const knownBroken = ['@safe-global/types-kit', '@trezor/transport', '@trezor/utxo-lib']
    assert.deepEqual(
      failing.filter((name) => !knownBroken.includes(name)),
      [],
      errors.join('\n'),
    )
    assert.equal(result.code, errors.length > 0 ? 2 : 0)
  })
})
