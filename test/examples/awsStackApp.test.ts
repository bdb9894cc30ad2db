import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../../', import.meta.url))
const example = join(root, 'examples', 'aws-stack')
const cdk = join(root, 'examples', 'node_modules', '.bin', 'cdk')
const chainopsBin = join(root, 'bin', 'chainops')

type Resource = { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }
type Template = { Resources: Record<string, Resource>; Outputs?: Record<string, unknown> }
type StackConfigFile = {
  stackName: string
  account: string
  region: string
  availabilityZones: string[]
  issuance: { bundlesDir: string }
}

/** A resource's `Name` tag (CDK tags instances with their construct path). */
const nameTag = (resource: Resource) =>
  ((resource.Properties?.Tags ?? []) as { Key: string; Value: string }[]).find((tag) => tag.Key === 'Name')?.Value

/**
 * Runs `command` cut off from the network: in a network namespace of its own (`unshare -rn`: only
 * a loopback, down) where the kernel allows one, else with every proxy variable pointing at a
 * closed port (a container's seccomp profile may refuse unshare). Either way a lookup, a notice
 * fetch or a telemetry post fails the command instead of passing unseen.
 */
async function runOffline(command: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }) {
  const isolated = await run('unshare', ['-rn', 'true']).then(
    () => true,
    () => false,
  )
  const closed = 'http://127.0.0.1:9'
  const env = isolated ? options.env : { ...options.env, HTTP_PROXY: closed, HTTPS_PROXY: closed, NO_PROXY: '' }
  const [file, argv] = isolated ? ['unshare', ['-rn', command, ...args]] : [command, args]
  return run(file, argv, { ...options, env, maxBuffer: 16 * 1024 * 1024 })
}

/**
 * The environment of a machine with no AWS account: no AWS_* variable, a HOME without ~/.aws,
 * the project's Node first on the PATH (cdk.json runs `node app.ts`), telemetry off.
 */
function offlineEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: home, CDK_DISABLE_CLI_TELEMETRY: 'true' }
}

describe('examples/aws-stack: cdk synth of the CDK app a team copies, offline (no network, no credentials) @integration', function () {
  this.timeout(300_000)
  let dir: string
  let app: string
  let config: StackConfigFile
  let cdkJson: { app: string; notices: boolean; context: Record<string, unknown> }
  let synth: { stdout: string; stderr: string }
  let template: Template

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-aws-stack-app-'))
    // The function zips the stack deploys, built as a team builds them.
    const bundlesDir = join(dir, 'bundles')
    await run(process.execPath, [join(root, 'examples/lambda/build.ts'), '--out', bundlesDir, '--json'], {
      maxBuffer: 16 * 1024 * 1024,
    })
    // The folder as copied: cdk.json and app.ts unchanged, the config pointing at those zips, the
    // installed packages (here the examples package's own node_modules).
    app = join(dir, 'app')
    await mkdir(app)
    for (const file of ['cdk.json', 'app.ts']) await copyFile(join(example, file), join(app, file))
    config = JSON.parse(await readFile(join(example, 'stack.config.json'), 'utf8')) as StackConfigFile
    await writeFile(
      join(app, 'stack.config.json'),
      JSON.stringify({ ...config, issuance: { ...config.issuance, bundlesDir } }, null, 2),
    )
    await symlink(join(root, 'examples', 'node_modules'), join(app, 'node_modules'))
    cdkJson = JSON.parse(await readFile(join(app, 'cdk.json'), 'utf8'))
    await mkdir(join(dir, 'home'))
    synth = await runOffline(cdk, ['synth', '--no-notices', '--output', join(dir, 'cdk.out'), config.stackName], {
      cwd: app,
      env: offlineEnv(join(dir, 'home')),
    })
    template = JSON.parse(await readFile(join(dir, 'cdk.out', `${config.stackName}.template.json`), 'utf8')) as Template
  })

  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  })

  it("cdk.json pins the config's zones under the availability-zones context key, with notices and telemetry off", () => {
    assert.equal(cdkJson.app, 'node app.ts')
    assert.equal(cdkJson.notices, false)
    assert.equal(cdkJson.context['cli-telemetry'], false)
    assert.deepEqual(
      cdkJson.context[`availability-zones:account=${config.account}:region=${config.region}`],
      config.availabilityZones,
    )
  })

  it('prints the template (YAML on stdout) and writes it: 3 sealers on t2.xlarge, one per pinned zone, each with a 500 GiB data volume', () => {
    assert.match(synth.stdout, /^Resources:\n/m)
    assert.match(synth.stdout, /AWS::EC2::Instance/)
    const sealers = Object.values(template.Resources).filter(
      (resource) => resource.Type === 'AWS::EC2::Instance' && /\/Sealers\//.test(nameTag(resource) ?? ''),
    )
    assert.equal(sealers.length, 3)
    assert.deepEqual(sealers.map((sealer) => sealer.Properties?.AvailabilityZone).sort(), config.availabilityZones)
    for (const sealer of sealers) {
      assert.equal(sealer.Properties?.InstanceType, 't2.xlarge')
      const devices = sealer.Properties?.BlockDeviceMappings as { DeviceName: string; Ebs: { VolumeSize: number } }[]
      assert.deepEqual(
        devices.map((device) => [device.DeviceName, device.Ebs.VolumeSize]),
        [
          ['/dev/xvda', 30],
          ['/dev/xvdb', 500],
        ],
      )
    }
    // Every launch template has its own name (CloudFormation refuses two of one name).
    const names = Object.values(template.Resources)
      .filter((resource) => resource.Type === 'AWS::EC2::LaunchTemplate')
      .map((resource) => resource.Properties?.LaunchTemplateName)
    assert.equal(names.length, 6)
    assert.equal(new Set(names).size, names.length)
  })

  it('wrote the asset manifest with the three function zips for the account and region of the config', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'cdk.out', `${config.stackName}.assets.json`), 'utf8')) as {
      files: Record<string, { source: { path: string }; destinations: Record<string, { bucketName: string }> }>
    }
    const files = Object.values(manifest.files)
    assert.equal(files.filter((file) => file.source.path.endsWith('.zip')).length, 3)
    for (const file of files)
      for (const destination of Object.values(file.destinations))
        assert.equal(destination.bucketName, `cdk-hnb659fds-assets-${config.account}-${config.region}`)
  })

  it('gives the template `chainops aws synth` writes for the same config file, but for the CDK CLI metadata', async () => {
    const out = join(dir, 'chainops.out')
    const result = await runOffline(
      chainopsBin,
      ['aws', 'synth', '--config', join(app, 'stack.config.json'), '--out', out],
      { env: offlineEnv(join(dir, 'home')) },
    )
    assert.match(result.stdout, /wrote Chainops \(\d+ resources/)
    const fromCli = JSON.parse(await readFile(join(out, `${config.stackName}.template.json`), 'utf8')) as Template
    // The CDK CLI asks for construct paths and asset paths in each resource's Metadata.
    const withoutMetadata = (t: Template) =>
      Object.fromEntries(Object.entries(t.Resources).map(([id, { Metadata: _, ...resource }]) => [id, resource]))
    assert.deepEqual(withoutMetadata(template), withoutMetadata(fromCli))
    assert.deepEqual(template.Outputs, fromCli.Outputs)
  })
})
