import { planSealers } from '@chainops/clique'
import * as v from 'valibot'
import { AwsStackError } from '../errors/AwsStackError.ts'
import { validateIssuanceConfig } from '../issuance/validateIssuanceConfig.ts'
import type { ChainopsStackConfig } from './ChainopsStackConfig.ts'
import { stackConfigSchema } from './stackConfigSchema.ts'

const MAX_ISSUES = 10

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join('.')
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function flatten(issues: readonly v.BaseIssue<unknown>[]): v.BaseIssue<unknown>[] {
  return issues.flatMap((issue) =>
    issue.type === 'union' && issue.issues?.length ? flatten(issue.issues as v.BaseIssue<unknown>[]) : [issue],
  )
}

/**
 * Validates the stack config at the boundary, before any construct exists, and fills in the
 * defaults (t2.xlarge sealers with 500 GiB, a 1000 GiB Bitcoin volume, ...). Every refusal is an
 * {@link AwsStackError} whose `field` names the offending path (`sealers.nodes`,
 * `bastion.sshCidr`, `lightning.parameters.tlsCert`); values are never echoed, only their type.
 * Besides the shape it checks that the sealers survive `sealers.tolerateFailures` down
 * (planSealers: 2f+1) and that every sealer gets a zone of its own.
 */
export function validateStackConfig(input: unknown): ChainopsStackConfig {
  const result = v.safeParse(stackConfigSchema, input)
  if (!result.success) {
    const issues = flatten(result.issues).slice(0, MAX_ISSUES)
    const first = issues[0]
    const describe = (issue: v.BaseIssue<unknown>) => {
      const missing = issue.kind === 'schema' && issue.input === undefined && issue.expected?.startsWith('"')
      // every validation in the schema carries its own words (valibot's defaults quote the value)
      if (issue.kind === 'validation') return `${pathOf(issue)}: expected ${issue.message}`
      if (issue.type === 'strict_object' && issue.expected === 'never') return `${pathOf(issue)}: no such setting`
      const expected = missing ? 'a value (required)' : (issue.expected ?? issue.type)
      return `${pathOf(issue) || '(root)'}: expected ${expected}, received ${typeOf(issue.input)}`
    }
    throw new AwsStackError({
      code: 'AWS_STACK_CONFIG_INVALID',
      shortMessage: `Invalid stack config at ${(first && pathOf(first)) || '(root)'}`,
      field: first ? pathOf(first) : undefined,
      details: issues.map(describe).join('; '),
    })
  }
  const output = result.output
  const { sealers, availabilityZones, region } = output

  let plan: ReturnType<typeof planSealers>
  try {
    plan = planSealers({ tolerateFailures: sealers.tolerateFailures })
  } catch (cause) {
    throw new AwsStackError({
      code: 'AWS_STACK_CONFIG_INVALID',
      shortMessage: 'sealers.tolerateFailures is not a tolerance planSealers takes',
      field: 'sealers.tolerateFailures',
      details: 'an integer from 0 to 1000',
      cause,
    })
  }
  if (sealers.nodes.length < plan.sealers) {
    throw new AwsStackError({
      code: 'AWS_STACK_SEALERS_TOO_FEW',
      shortMessage: `${sealers.nodes.length} sealers cannot keep sealing with ${plan.tolerateFailures} down: ${plan.sealers} are needed`,
      field: 'sealers.nodes',
      details: plan.summary,
    })
  }
  if (availabilityZones.length < sealers.nodes.length) {
    throw new AwsStackError({
      code: 'AWS_STACK_ZONES_TOO_FEW',
      shortMessage: `${availabilityZones.length} availability zones for ${sealers.nodes.length} sealers: each sealer needs its own zone`,
      field: 'availabilityZones',
    })
  }
  for (const [i, zone] of availabilityZones.entries()) {
    if (!zone.startsWith(region)) {
      throw new AwsStackError({
        code: 'AWS_STACK_CONFIG_INVALID',
        shortMessage: `zone ${zone} is not in region ${region}`,
        field: `availabilityZones.${i}`,
      })
    }
  }
  for (const key of ['signer', 'enodeId'] as const) {
    const seen = new Set<string>()
    for (const [i, node] of sealers.nodes.entries()) {
      const value = node[key].toLowerCase()
      if (seen.has(value)) {
        throw new AwsStackError({
          code: 'AWS_STACK_CONFIG_INVALID',
          shortMessage: `two sealers share one ${key}`,
          field: `sealers.nodes.${i}.${key}`,
        })
      }
      seen.add(value)
    }
  }
  const rpcCidrs = output.rpc.clientCidrs ?? [output.vpc.cidr]
  if (output.rpc.port === output.rpc.healthPort) {
    throw new AwsStackError({
      code: 'AWS_STACK_CONFIG_INVALID',
      shortMessage: 'the RPC and health ports must differ',
      field: 'rpc.healthPort',
    })
  }
  const issuance = validateIssuanceConfig(mergeIssuance(output), 'issuance')
  const senders = output.lightning.senderAddresses
  if (senders.length !== issuance.operatorKeyParameters.length || new Set(senders).size !== senders.length) {
    throw new AwsStackError({
      code: 'AWS_STACK_CONFIG_INVALID',
      shortMessage: `lightning.senderAddresses must list the ${issuance.operatorKeyParameters.length} sending keys' addresses once each`,
      field: 'lightning.senderAddresses',
      details: `in the order of issuance.operatorKeyParameters; got ${senders.length} (${new Set(senders).size} distinct)`,
    })
  }
  return { ...output, rpc: { ...output.rpc, clientCidrs: rpcCidrs }, issuance }
}

/** The issuance section with what the rest of the config already says filled in; a contradiction is refused. */
function mergeIssuance(output: v.InferOutput<typeof stackConfigSchema>): Record<string, unknown> {
  const derived: Record<string, unknown> = {
    chainId: output.chain.networkId,
    lndCertParameter: output.lightning.parameters.tlsCert,
    invoiceMacaroonParameter: output.lightning.parameters.invoiceMacaroon,
    readOnlyMacaroonParameter: output.lightning.parameters.readOnlyMacaroon,
  }
  for (const [key, value] of Object.entries(derived)) {
    if (key in output.issuance && output.issuance[key] !== value) {
      throw new AwsStackError({
        code: 'AWS_STACK_CONFIG_INVALID',
        shortMessage: `issuance.${key} disagrees with the rest of the config`,
        field: `issuance.${key}`,
        details:
          key === 'chainId'
            ? 'it must equal chain.networkId'
            : 'it must name the same parameter as lightning.parameters',
      })
    }
  }
  return { ...output.issuance, ...derived }
}
