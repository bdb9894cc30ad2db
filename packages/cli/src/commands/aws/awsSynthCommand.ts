import type { Command } from '../../framework/Command.ts'

export const awsSynthCommand: Command = {
  path: ['aws', 'synth'],
  summary:
    'the production AWS stack as a CloudFormation template, offline (sealers, RPC load balancer, bastion, lnd, btcd, functions)',
  usage: 'chainops aws synth --config FILE [--out DIR] [--json]',
  options: {
    config: {
      type: 'string',
      value: 'FILE',
      description: 'the stack config JSON (account, region, zones, sealers, parameter names; no secrets)',
      required: true,
    },
    out: {
      type: 'string',
      value: 'DIR',
      description: 'where the cloud assembly goes: <stack>.template.json, its asset manifest and the assets',
      default: 'cdk.out',
    },
    json: { type: 'boolean', description: 'print the stack name, files, template size and resource counts as JSON' },
  },
  help: [
    'Needs no AWS account or credentials: the config fixes the account, region and zones, so nothing is looked up.',
    'The config is validated first; a bad field is named (AWS_STACK_CONFIG_INVALID at sealers.nodes, ...), exit 1.',
    "A relative issuance.bundlesDir (the zips of node examples/lambda/build.ts) is read from the config file's folder.",
    'Deploy the assembly with `cdk deploy --app DIR` (it uploads the Lambda bundles and the template to the',
    "bootstrap bucket); a template over CloudFormation's 51,200-byte inline limit must go through S3 anyway.",
  ].join('\n'),
  async run(input) {
    const { runAwsSynth } = await import('./runAwsSynth.ts')
    return runAwsSynth(input)
  },
}
