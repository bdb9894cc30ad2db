import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chainops } from './support/chainops.ts'
import { cli } from './support/cli.ts'

// The example config a team copies (read as data): the same file examples/aws-stack/app.ts reads.
const exampleConfig = fileURLToPath(new URL('../../../examples/aws-stack/stack.config.json', import.meta.url))

type SynthJson = {
  stackName: string
  account: string
  region: string
  availabilityZones: string[]
  outdir: string
  templateFile: string
  assetManifestFile: string
  templateBytes: number
  minifiedBytes: number
  inlineLimitBytes: number
  resourceCount: number
  resources: Record<string, number>
}

describe('chainops aws synth', function () {
  this.timeout(180_000)
  let dir: string
  let config: Record<string, unknown> & { issuance: Record<string, unknown> }
  /** Writes `value` as a config file and returns its path. */
  const configFile = async (name: string, value: unknown) => {
    const path = join(dir, name)
    await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2))
    return path
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-aws-synth-'))
    // The three function zips must exist at synth; these tests read the template, so each is an
    // empty archive (the end-of-central-directory record alone).
    const bundles = join(dir, 'bundles')
    await mkdir(bundles)
    const emptyZip = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])
    for (const name of ['invoice-api.zip', 'mint-consumer.zip', 'mint-watcher.zip'])
      await writeFile(join(bundles, name), emptyZip)
    config = JSON.parse(await readFile(exampleConfig, 'utf8'))
    config.issuance.bundlesDir = bundles
  })

  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  })

  it('--json: writes the cloud assembly to --out and reports the stack, its files, sizes and resource counts', async () => {
    const out = join(dir, 'out-json')
    const result = await cli(['aws', 'synth', '--config', await configFile('ok.json', config), '--out', out, '--json'])
    assert.equal(result.code, 0, result.stderr)
    const report = JSON.parse(result.stdout) as SynthJson
    assert.equal(report.stackName, 'Chainops')
    assert.equal(report.account, '123456789012')
    assert.equal(report.region, 'ap-northeast-1')
    assert.deepEqual(report.availabilityZones, ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'])
    assert.equal(report.outdir, out)
    assert.equal(report.templateFile, join(out, 'Chainops.template.json'))
    assert.equal(report.assetManifestFile, join(out, 'Chainops.assets.json'))
    const text = await readFile(report.templateFile, 'utf8')
    assert.equal(report.templateBytes, (await stat(report.templateFile)).size)
    const template = JSON.parse(text) as { Resources: Record<string, { Type: string }> }
    assert.equal(report.minifiedBytes, Buffer.byteLength(JSON.stringify(template)))
    assert.equal(report.inlineLimitBytes, 51_200)
    assert.equal(report.resourceCount, Object.keys(template.Resources).length)
    // 3 sealers, the bastion, the Bitcoin node and lnd; the three functions; the mint queue and its DLQ.
    assert.equal(report.resources['AWS::EC2::Instance'], 6)
    assert.equal(report.resources['AWS::Lambda::Function'], 3)
    assert.equal(report.resources['AWS::SQS::Queue'], 2)
    assert.equal(report.resources['AWS::DynamoDB::Table'], 1)
    assert.equal(
      Object.values(report.resources).reduce((sum, count) => sum + count, 0),
      report.resourceCount,
    )
    assert.match(result.stderr, new RegExp(`^synthesizing Chainops into ${out}$`, 'm'))
  })

  it('prints a table of resource types, the template file and its size against the inline limit', async () => {
    const out = join(dir, 'out-table')
    const result = await cli(['aws', 'synth', '--config', await configFile('ok-table.json', config), '--out', out])
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /^RESOURCE TYPE +COUNT$/m)
    assert.match(result.stdout, /^AWS::EC2::Instance +6$/m)
    assert.match(
      result.stdout,
      new RegExp(
        `^wrote Chainops \\(\\d+ resources, ap-northeast-1: ap-northeast-1a, ap-northeast-1c, ap-northeast-1d\\) to ${out}/Chainops\\.template\\.json$`,
        'm',
      ),
    )
    const minified = Buffer.byteLength(
      JSON.stringify(JSON.parse(await readFile(join(out, 'Chainops.template.json'), 'utf8'))),
    )
    assert.match(
      result.stdout,
      new RegExp(
        `, ${minified} minified: ${minified > 51_200 ? 'over' : 'within'} CloudFormation's 51200-byte inline limit`,
      ),
    )
  })

  it("reads a relative issuance.bundlesDir from the config file's folder, not the working directory", async () => {
    await mkdir(join(dir, 'team'))
    const path = await configFile(join('team', 'stack.json'), {
      ...config,
      issuance: { ...config.issuance, bundlesDir: '../bundles' },
    })
    const out = join(dir, 'out-relative')
    const result = await cli(['aws', 'synth', '--config', path, '--out', out, '--json'])
    assert.equal(result.code, 0, result.stderr)
    assert.notEqual(process.cwd(), join(dir, 'team'))
    // The three zips were found there (the empty test archives are one asset: the same bytes).
    assert.equal((JSON.parse(result.stdout) as SynthJson).resources['AWS::Lambda::Function'], 3)
    // A folder that holds no zips is refused before synth, named with the path it was read as.
    const moved = await configFile('stack-moved.json', {
      ...config,
      issuance: { ...config.issuance, bundlesDir: 'nowhere' },
    })
    const refused = await cli(['aws', 'synth', '--config', moved, '--out', join(dir, 'out-moved')])
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /\[AWS_STACK_CONFIG_INVALID\]/)
    assert.match(refused.stderr, new RegExp(`${join(dir, 'nowhere')}/invoice-api\\.zip does not exist`))
  })

  const badConfigs: [string, (c: typeof config) => unknown, string, string][] = [
    [
      'an SSH CIDR of the whole internet',
      (c) => ({ ...c, bastion: { sshCidr: '0.0.0.0/0', keyPairName: 'ops' } }),
      'AWS_STACK_CONFIG_INVALID',
      'bastion.sshCidr',
    ],
    [
      'an instance type that is not one',
      (c) => ({ ...c, sealers: { ...(c.sealers as object), instanceType: 't2.colossal' } }),
      'AWS_STACK_CONFIG_INVALID',
      'sealers.instanceType',
    ],
    [
      'two sealers with tolerance 1',
      (c) => {
        const sealers = c.sealers as { nodes: unknown[] }
        return { ...c, sealers: { ...sealers, nodes: sealers.nodes.slice(0, 2) } }
      },
      'AWS_STACK_SEALERS_TOO_FEW',
      'sealers.nodes',
    ],
    ['no account', ({ account: _, ...c }) => c, 'AWS_STACK_CONFIG_INVALID', 'account'],
  ]
  for (const [what, change, code, field] of badConfigs) {
    it(`refuses ${what}: ${code} naming ${field}, exit 1, nothing written`, async () => {
      const out = join(dir, `out-${field}`)
      const path = await configFile(`bad-${field}.json`, change(config))
      const result = await cli(['aws', 'synth', '--config', path, '--out', out])
      assert.equal(result.code, 1, result.stdout)
      assert.match(result.stderr, new RegExp(`^chainops aws synth: .*\\[${code}\\]`))
      assert.match(result.stderr, new RegExp(`at ${field.replace('.', '\\.')}\\b`))
      assert.equal(result.stdout, '')
      await assert.rejects(stat(out), { code: 'ENOENT' })
    })
  }

  it('a config that is not JSON is CLI_FILE_INVALID naming the file and where, never its text', async () => {
    const path = await configFile('broken.json', '{ "account": "123456789012", secretish }')
    const result = await cli(['aws', 'synth', '--config', path])
    assert.equal(result.code, 1)
    assert.match(result.stderr, new RegExp(`the --config file ${path} is not JSON \\[CLI_FILE_INVALID\\]`))
    assert.match(result.stderr, /Details: at position 29 \(line 1 column 30\)/)
    assert.ok(!result.stderr.includes('secretish'))
  })

  it('a missing config file is CLI_FILE_UNREADABLE (exit 1); no --config is bad usage (exit 2, help shown)', async () => {
    const missing = await cli(['aws', 'synth', '--config', join(dir, 'nope.json')])
    assert.equal(missing.code, 1)
    assert.match(missing.stderr, /cannot read the --config file .*nope\.json \[CLI_FILE_UNREADABLE\]/)
    const usage = await cli(['aws', 'synth'])
    assert.equal(usage.code, 2)
    assert.match(usage.stderr, /^chainops aws synth: --config is required/)
    assert.match(usage.stderr, /^Usage: chainops aws synth --config FILE/m)
  })

  it('runs through bin/chainops with no AWS variable and no ~/.aws: no credentials needed', async () => {
    const home = join(dir, 'home')
    await mkdir(home)
    const out = join(dir, 'out-bin')
    const env: NodeJS.ProcessEnv = {
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
    }
    for (const name of Object.keys(process.env)) if (name.startsWith('AWS_') && !(name in env)) env[name] = ''
    const result = await chainops(
      ['aws', 'synth', '--config', await configFile('ok-bin.json', config), '--out', out, '--json'],
      {
        env,
      },
    )
    assert.equal(result.code, 0, result.stderr)
    assert.equal((JSON.parse(result.stdout) as SynthJson).templateFile, join(out, 'Chainops.template.json'))
  })
})
