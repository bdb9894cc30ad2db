import { Secret } from './Secret.ts'
import { SecretError } from './SecretError.ts'
import type { SecretSource } from './SecretSource.ts'

export type EnvSecretSourceParameters = {
  /** The environment to read (default `process.env`). */
  env?: Record<string, string | undefined> | undefined
  /** Put before every name: `CHAINOPS_` makes `get('OPERATOR_KEY')` read `CHAINOPS_OPERATOR_KEY`. */
  prefix?: string | undefined
}

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Secrets from environment variables; for dev and for platforms that inject them. */
export function envSecretSource(parameters: EnvSecretSourceParameters = {}): SecretSource {
  const { env = process.env, prefix = '' } = parameters
  return {
    async get(name) {
      const variable = `${prefix}${name}`
      if (typeof name !== 'string' || !VARIABLE.test(variable))
        throw new SecretError({
          code: 'SECRET_INVALID_NAME',
          shortMessage: 'Invalid secret name',
          details: 'an environment variable name is letters, digits and _, not starting with a digit',
        })
      const value = env[variable]
      if (value === undefined)
        throw new SecretError({
          code: 'SECRET_NOT_FOUND',
          shortMessage: 'Secret not found',
          details: `environment variable ${variable} is not set`,
        })
      if (value === '')
        throw new SecretError({
          code: 'SECRET_EMPTY',
          shortMessage: 'Secret is empty',
          details: `environment variable ${variable} is empty`,
        })
      return new Secret(value)
    },
  }
}
