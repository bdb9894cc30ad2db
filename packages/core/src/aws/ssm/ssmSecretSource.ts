import { GetParameterCommand, SSMClient, type SSMClientConfig } from '@aws-sdk/client-ssm'
import { Secret } from '../../secrets/Secret.ts'
import { SecretError } from '../../secrets/SecretError.ts'
import type { SecretSource } from '../../secrets/SecretSource.ts'

export type SsmSecretSourceParameters = {
  /** A client to use; without one, a client is made from `clientConfig`. */
  client?: SSMClient | undefined
  clientConfig?: SSMClientConfig | undefined
  /** Put before every name: `/chainops/prod/` makes `get('operator-key')` read `/chainops/prod/operator-key`. */
  prefix?: string | undefined
}

const PARAMETER_NAME = /^[A-Za-z0-9_.\-/]{1,2048}$/

/**
 * Secrets from SSM Parameter Store (`GetParameter` with decryption, so SecureString parameters
 * come back in the clear, inside a `Secret`). A missing parameter is `SECRET_NOT_FOUND` naming it;
 * any other AWS failure is `SECRET_UNAVAILABLE` with the AWS error as the cause.
 */
export function ssmSecretSource(parameters: SsmSecretSourceParameters = {}): SecretSource {
  const { client = new SSMClient(parameters.clientConfig ?? {}), prefix = '' } = parameters
  return {
    async get(name) {
      const parameter = `${prefix}${name}`
      if (typeof name !== 'string' || name.length === 0 || !PARAMETER_NAME.test(parameter))
        throw new SecretError({
          code: 'SECRET_INVALID_NAME',
          shortMessage: 'Invalid secret name',
          details: 'an SSM parameter name is 1 to 2048 letters, digits, _ . - /',
        })
      let value: string | undefined
      try {
        const { Parameter } = await client.send(new GetParameterCommand({ Name: parameter, WithDecryption: true }))
        value = Parameter?.Value
      } catch (cause) {
        if ((cause as { name?: unknown }).name === 'ParameterNotFound')
          throw new SecretError({
            code: 'SECRET_NOT_FOUND',
            shortMessage: 'Secret not found',
            details: `SSM parameter ${parameter} does not exist`,
          })
        throw new SecretError({
          code: 'SECRET_UNAVAILABLE',
          shortMessage: 'Secret could not be read',
          details: `SSM parameter ${parameter}: ${String((cause as { name?: unknown }).name ?? 'request failed')}`,
          cause,
        })
      }
      if (!value)
        throw new SecretError({
          code: 'SECRET_EMPTY',
          shortMessage: 'Secret is empty',
          details: `SSM parameter ${parameter} has no value`,
        })
      return new Secret(value)
    },
  }
}
