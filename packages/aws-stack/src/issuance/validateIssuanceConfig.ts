import { isChainopsError } from '@chainops/core'
import { resolveIssuanceConfig } from '@chainops/lightning'
import * as v from 'valibot'
import { AwsStackError } from '../errors/AwsStackError.ts'
import type { IssuanceConfig } from './IssuanceConfig.ts'
import { issuanceDefaults } from './issuanceDefaults.ts'
import { lambdaBundlePaths } from './lambdaBundlePaths.ts'

export type ValidateIssuanceConfigErrorType = AwsStackError

/** SSM's rule for a parameter name (a hierarchy starts with `/`); names under `aws` or `ssm` are AWS's. */
const PARAMETER_NAME = /^(?:\/[A-Za-z0-9_.-]+)+$|^[A-Za-z0-9_.-]+$/
const RESERVED_PREFIX = /^\/?(?:aws|ssm)/i
/** What a secret value looks like (an operator key, a hex macaroon): put in a name field by mistake. */
const LOOKS_LIKE_SECRET = /^(?:0x)?[0-9a-fA-F]{64,}$/
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key\/[A-Za-z0-9-]+$/
const MAX_SENDING_KEYS = 32
/** SqsQueue's rule: `<name>-dlq.fifo` stays within SQS's 80 characters. */
const QUEUE_NAME = /^[A-Za-z0-9_-]{1,71}$/

const parameterName = v.pipe(
  v.string(),
  v.check((name) => !LOOKS_LIKE_SECRET.test(name), 'a parameter name, not a key or macaroon'),
  v.check((name) => name.length <= 2048 && PARAMETER_NAME.test(name), 'an SSM parameter name (/a/b or a)'),
  v.check((name) => !RESERVED_PREFIX.test(name), 'a parameter name not starting with aws or ssm'),
)
const wholeNumber = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(`a whole number`), v.minValue(min, `at least ${min}`), v.maxValue(max, `at most ${max}`))

const schema = v.strictObject({
  chainId: wholeNumber(1, Number.MAX_SAFE_INTEGER),
  operatorKeyParameters: v.pipe(
    v.array(parameterName),
    v.minLength(1, 'at least one sending key (K = 0)'),
    // The consumer's environment (4 KB in all) holds every name, and each key adds a watcher.
    v.maxLength(MAX_SENDING_KEYS, `at most ${MAX_SENDING_KEYS} sending keys`),
  ),
  invoiceMacaroonParameter: parameterName,
  readOnlyMacaroonParameter: parameterName,
  lndCertParameter: parameterName,
  bundlesDir: v.pipe(v.string(), v.minLength(1, 'a directory')),
  rate: v.optional(v.string()),
  minSats: v.optional(wholeNumber(1, Number.MAX_SAFE_INTEGER)),
  maxSats: v.optional(wholeNumber(1, Number.MAX_SAFE_INTEGER)),
  maxInvoiceExpirySeconds: v.optional(wholeNumber(1, Number.MAX_SAFE_INTEGER)),
  parameterKeyArn: v.optional(
    v.pipe(v.string(), v.regex(KMS_KEY_ARN, 'a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)')),
  ),
  queueName: v.optional(v.pipe(v.string(), v.regex(QUEUE_NAME, '1 to 71 letters, digits, _ - (no .fifo)'))),
  batchSize: v.optional(wholeNumber(1, 10)),
  maxReceiveCount: v.optional(wholeNumber(1, 1000)),
  visibilityTimeoutSeconds: v.optional(wholeNumber(issuanceDefaults.consumerTimeoutSeconds + 1, 43_200)),
})

/** The settings resolveIssuanceConfig names in its refusals, and the config fields that carry them. */
const SETTING_FIELDS: Record<string, keyof IssuanceConfig> = {
  rate: 'rate',
  minSats: 'minSats',
  maxSats: 'maxSats',
  maxInvoiceExpirySeconds: 'maxInvoiceExpirySeconds',
  chainId: 'chainId',
  operatorKeys: 'operatorKeyParameters',
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'array' : typeof value
}

/** valibot's default messages quote the value received, which may be a secret: never used. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'validation') return `expected ${issue.message}`
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'no such setting (misspelled?)'
  if (issue.input === undefined && issue.expected?.startsWith('"')) return 'required'
  return `expected ${issue.expected ?? issue.type}, received ${typeOf(issue.input)}`
}

function invalid(field: string, details: string, cause?: unknown): AwsStackError {
  return new AwsStackError({
    code: 'AWS_STACK_CONFIG_INVALID',
    shortMessage: `Invalid ${field}`,
    details,
    field,
    cause,
  })
}

/**
 * Checks the `issuance` section of the stack config before anything is synthesized: its shape
 * (unknown keys refused), every secret given as an SSM parameter name (a value that looks like a
 * key or macaroon is refused), the issuance settings by lightning's own `resolveIssuanceConfig`
 * (so the stack refuses exactly what the functions would refuse at cold start), and the three
 * bundles present in `bundlesDir`. A refusal is AwsStackError `AWS_STACK_CONFIG_INVALID` whose
 * `field` names the setting, e.g. `issuance.maxSats`; no value is quoted.
 */
export function validateIssuanceConfig(input: unknown, path = 'issuance'): IssuanceConfig {
  const result = v.safeParse(schema, input)
  if (!result.success) {
    const issue = result.issues[0]
    const keys = (issue.path ?? []).map((item) => String(item.key))
    const field = [path, ...keys].join('.')
    throw invalid(field, describeIssue(issue))
  }
  const config = result.output
  try {
    resolveIssuanceConfig({
      mode: 'aws',
      rate: config.rate,
      minSats: config.minSats === undefined ? undefined : String(config.minSats),
      maxSats: config.maxSats === undefined ? undefined : String(config.maxSats),
      maxInvoiceExpirySeconds:
        config.maxInvoiceExpirySeconds === undefined ? undefined : String(config.maxInvoiceExpirySeconds),
      // The RPC URL is the load balancer's (a token at synth); the stack checks it, not this.
      rpcUrl: 'http://rpc.invalid',
      chainId: config.chainId,
      operatorKeys: config.operatorKeyParameters,
    })
  } catch (error) {
    if (!isChainopsError(error) || error.code !== 'ISSUANCE_CONFIG_INVALID') throw error
    const setting = /^[A-Za-z]+/.exec(error.details ?? '')?.[0] ?? ''
    const field = SETTING_FIELDS[setting]
    throw invalid(field === undefined ? path : `${path}.${field}`, error.details ?? error.shortMessage, error)
  }
  const names = [
    ...config.operatorKeyParameters.map((name, index) => [`operatorKeyParameters.${index}`, name] as const),
    ['invoiceMacaroonParameter', config.invoiceMacaroonParameter] as const,
    ['readOnlyMacaroonParameter', config.readOnlyMacaroonParameter] as const,
  ]
  const seen = new Map<string, string>()
  for (const [field, name] of names) {
    const earlier = seen.get(name)
    if (earlier !== undefined)
      throw invalid(`${path}.${field}`, `the same SSM parameter as ${path}.${earlier}: each secret has its own`)
    seen.set(name, field)
  }
  lambdaBundlePaths(config.bundlesDir, `${path}.bundlesDir`)
  return config
}
