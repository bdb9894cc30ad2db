import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type SynthChainopsStackReturnType, synthChainopsStack } from '../src/index.ts'
import { emptyBundlesDir, stackConfigInput } from './stackConfigInput.ts'
import { type CfnLintFinding, runCfnLint } from './support/runCfnLint.ts'

/**
 * The warnings the chainops template carries on purpose, each with its reason. Anything else
 * cfn-lint reports fails the test, so a new finding is read and fixed or added here with its reason.
 */
const ACCEPTED_WARNINGS: Record<string, string> = {
  // One sealer per named zone, each data volume in its instance's zone, and synth never looks zones
  // up (no credentials): the zones are the operator's config, pinned. The test checks that every
  // W3010 names a configured zone, so no other hard-coded zone hides behind it.
  W3010: 'availability zones pinned by the config',
  // aws-cdk-lib's own DependsOn from each function to its role (kept so the role's policy exists
  // before the function), which cfn-lint finds redundant with the GetAtt of the role's ARN.
  W3005: "aws-cdk-lib's DependsOn beside a GetAtt",
}

describe('cfn-lint 1.58.0 (the venv scripts/setup.sh makes) on the synthesized ChainopsStack template @integration', function () {
  this.timeout(180_000)
  let dir: string
  let synth: SynthChainopsStackReturnType
  let result: { exitCode: number; findings: CfnLintFinding[] }
  const input = stackConfigInput(emptyBundlesDir())

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aws-stack-cfn-lint-'))
    synth = synthChainopsStack(input, { outdir: join(dir, 'cdk.out') })
    result = await runCfnLint(synth.templateFile, { region: input.region })
  })

  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  })

  it('finds no error (exit code without the error bit 2) for the stack region', () => {
    const errors = result.findings.filter((finding) => finding.Level === 'Error')
    assert.deepEqual(
      errors.map((e) => `${e.Rule.Id} ${e.Location.Path.join('/')}: ${e.Message}`),
      [],
    )
    assert.equal(result.exitCode & 2, 0)
  })

  it('warns only of what the template does on purpose: W3010 on the configured zones, W3005 from aws-cdk-lib', () => {
    const unexpected = result.findings.filter((finding) => !(finding.Rule.Id in ACCEPTED_WARNINGS))
    assert.deepEqual(
      unexpected.map((f) => `${f.Level} ${f.Rule.Id} ${f.Location.Path.join('/')}: ${f.Message.slice(0, 200)}`),
      [],
    )
    const zones = result.findings
      .filter((finding) => finding.Rule.Id === 'W3010')
      .map((finding) => /'([a-z0-9-]+)'/.exec(finding.Message)?.[1])
    // The six subnets and the six instances, each in one of the config's zones.
    assert.equal(zones.length, 12)
    assert.deepEqual([...new Set(zones)].sort(), input.availabilityZones)
    // Only warnings remain: exit code 4, or 0 once aws-cdk-lib drops its redundant DependsOn.
    assert.equal(result.exitCode, result.findings.length > 0 ? 4 : 0)
  })

  it('fails a template with an error: cfn-lint is really checking (an instance type that does not exist)', async () => {
    const template = JSON.parse(await readFile(synth.templateFile, 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>
    }
    const [id, instance] =
      Object.entries(template.Resources).find(([, resource]) => resource.Type === 'AWS::EC2::Instance') ?? assert.fail()
    instance.Properties.InstanceType = 't2.colossal'
    const broken = join(dir, 'broken.template.json')
    await writeFile(broken, JSON.stringify(template))
    const lint = await runCfnLint(broken, { region: input.region })
    assert.equal(lint.exitCode & 2, 2)
    assert.deepEqual(
      lint.findings.filter((f) => f.Level === 'Error').map((f) => f.Location.Path.slice(0, 4).join('/')),
      [`Resources/${id}/Properties/InstanceType`],
    )
  })
})
