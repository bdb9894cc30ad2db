import { ChainopsError } from '@chainops/core'

/**
 * The SSM parameter names of the sending keys, from `CHAINOPS_OPERATOR_KEY_PARAMETERS` (K keys,
 * comma-separated, in the order the settle subscriber lists their addresses) or
 * `CHAINOPS_OPERATOR_KEY_PARAMETER` (one key). Setting both, neither, or an empty entry fails the
 * cold start naming the variable; a name listed twice or two parameters holding one key are
 * refused by `openAwsIssuanceResources` (`ISSUANCE_CONFIG_INVALID`).
 */
export function readOperatorKeyParameters(env: NodeJS.ProcessEnv): string[] {
  const list = env.CHAINOPS_OPERATOR_KEY_PARAMETERS
  const one = env.CHAINOPS_OPERATOR_KEY_PARAMETER
  if (list && one)
    throw new ChainopsError({
      code: 'LAMBDA_CONFIG_INVALID',
      shortMessage: 'Two settings name the sending keys',
      details:
        "set CHAINOPS_OPERATOR_KEY_PARAMETERS (K keys) or CHAINOPS_OPERATOR_KEY_PARAMETER (one key) in the function's configuration, not both",
    })
  if (one) return [one]
  if (!list)
    throw new ChainopsError({
      code: 'LAMBDA_CONFIG_MISSING',
      shortMessage: 'A required environment variable is not set',
      details:
        "set CHAINOPS_OPERATOR_KEY_PARAMETER (one key) or CHAINOPS_OPERATOR_KEY_PARAMETERS (K keys, comma-separated) in the function's configuration (see examples/lambda/README.md)",
    })
  const names = list.split(',').map((name) => name.trim())
  const empty = names.indexOf('')
  if (empty !== -1)
    throw new ChainopsError({
      code: 'LAMBDA_CONFIG_INVALID',
      shortMessage: 'An empty sending key parameter name',
      details: `CHAINOPS_OPERATOR_KEY_PARAMETERS: entry ${empty} is empty (comma-separated SSM parameter names)`,
    })
  return names
}
